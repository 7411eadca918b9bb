using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Storage.Alarms;

namespace Ipenergy.Probe.Protocols.Syslog
{
    /// <summary>
    /// Writes one alarm event as an RFC 5424 message into a reused byte buffer (no allocation):
    /// <c>&lt;PRI&gt;1 TIMESTAMP HOSTNAME eprobe - MSGID [eprobe@32473 ...] BOM MSG</c>.
    /// PRI = facility x 8 + severity (critical 2, warning 4, cleared 5 notice, acknowledged 6 info); MSGID =
    /// the event name; structured data: source, index, condition, level, value, threshold, unit, alarm, event,
    /// label (when given), user (acknowledged); MSG: a sentence in UTF-8 after the BOM. A message longer than
    /// the buffer is cut (the buffer is sized so that a 64-character label and user still fit).
    /// </summary>
    public sealed class SyslogMessageWriter
    {
        /// <summary>Bytes of the buffer: every receiver must take 480 (RFC 5426), all should take 2048.</summary>
        public const int BufferSize = 1024;

        /// <summary>local0.</summary>
        public const int DefaultFacility = 16;

        public const string AppName = "eprobe";

        /// <summary>SD-ID of the parameters (32473: the enterprise number RFC 5612 reserves for examples).</summary>
        public const string StructuredDataId = "eprobe@32473";

        public const int SeverityCritical = 2;
        public const int SeverityWarning = 4;
        public const int SeverityNotice = 5;
        public const int SeverityInformational = 6;

        private static readonly string[] Quantities =
        {
            "load", "current", "current", "voltage", "voltage", "voltage", "frequency", "frequency",
            "voltage unbalance", "current unbalance", "neutral current", "missed polls",
        };

        private readonly byte[] _buffer = new byte[BufferSize];
        private readonly byte[] _hostname;
        private int _length;

        /// <summary>hostname: printable ASCII kept (others become '_'), at most 255; empty or null gives "-".</summary>
        public SyslogMessageWriter(string hostname)
        {
            int n = hostname == null ? 0 : hostname.Length;
            if (n > 255)
            {
                n = 255;
            }

            if (n == 0)
            {
                _hostname = new byte[] { (byte)'-' };
            }
            else
            {
                _hostname = new byte[n];
                for (int i = 0; i < n; i++)
                {
                    char c = hostname[i];
                    _hostname[i] = c > ' ' && c < 127 ? (byte)c : (byte)'_';
                }
            }

            Facility = DefaultFacility;
        }

        /// <summary>0..23 (local0 = 16 by default).</summary>
        public int Facility { get; set; }

        /// <summary>The message written last (valid up to Length).</summary>
        public byte[] Buffer { get { return _buffer; } }

        public int Length { get { return _length; } }

        /// <summary>RFC 5424 severity of an event: from its level while active, notice when cleared, info when acknowledged.</summary>
        public static int SeverityOf(AlarmEntry e)
        {
            if (e.Kind == AlarmCodes.EventCleared)
            {
                return SeverityNotice;
            }

            if (e.Kind == AlarmCodes.EventAcknowledged)
            {
                return SeverityInformational;
            }

            return e.Level >= AlarmCodes.LevelCritical ? SeverityCritical : SeverityWarning;
        }

