using System;
using System.Text;
using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Storage.Alarms
{
    /// <summary>
    /// One alarm journal record as 64 bytes on flash (little-endian). Layout:
    ///   0 magic 0xA1 | 1 commit marker (0xFF while writing, 0x00 programmed alone, last) | 2 kind | 3 flags
    ///   (bit 0 latching, bit 1 acknowledged) | 4..7 Id | 8..11 AlarmId | 12..17 timestamp | 18..23 changed |
    ///   24..29 ack time | 30 source | 31 condition | 32 level (low nibble) and previous level (high nibble) |
    ///   33 ack user length (0..16) | 34..35 source index | 36..39 value | 40..43 threshold | 44..59 ack user
    ///   (UTF-8, cut on a character boundary) | 60..63 CRC-32 of bytes 0 and 2..59.
    /// Times: milliseconds since 0001-01-01 in 48 bits (DateTime.MinValue = 0; good to year 8900; below a
    /// millisecond is dropped). Value and threshold: signed thousandths (±2 147 483.647 in the condition's
    /// unit), so 95.1 reads back as exactly 95.1.
    /// </summary>
    public static class AlarmRecordCodec
    {
        public const int SlotSize = 64;

        public const int MaxUserBytes = 16;

        /// <summary>Journal-internal kind: restates an active alarm whose older records are about to be erased.</summary>
        public const int KindActiveSnapshot = 5;

        public const int CommitOffset = 1;
        public const byte Committed = 0x00;

        private const byte Magic = 0xA1;
        private const int UserOffset = 44;
        private const int CrcOffset = 60;
        private const long TicksPerMs = 10000;
        private const long MaxMs = 0xFFFFFFFFFFFFL;

        /// <summary>Fills slot with the record (commit marker still erased); the user name comes from e.AckUser.</summary>
        public static void Encode(AlarmEntry e, int kind, byte[] slot)
        {
            slot[0] = Magic;
            slot[CommitOffset] = 0xFF;
            slot[2] = (byte)kind;
            slot[3] = (byte)((e.Latching ? 1 : 0) | (e.Acknowledged ? 2 : 0));
            WriteUInt32(slot, 4, e.Id);
            WriteUInt32(slot, 8, e.AlarmId);
            WriteTime(slot, 12, e.TimestampUtc);
            WriteTime(slot, 18, e.ChangedUtc);
            WriteTime(slot, 24, e.AckTimeUtc);
            slot[30] = (byte)e.Source;
            slot[31] = (byte)e.Condition;
            slot[32] = (byte)((e.Level & 0x0F) | ((e.PreviousLevel & 0x0F) << 4));
            slot[34] = (byte)e.SourceIndex;
            slot[35] = (byte)(e.SourceIndex >> 8);
            WriteUInt32(slot, 36, (uint)ToThousandths(e.Value));
            WriteUInt32(slot, 40, (uint)ToThousandths(e.Threshold));
            for (int i = 0; i < MaxUserBytes; i++)
            {
                slot[UserOffset + i] = 0;
            }

            slot[33] = (byte)EncodeUtf8(e.AckUser, slot, UserOffset, MaxUserBytes);
            WriteUInt32(slot, CrcOffset, Checksum(slot));
        }

        /// <summary>Same as Encode but the user name is given as bytes (restating a row read back from flash).</summary>
        public static void EncodeWithUserBytes(AlarmEntry e, int kind, byte[] user, int userLength, byte[] slot)
        {
            string keep = e.AckUser;
            e.AckUser = null;
            Encode(e, kind, slot);
            e.AckUser = keep;
            Array.Copy(user, 0, slot, UserOffset, userLength);
            slot[33] = (byte)userLength;
            WriteUInt32(slot, CrcOffset, Checksum(slot));
        }

        /// <summary>True when the slot holds a complete record: magic, commit marker, CRC and ranges hold.</summary>
        public static bool IsValid(byte[] slot)
        {
            if (slot[0] != Magic || slot[CommitOffset] != Committed || slot[33] > MaxUserBytes)
            {
                return false;
            }

            int kind = slot[2];
            if (kind < AlarmCodes.EventRaised || kind > KindActiveSnapshot)
            {
                return false;
            }

            return ReadUInt32(slot, CrcOffset) == Checksum(slot);
        }

        /// <summary>True when every byte is 0xFF (never programmed since the erase).</summary>
        public static bool IsBlank(byte[] slot)
        {
            for (int i = 0; i < SlotSize; i++)
            {
                if (slot[i] != 0xFF)
                {
                    return false;
                }
            }

            return true;
        }

        public static int Kind(byte[] slot)
        {
            return slot[2];
        }

        public static uint Id(byte[] slot)
        {
            return ReadUInt32(slot, 4);
        }

        public static int UserLength(byte[] slot)
        {
            return slot[33];
        }

        /// <summary>Copies the user name's bytes to user[0...]; returns how many.</summary>
        public static int CopyUser(byte[] slot, byte[] user)
        {
            int length = slot[33];
            Array.Copy(slot, UserOffset, user, 0, length);
            return length;
        }

        /// <summary>Every field but AckUser (set to null: the caller decides whether to make a string).</summary>
        public static void Decode(byte[] slot, AlarmEntry into)
        {
            into.Kind = slot[2];
            into.Latching = (slot[3] & 1) != 0;
            into.Acknowledged = (slot[3] & 2) != 0;
            into.Id = ReadUInt32(slot, 4);
            into.AlarmId = ReadUInt32(slot, 8);
            into.TimestampUtc = ReadTime(slot, 12);
            into.ChangedUtc = ReadTime(slot, 18);
            into.AckTimeUtc = ReadTime(slot, 24);
            into.Source = slot[30];
            into.Condition = slot[31];
            into.Level = slot[32] & 0x0F;
            into.PreviousLevel = slot[32] >> 4;
            into.SourceIndex = slot[34] | (slot[35] << 8);
            into.Value = (int)ReadUInt32(slot, 36) / 1000.0;
            into.Threshold = (int)ReadUInt32(slot, 40) / 1000.0;
            into.AckUser = null;
        }

        /// <summary>A new string of UTF-8 bytes (the only allocation when a reader asks for a stored name).</summary>
        public static string UserString(byte[] bytes, int index, int length)
        {
            return length == 0 ? null : Encoding.UTF8.GetString(bytes, index, length);
        }

        /// <summary>The user name's string from a slot, or null.</summary>
        public static string UserString(byte[] slot)
        {
            return UserString(slot, UserOffset, slot[33]);
        }

        /// <summary>
        /// UTF-8 of text into buffer[index...], at most max bytes, never splitting a character (a surrogate
        /// pair is one 4-byte character); allocates nothing. Returns the bytes written.
        /// </summary>
        public static int EncodeUtf8(string text, byte[] buffer, int index, int max)
        {
            if (text == null)
            {
                return 0;
            }

            int at = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                int need;
                if (c < 0x80)
                {
                    need = 1;
                }
                else if (c < 0x800)
                {
                    need = 2;
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    need = 4;
                }
                else
                {
                    need = 3;
                    if (c >= 0xD800 && c <= 0xDFFF)
                    {
                        c = 0xFFFD; // lone surrogate: the replacement character
                    }
                }

                if (at + need > max)
                {
                    break;
                }

                int o = index + at;
                if (need == 1)
                {
                    buffer[o] = (byte)c;
                }
                else if (need == 2)
                {
                    buffer[o] = (byte)(0xC0 | (c >> 6));
                    buffer[o + 1] = (byte)(0x80 | (c & 0x3F));
                }
                else if (need == 3)
                {
                    buffer[o] = (byte)(0xE0 | (c >> 12));
                    buffer[o + 1] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    buffer[o + 2] = (byte)(0x80 | (c & 0x3F));
                }
                else
                {
                    int cp = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    buffer[o] = (byte)(0xF0 | (cp >> 18));
                    buffer[o + 1] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                    buffer[o + 2] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                    buffer[o + 3] = (byte)(0x80 | (cp & 0x3F));
                    i++;
                }

                at += need;
            }

            return at;
        }

        /// <summary>Bytes of text in UTF-8 (what EncodeUtf8 writes with no limit).</summary>
        public static int Utf8Length(string text)
        {
            int bytes = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (c < 0x80)
                {
                    bytes += 1;
                }
                else if (c < 0x800)
                {
                    bytes += 2;
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    bytes += 4;
                    i++;
                }
                else
                {
                    bytes += 3;
                }
            }

            return bytes;
        }

        private static uint Checksum(byte[] slot)
        {
            uint crc = Crc32.Update(Crc32.Initial, slot, 0, 1);
            return Crc32.Finish(Crc32.Update(crc, slot, 2, CrcOffset - 2));
        }

        private static int ToThousandths(double value)
        {
            double scaled = value * 1000.0;
            if (scaled >= 2147483647.0)
            {
                return int.MaxValue;
            }

            if (scaled <= -2147483647.0)
            {
                return -int.MaxValue;
            }

            // Round half away from zero (no Math.Round(x, digits) on the device; this is exact enough).
            return scaled >= 0 ? (int)(scaled + 0.5) : -(int)(-scaled + 0.5);
        }

        private static void WriteTime(byte[] b, int at, DateTime utc)
        {
            long ms = utc.Ticks / TicksPerMs;
            if (ms > MaxMs)
            {
                ms = MaxMs;
            }

            WriteUInt32(b, at, (uint)ms);
            b[at + 4] = (byte)(ms >> 32);
            b[at + 5] = (byte)(ms >> 40);
        }

        private static DateTime ReadTime(byte[] b, int at)
        {
            long ms = (long)ReadUInt32(b, at) | ((long)b[at + 4] << 32) | ((long)b[at + 5] << 40);
            return new DateTime(ms * TicksPerMs, DateTimeKind.Utc);
        }

        private static void WriteUInt32(byte[] b, int at, uint v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
            b[at + 2] = (byte)(v >> 16);
            b[at + 3] = (byte)(v >> 24);
        }

        private static uint ReadUInt32(byte[] b, int at)
        {
            return (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));
        }
    }
}
