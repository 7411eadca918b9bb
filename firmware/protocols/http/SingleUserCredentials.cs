using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// One fixed user and password, compared without an early exit on the first differing byte, so the
    /// time taken does not tell how much of a guess was right. For tests and the virtual e-Probe; a device
    /// checks against a hash in its configuration.
    /// </summary>
    public sealed class SingleUserCredentials : ICredentialCheck
    {
        private readonly byte[] _user;
        private readonly byte[] _password;

        public SingleUserCredentials(string user, string password)
        {
            _user = AsciiBytes.From(user);
            _password = AsciiBytes.From(password);
        }

        public bool IsValid(byte[] buffer, int userStart, int userLength, int passwordStart, int passwordLength)
        {
            int userDiff = Difference(buffer, userStart, userLength, _user);
            int passwordDiff = Difference(buffer, passwordStart, passwordLength, _password);
            return (userDiff | passwordDiff) == 0;
        }

        private static int Difference(byte[] buffer, int start, int length, byte[] expected)
        {
            int diff = length ^ expected.Length;
            for (int i = 0; i < expected.Length; i++)
            {
                byte actual = i < length ? buffer[start + i] : (byte)0;
                diff |= actual ^ expected[i];
            }

            return diff;
        }
    }
}