        /// <summary>Writes the message for e (label: the source's name from the configuration, or null); returns Length.</summary>
        public int Write(AlarmEntry e, string sourceLabel)
        {
            _length = 0;
            Put('<');
            PutInt(Facility * 8 + SeverityOf(e));
            Put(">1 ");
            PutTimestamp(e.TimestampUtc);
            Put(' ');
            for (int i = 0; i < _hostname.Length; i++)
            {
                PutByte(_hostname[i]);
            }

            Put(' ');
            Put(AppName);
            Put(" - ");
            Put(AlarmCodes.EventName(e.Kind));
            Put(" [");
            Put(StructuredDataId);
            Param("source", AlarmCodes.SourceName(e.Source));
            ParamInt("index", e.SourceIndex);
            Param("condition", ConditionName(e.Condition));
            Param("level", AlarmCodes.LevelName(e.Level));
            ParamNumber("value", e.Value);
            ParamNumber("threshold", e.Threshold);
            Param("unit", Unit(e.Condition));
            ParamInt("alarm", (long)e.AlarmId);
            ParamInt("event", (long)e.Id);
            if (sourceLabel != null && sourceLabel.Length > 0)
            {
                Param("label", sourceLabel);
            }

            if (e.Kind == AlarmCodes.EventAcknowledged && e.AckUser != null)
            {
                Param("user", e.AckUser);
            }

            Put("] ");
            PutByte(0xEF);
            PutByte(0xBB);
            PutByte(0xBF);
            WriteSentence(e, sourceLabel);
            return _length;
        }

        /// <summary>"Circuit 2 'Rack A1' load 95.1 % above critical 90 %" and the like.</summary>
        private void WriteSentence(AlarmEntry e, string label)
        {
            switch (e.Source)
            {
                case AlarmCodes.SourceDevice:
                    Put("Device");
                    break;
                case AlarmCodes.SourcePhase:
                    Put("Phase L");
                    PutInt(e.SourceIndex + 1);
                    break;
                case AlarmCodes.SourceChannel:
                    Put("Channel ");
                    PutInt(e.SourceIndex);
                    break;
                case AlarmCodes.SourceCircuit:
                    Put("Circuit ");
                    PutInt(e.SourceIndex);
                    break;
                case AlarmCodes.SourceModule:
                    Put("Module ");
                    PutInt(e.SourceIndex);
                    break;
                default:
                    Put("Source ");
                    PutInt(e.SourceIndex);
                    break;
            }

            if (label != null && label.Length > 0)
            {
                Put(" '");
                PutText(label, false);
                Put('\'');
            }

            Put(' ');
            bool known = e.Condition >= 0 && e.Condition < AlarmCodes.ConditionCount;
            Put(known ? Quantities[e.Condition] : "value");
            bool low = known && AlarmCodes.IsLowSide(e.Condition);
            if (e.Kind == AlarmCodes.EventAcknowledged)
            {
                Put(' ');
                Put(AlarmCodes.LevelName(e.Level));
                Put(" alarm acknowledged by ");
                PutText(e.AckUser == null ? "-" : e.AckUser, false);
                return;
            }

            Put(' ');
            PutNumberWithUnit(e.Value, e.Condition);
            if (e.Kind == AlarmCodes.EventCleared)
            {
                Put(low ? " back above " : " back below ");
                PutNumberWithUnit(e.Threshold, e.Condition);
                Put(", cleared");
                return;
            }

            Put(low ? " below " : " above ");
            Put(AlarmCodes.LevelName(e.Level));
            Put(' ');
            PutNumberWithUnit(e.Threshold, e.Condition);
        }

        private void PutNumberWithUnit(double value, int condition)
        {
            PutNumber(value);
            Put(' ');
            Put(Unit(condition));
        }

        private static string ConditionName(int condition)
        {
            return condition >= 0 && condition < AlarmCodes.ConditionCount ? AlarmCodes.ConditionName(condition) : "unknown";
        }

        private static string Unit(int condition)
        {
            return condition >= 0 && condition < AlarmCodes.ConditionCount ? AlarmCodes.Unit(condition) : "";
        }

        private void Param(string name, string value)
        {
            Put(' ');
            Put(name);
            Put("=\"");
            PutText(value, true);
            Put('"');
        }

        private void ParamInt(string name, long value)
        {
            Put(' ');
            Put(name);
            Put("=\"");
            PutInt(value);
            Put('"');
        }

        private void ParamNumber(string name, double value)
        {
            Put(' ');
            Put(name);
            Put("=\"");
            PutNumber(value);
            Put('"');
        }

