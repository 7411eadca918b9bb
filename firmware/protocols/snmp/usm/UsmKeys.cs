using System;
using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Snmp.Usm
{
    /// <summary>
    /// SNMPv3 USM keys from passwords (RFC 3414 A.2 password-to-key and 2.6 localization; RFC 7860 for SHA-256).
    /// Ku = H(the password repeated to 1 048 576 bytes), Kul = H(Ku || snmpEngineID || Ku). The expansion is
    /// streamed through a 64-byte block: no megabyte buffer. It costs a million bytes of hashing, so it is done
    /// when a user is configured (or the engine ID changes), never per message; keep the localized keys.
    /// One instance holds both hashes and its scratch; no allocation after construction. Not thread-safe.
    /// </summary>
    public sealed class UsmKeys
    {
        /// <summary>RFC 3414 11.2: passwords shorter than this are refused (net-snmp refuses them too).</summary>
        public const int MinimumPasswordLength = 8;

        /// <summary>RFC 3414 A.2: the password is repeated to fill exactly this many bytes.</summary>
        public const int ExpansionLength = 1048576;

        /// <summary>Localized key length for usmHMACSHAAuthProtocol (SHA-1).</summary>
        public const int Sha1KeyLength = Sha1.HashLength;

        /// <summary>Localized key length for usmHMAC192SHA256AuthProtocol (SHA-256).</summary>
        public const int Sha256KeyLength = Sha256.HashLength;

        /// <summary>usmAesCfb128Protocol takes the first 16 bytes of the localized privacy key (RFC 3826 3.1.2.1).</summary>
        public const int AesKeyLength = Aes128.KeyLength;

        /// <summary>snmpEngineID is 5 to 32 bytes (RFC 3411 SnmpEngineID).</summary>
        public const int MinimumEngineIdLength = 5;
        public const int MaximumEngineIdLength = 32;

        private readonly Sha1 _sha1 = new Sha1();
        private readonly Sha256 _sha256 = new Sha256();
        private readonly byte[] _block = new byte[64];
        private readonly byte[] _ku = new byte[Sha256.HashLength];

        /// <summary>Ku for SHA-1 (20 bytes) into output[outputOffset...]. Throws ArgumentException on a short password.</summary>
        public void PasswordToKeySha1(byte[] password, int offset, int length, byte[] output, int outputOffset)
        {
            PasswordToKey(_sha1, password, offset, length, output, outputOffset);
        }

        /// <summary>Ku for SHA-256 (32 bytes) into output[outputOffset...]. Throws ArgumentException on a short password.</summary>
        public void PasswordToKeySha256(byte[] password, int offset, int length, byte[] output, int outputOffset)
        {
            PasswordToKey(_sha256, password, offset, length, output, outputOffset);
        }

        /// <summary>Kul = SHA-1(Ku || engineID || Ku), 20 bytes, from the 20-byte Ku at ku[kuOffset...].</summary>
        public void LocalizeSha1(byte[] ku, int kuOffset, byte[] engineId, int engineIdOffset, int engineIdLength,
            byte[] output, int outputOffset)
        {
            Localize(_sha1, ku, kuOffset, engineId, engineIdOffset, engineIdLength, output, outputOffset);
        }

        /// <summary>Kul = SHA-256(Ku || engineID || Ku), 32 bytes, from the 32-byte Ku at ku[kuOffset...].</summary>
        public void LocalizeSha256(byte[] ku, int kuOffset, byte[] engineId, int engineIdOffset, int engineIdLength,
            byte[] output, int outputOffset)
        {
            Localize(_sha256, ku, kuOffset, engineId, engineIdOffset, engineIdLength, output, outputOffset);
        }

        /// <summary>
        /// Password straight to the localized key: 20 bytes (SHA-1) or 32 (SHA-256) into output[outputOffset...].
        /// The same call gives the privacy key from the privacy password (with the user's authentication hash);
        /// AES-128 then uses its first 16 bytes. The intermediate Ku is wiped.
        /// </summary>
        public void LocalizedKey(bool sha256, byte[] password, int offset, int length,
            byte[] engineId, int engineIdOffset, int engineIdLength, byte[] output, int outputOffset)
        {
            CheckEngineId(engineIdLength);
            BlockHash hash = sha256 ? (BlockHash)_sha256 : _sha1;
            PasswordToKey(hash, password, offset, length, _ku, 0);
            Localize(hash, _ku, 0, engineId, engineIdOffset, engineIdLength, output, outputOffset);

            for (int i = 0; i < _ku.Length; i++)
            {
                _ku[i] = 0;
            }
        }

        /// <summary>
        /// The same from a text password, as its UTF-8 bytes (what net-snmp hashes from its command line).
        /// Allocates the bytes once: configuration time only.
        /// </summary>
        public void LocalizedKey(bool sha256, string password, byte[] engineId, int engineIdOffset, int engineIdLength,
            byte[] output, int outputOffset)
        {
            if (password == null || password.Length < MinimumPasswordLength)
            {
                throw new ArgumentException("SNMPv3 password must be at least " + MinimumPasswordLength
                    + " characters long (RFC 3414)", "password");
            }

            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(password);
            LocalizedKey(sha256, bytes, 0, bytes.Length, engineId, engineIdOffset, engineIdLength, output, outputOffset);
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = 0;
            }
        }

        /// <summary>
        /// The usmAesCfb128Protocol IV (RFC 3826 3.1.2.1): snmpEngineBoots (4 bytes, big-endian) ||
        /// snmpEngineTime (4 bytes, big-endian) || the 8-byte salt sent as msgPrivacyParameters.
        /// </summary>
        public static void AesIv(int engineBoots, int engineTime, byte[] salt, int saltOffset, byte[] iv, int ivOffset)
        {
            iv[ivOffset] = (byte)(engineBoots >> 24);
            iv[ivOffset + 1] = (byte)(engineBoots >> 16);
            iv[ivOffset + 2] = (byte)(engineBoots >> 8);
            iv[ivOffset + 3] = (byte)engineBoots;
            iv[ivOffset + 4] = (byte)(engineTime >> 24);
            iv[ivOffset + 5] = (byte)(engineTime >> 16);
            iv[ivOffset + 6] = (byte)(engineTime >> 8);
            iv[ivOffset + 7] = (byte)engineTime;
            for (int i = 0; i < 8; i++)
            {
                iv[ivOffset + 8 + i] = salt[saltOffset + i];
            }
        }

        // RFC 3414 A.2: the password repeated to 1 048 576 bytes, hashed 64 bytes at a time (no 1 MB buffer).
        private void PasswordToKey(BlockHash hash, byte[] password, int offset, int length, byte[] output, int outputOffset)
        {
            CheckPassword(length);
            hash.Reset();
            int position = 0;
            for (int filled = 0; filled < ExpansionLength; filled += _block.Length)
            {
                position = FillBlock(password, offset, length, position);
                hash.Update(_block, 0, _block.Length);
            }

            hash.Finish(output, outputOffset);
            ClearBlock();
        }

        // Kul = H(Ku || engineID || Ku), Ku being the hash's digest length.
        private static void Localize(BlockHash hash, byte[] ku, int kuOffset, byte[] engineId, int engineIdOffset, int engineIdLength,
            byte[] output, int outputOffset)
        {
            CheckEngineId(engineIdLength);
            hash.Reset();
            hash.Update(ku, kuOffset, hash.DigestLength);
            hash.Update(engineId, engineIdOffset, engineIdLength);
            hash.Update(ku, kuOffset, hash.DigestLength);
            hash.Finish(output, outputOffset);
        }

        private static void CheckPassword(int length)
        {
            if (length < MinimumPasswordLength)
            {
                throw new ArgumentException("SNMPv3 password must be at least " + MinimumPasswordLength
                    + " bytes long (RFC 3414)", "password");
            }
        }

        private static void CheckEngineId(int length)
        {
            if (length < MinimumEngineIdLength || length > MaximumEngineIdLength)
            {
                throw new ArgumentException("snmpEngineID must be 5 to 32 bytes (RFC 3411)", "engineId");
            }
        }

        // Fills the 64-byte block with the password repeated, continuing from where the last block stopped.
        private int FillBlock(byte[] password, int offset, int length, int position)
        {
            for (int i = 0; i < _block.Length; i++)
            {
                _block[i] = password[offset + position];
                position++;
                if (position == length)
                {
                    position = 0;
                }
            }

            return position;
        }

        private void ClearBlock()
        {
            for (int i = 0; i < _block.Length; i++)
            {
                _block[i] = 0;
            }
        }
    }
}
