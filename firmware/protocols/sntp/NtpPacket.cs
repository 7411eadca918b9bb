namespace Ipenergy.Probe.Protocols.Sntp
{
    /// <summary>
    /// The 48-byte NTP header (RFC 5905 7.3) as an SNTP client uses it: offsets of the fields, the client
    /// request, and the checks a server reply must pass (RFC 4330 5) before its timestamps are trusted.
    /// </summary>
    public static class NtpPacket
    {
        public const int Length = 48;
        public const int DefaultPort = 123;

        public const int FlagsOffset = 0;          // LI (2 bits), VN (3 bits), Mode (3 bits)
        public const int StratumOffset = 1;
        public const int PollOffset = 2;
        public const int PrecisionOffset = 3;
        public const int RootDelayOffset = 4;
        public const int RootDispersionOffset = 8;
        public const int ReferenceIdOffset = 12;
        public const int ReferenceTimestampOffset = 16;
        public const int OriginTimestampOffset = 24;
        public const int ReceiveTimestampOffset = 32;
        public const int TransmitTimestampOffset = 40;

        public const int ModeClient = 3;
        public const int ModeServer = 4;
        public const int Version = 4;
        public const int LeapAlarm = 3;

        // Reply checks: Ok, or why the reply is not trusted.
        public const int Ok = 0;
        public const int TooShort = 1;
        public const int NotServerMode = 2;
        public const int BadVersion = 3;
        public const int KissOfDeath = 4;
        public const int BadStratum = 5;
        public const int ServerUnsynchronized = 6;
        public const int OriginMismatch = 7;
        public const int ZeroTransmit = 8;
        public const int ZeroReceive = 9;

        /// <summary>
        /// Fills <paramref name="request"/> (48 bytes) as a client request, version 4, with the client's
        /// transmit time in the transmit field; the server echoes it as the reply's origin (RFC 5905 8).
        /// </summary>
        public static void WriteRequest(byte[] request, long transmitTicks)
        {
            for (int i = 0; i < Length; i++)
            {
                request[i] = 0;
            }

            request[FlagsOffset] = (byte)((Version << 3) | ModeClient);
            NtpTimestamp.WriteTicks(request, TransmitTimestampOffset, transmitTicks);
        }

        public static int LeapIndicator(byte[] packet)
        {
            return packet[FlagsOffset] >> 6;
        }

        public static int VersionNumber(byte[] packet)
        {
            return (packet[FlagsOffset] >> 3) & 7;
        }

        public static int Mode(byte[] packet)
        {
            return packet[FlagsOffset] & 7;
        }

        public static int Stratum(byte[] packet)
        {
            return packet[StratumOffset];
        }

        /// <summary>
        /// Checks a reply of <paramref name="length"/> bytes against the request that was sent: server mode,
        /// version 1..4, stratum 1..15 (0 is a kiss-o'-death), leap indicator not 3 (server unsynchronized),
        /// the origin timestamp echoing our transmit timestamp byte for byte, non-zero receive and transmit times.
        /// </summary>
        public static int Check(byte[] reply, int length, byte[] request)
        {
            if (length < Length)
            {
                return TooShort;
            }

            if (Mode(reply) != ModeServer)
            {
                return NotServerMode;
            }

            int version = VersionNumber(reply);
            if (version < 1 || version > 4)
            {
                return BadVersion;
            }

            int stratum = Stratum(reply);
            if (stratum == 0)
            {
                return KissOfDeath;
            }

            if (stratum > 15)
            {
                return BadStratum;
            }

            if (LeapIndicator(reply) == LeapAlarm)
            {
                return ServerUnsynchronized;
            }

            for (int i = 0; i < 8; i++)
            {
                if (reply[OriginTimestampOffset + i] != request[TransmitTimestampOffset + i])
                {
                    return OriginMismatch;
                }
            }

            if (NtpTimestamp.IsZero(reply, TransmitTimestampOffset))
            {
                return ZeroTransmit;
            }

            if (NtpTimestamp.IsZero(reply, ReceiveTimestampOffset))
            {
                return ZeroReceive;
            }

            return Ok;
        }

        /// <summary>Clock offset (RFC 5905 8): ((T2 − T1) + (T3 − T4)) / 2, in ticks; positive = our clock is behind.</summary>
        public static long OffsetTicks(long t1, long t2, long t3, long t4)
        {
            return ((t2 - t1) + (t3 - t4)) / 2;
        }

        /// <summary>Round-trip delay (RFC 5905 8): (T4 − T1) − (T3 − T2), in ticks.</summary>
        public static long DelayTicks(long t1, long t2, long t3, long t4)
        {
            return (t4 - t1) - (t3 - t2);
        }
    }
}
