namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// Checks the admin's user name and password (decoded from HTTP Basic, UTF-8 bytes) for requests that
    /// change the meter. Provided by the app (e.g. against the password hash in the configuration).
    /// </summary>
    public interface ICredentialCheck
    {
        bool IsValid(byte[] buffer, int userStart, int userLength, int passwordStart, int passwordLength);
    }
}