        /// <summary>yyyy-MM-ddTHH:mm:ss.fffZ (RFC 3339 in UTC); "-" (NILVALUE) for an unset clock (DateTime.MinValue).</summary>
        private void PutTimestamp(DateTime utc)
        {
            if (utc.Ticks == 0)
            {
                Put('-');
                return;
            }

            PutDigits(utc.Year, 4);
            Put('-');
            PutDigits(utc.Month, 2);
            Put('-');
            PutDigits(utc.Day, 2);
            Put('T');
            PutDigits(utc.Hour, 2);
            Put(':');
            PutDigits(utc.Minute, 2);
            Put(':');
            PutDigits(utc.Second, 2);
            Put('.');
            PutDigits(utc.Millisecond, 3);
            Put('Z');
        }

        /// <summary>Up to 3 decimals, trailing zeros dropped ("95.1", "90", "-0.25"); "NaN" when not a number.</summary>
        private void PutNumber(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                Put("NaN");
                return;
            }

            bool negative = value < 0;
            double scaled = Math.Floor(Math.Abs(value) * 1000.0 + 0.5);
            if (scaled > 9.0e15)
            {
                scaled = 9.0e15;
            }

            long thousandths = (long)scaled;
            if (negative && thousandths != 0)
            {
                Put('-');
            }

            PutInt(thousandths / 1000);
            int fraction = (int)(thousandths % 1000);
            if (fraction == 0)
            {
                return;
            }

            Put('.');
            int digits = 3;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            PutDigits(fraction, digits);
        }

        private void PutInt(long value)
        {
            if (value < 0)
            {
                Put('-');
                value = -value;
            }

            long divisor = 1;
            while (value / divisor >= 10)
            {
                divisor *= 10;
            }

            while (divisor > 0)
            {
                PutByte((byte)('0' + (int)(value / divisor % 10)));
                divisor /= 10;
            }
        }

        private void PutDigits(int value, int digits)
        {
            int divisor = 1;
            for (int i = 1; i < digits; i++)
            {
                divisor *= 10;
            }

            for (; divisor > 0; divisor /= 10)
            {
                PutByte((byte)('0' + value / divisor % 10));
            }
        }

        /// <summary>ASCII text of the message's own vocabulary.</summary>
        private void Put(string ascii)
        {
            for (int i = 0; i < ascii.Length; i++)
            {
                PutByte((byte)ascii[i]);
            }
        }

        private void Put(char ascii)
        {
            PutByte((byte)ascii);
        }

        /// <summary>
        /// Any text as UTF-8; escape: a PARAM-VALUE, where '"', '\' and ']' get a backslash (RFC 5424 6.3.3).
        /// Control characters become spaces (a line-based receiver would split the message).
        /// </summary>
        private void PutText(string text, bool escape)
        {
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (c < 0x20 || c == 0x7F)
                {
                    PutByte((byte)' ');
                }
                else if (c < 0x80)
                {
                    if (escape && (c == '"' || c == '\\' || c == ']'))
                    {
                        PutByte((byte)'\\');
                    }

                    PutByte((byte)c);
                }
                else if (c < 0x800)
                {
                    PutByte((byte)(0xC0 | (c >> 6)));
                    PutByte((byte)(0x80 | (c & 0x3F)));
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    int cp = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    PutByte((byte)(0xF0 | (cp >> 18)));
                    PutByte((byte)(0x80 | ((cp >> 12) & 0x3F)));
                    PutByte((byte)(0x80 | ((cp >> 6) & 0x3F)));
                    PutByte((byte)(0x80 | (cp & 0x3F)));
                    i++;
                }
                else
                {
                    if (c >= 0xD800 && c <= 0xDFFF)
                    {
                        c = 0xFFFD;
                    }

                    PutByte((byte)(0xE0 | (c >> 12)));
                    PutByte((byte)(0x80 | ((c >> 6) & 0x3F)));
                    PutByte((byte)(0x80 | (c & 0x3F)));
                }
            }
        }

        private void PutByte(byte b)
        {
            if (_length < _buffer.Length)
            {
                _buffer[_length++] = b;
            }
        }
    }
}
