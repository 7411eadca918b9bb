namespace Ipenergy.Probe.Common
{
    /// <summary>
    /// Unpredictable bytes for password salts and session tokens. The board gives its hardware generator
    /// (ESP32: the RF-noise RNG), the virtual e-Probe the operating system's; nanoFramework has no
    /// System.Security.Cryptography, so the app passes one in.
    /// </summary>
    public interface IRandomSource
    {
        /// <summary>Fills count bytes of buffer[offset...].</summary>
        void Fill(byte[] buffer, int offset, int count);
    }
}
