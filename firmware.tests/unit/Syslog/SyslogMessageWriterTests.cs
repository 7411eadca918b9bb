using System;
using System.Text;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Protocols.Syslog;
using Ipenergy.Probe.Storage.Alarms;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Syslog
{
    /// <summary>
    /// Golden RFC 5424 messages, checked by hand against the ABNF: PRI VERSION SP TIMESTAMP SP HOSTNAME SP
    /// APP-NAME SP PROCID SP MSGID SP STRUCTURED-DATA SP MSG (MSG-UTF8: BOM then UTF-8).
    /// </summary>
    [TestClass]
    public class SyslogMessageWriterTests
    {
        private const string Bom = "\uFEFF";

        [TestMethod]
        public void RaisedCriticalLoadOnALabelledCircuit()
        {
            AlarmEntry e = Entry(AlarmCodes.EventRaised, AlarmCodes.SourceCircuit, 2, AlarmCodes.LoadHigh, AlarmCodes.LevelCritical, 95.1, 90);
            e.Id = 17;
            e.AlarmId = 17;
            e.TimestampUtc = new DateTime(2026, 11, 25, 8, 0, 1, 250);

            // PRI = local0 (16) x 8 + crit (2) = 130.
            Check("<130>1 2026-11-25T08:00:01.250Z eprobe-0A1B2C eprobe - raised [eprobe@32473 source=\"circuit\" index=\"2\" " +
                "condition=\"loadHigh\" level=\"critical\" value=\"95.1\" threshold=\"90\" unit=\"%\" alarm=\"17\" event=\"17\" " +
                "label=\"Rack A1\"] " + Bom + "Circuit 2 'Rack A1' load 95.1 % above critical 90 %",
                Write(new SyslogMessageWriter("eprobe-0A1B2C"), e, "Rack A1"));
        }

        [TestMethod]
        public void AcknowledgedEscapesQuoteBackslashAndBracketInParamValues()
        {
            AlarmEntry e = Entry(AlarmCodes.EventAcknowledged, AlarmCodes.SourcePhase, 0, AlarmCodes.UnderVoltage, AlarmCodes.LevelWarning, 205.25, 207);
            e.Id = 40;
            e.AlarmId = 38;
            e.TimestampUtc = new DateTime(2026, 1, 2, 3, 4, 5, 6);
            e.Acknowledged = true;
            e.AckUser = "a\"d\\m]n";

            // info (6): 134. In the MSG the name is written as it is (no escaping outside PARAM-VALUE).
            Check("<134>1 2026-01-02T03:04:05.006Z probe eprobe - acknowledged [eprobe@32473 source=\"phase\" index=\"0\" " +
                "condition=\"underVoltage\" level=\"warning\" value=\"205.25\" threshold=\"207\" unit=\"V\" alarm=\"38\" event=\"40\" " +
                "label=\"L1 \\\"main\\\" \\\\ feed \\]\" user=\"a\\\"d\\\\m\\]n\"] " + Bom +
                "Phase L1 'L1 \"main\" \\ feed ]' voltage warning alarm acknowledged by a\"d\\m]n",
                Write(new SyslogMessageWriter("probe"), e, "L1 \"main\" \\ feed ]"));
        }

        [TestMethod]
        public void ClearedLowSideWithAnUnsetClockAndAnotherFacility()
        {
            AlarmEntry e = Entry(AlarmCodes.EventCleared, AlarmCodes.SourceDevice, 0, AlarmCodes.FrequencyLow, AlarmCodes.LevelNormal, 49.8, 49.5);
            e.Id = 3;
            e.AlarmId = 1;
            e.TimestampUtc = DateTime.MinValue;
            SyslogMessageWriter writer = new SyslogMessageWriter(null);
            writer.Facility = 23;

            // local7 (23) x 8 + notice (5) = 189; unknown time and host are NILVALUE "-".
            Check("<189>1 - - eprobe - cleared [eprobe@32473 source=\"device\" index=\"0\" condition=\"frequencyLow\" " +
                "level=\"normal\" value=\"49.8\" threshold=\"49.5\" unit=\"Hz\" alarm=\"1\" event=\"3\"] " + Bom +
                "Device frequency 49.8 Hz back above 49.5 Hz, cleared",
                Write(writer, e, null));
        }

        [TestMethod]
        public void ChangedToWarningIsSeverityWarningAndNonAsciiLabelsAreUtf8()
        {
            AlarmEntry e = Entry(AlarmCodes.EventChanged, AlarmCodes.SourceCircuit, 5, AlarmCodes.LowLoad, AlarmCodes.LevelWarning, 0.25, 0.5);
            e.Id = 9;
            e.AlarmId = 4;
            e.PreviousLevel = AlarmCodes.LevelCritical;
            e.TimestampUtc = new DateTime(2026, 11, 25, 23, 59, 59, 999);
            byte[] got = Write(new SyslogMessageWriter("host name\u00e9"), e, "Baie \u00e9t\u00e9 \u20ac");

            // Host names keep printable ASCII only (space and non-ASCII become '_'); labels go out as UTF-8.
            Check("<132>1 2026-11-25T23:59:59.999Z host_name_ eprobe - changed [eprobe@32473 source=\"circuit\" index=\"5\" " +
                "condition=\"lowLoad\" level=\"warning\" value=\"0.25\" threshold=\"0.5\" unit=\"A\" alarm=\"4\" event=\"9\" " +
                "label=\"Baie \u00e9t\u00e9 \u20ac\"] " + Bom + "Circuit 5 'Baie \u00e9t\u00e9 \u20ac' current 0.25 A below warning 0.5 A", got);
            int at = IndexOf(got, 0xE2);
            Assert.IsTrue(at > 0 && got[at + 1] == 0x82 && got[at + 2] == 0xAC, "euro sign in UTF-8");
        }

        [TestMethod]
        public void NumbersKeepThreeDecimalsAtMostAndNegativesAndNaN()
        {
            AlarmEntry e = Entry(AlarmCodes.EventRaised, AlarmCodes.SourceChannel, 18, AlarmCodes.OverCurrent, AlarmCodes.LevelWarning, -0.0004, 123456.78951);
            string text = Text(Write(new SyslogMessageWriter("p"), e, null));
            Assert.Contains(" value=\"0\" threshold=\"123456.79\"", text);
            e.Value = -3.14159;
            e.Threshold = double.NaN;
            text = Text(Write(new SyslogMessageWriter("p"), e, null));
            Assert.Contains(" value=\"-3.142\" threshold=\"NaN\"", text);
            Assert.Contains("Channel 18 current -3.142 % above warning NaN %", text);
        }

        [TestMethod]
        public void ControlCharactersBecomeSpacesAndLongMessagesAreCutToTheBuffer()
        {
            AlarmEntry e = Entry(AlarmCodes.EventRaised, AlarmCodes.SourceChannel, 1, AlarmCodes.OverCurrent, AlarmCodes.LevelWarning, 85, 80);
            SyslogMessageWriter writer = new SyslogMessageWriter("p");
            string text = Text(Write(writer, e, "a\nb\tc"));
            Assert.Contains("label=\"a b c\"", text);
            string longLabel = "0123456789012345678901234567890123456789012345678901234567890123456789";
            for (int i = 0; i < 4; i++)
            {
                longLabel += longLabel;
            }

            Assert.AreEqual(SyslogMessageWriter.BufferSize, writer.Write(e, longLabel));
        }

        [TestMethod]
        public void SeverityFollowsTheEvent()
        {
            AlarmEntry e = Entry(AlarmCodes.EventRaised, AlarmCodes.SourceChannel, 1, AlarmCodes.OverCurrent, AlarmCodes.LevelCritical, 95, 90);
            Assert.AreEqual(2, SyslogMessageWriter.SeverityOf(e));
            e.Level = AlarmCodes.LevelWarning;
            Assert.AreEqual(4, SyslogMessageWriter.SeverityOf(e));
            e.Kind = AlarmCodes.EventCleared;
            Assert.AreEqual(5, SyslogMessageWriter.SeverityOf(e));
            e.Kind = AlarmCodes.EventAcknowledged;
            Assert.AreEqual(6, SyslogMessageWriter.SeverityOf(e));
        }

        [TestMethod]
        public void DestinationsParseToIPv4EndPointsOrNothing()
        {
            Assert.AreEqual("192.0.2.10:514", SyslogDestination.Parse("192.0.2.10", 514).ToString());
            Assert.AreEqual("192.0.2.10:1514", SyslogDestination.Parse("192.0.2.10:1514", 514).ToString());
            Assert.IsNull(SyslogDestination.Parse("", 514));
            Assert.IsNull(SyslogDestination.Parse(null, 514));
            Assert.IsNull(SyslogDestination.Parse("192.0.2.10:0", 514));
            Assert.IsNull(SyslogDestination.Parse("192.0.2.10:70000", 514));
            Assert.IsNull(SyslogDestination.Parse("192.0.2.10:x", 514));
            Assert.IsNull(SyslogDestination.Parse(":514", 514));
            Assert.IsNull(SyslogDestination.Parse("::1", 514));
            Assert.IsNull(SyslogDestination.Parse("300.1.2.3", 514));
        }

        private static void Check(string expected, byte[] got)
        {
            Assert.AreEqual(expected, Text(got));
            byte[] want = Encoding.UTF8.GetBytes(expected);
            Assert.AreEqual(want.Length, got.Length, "bytes");
            for (int i = 0; i < want.Length; i++)
            {
                Assert.AreEqual(want[i], got[i], "byte " + i.ToString());
            }
        }

        private static byte[] Write(SyslogMessageWriter writer, AlarmEntry e, string label)
        {
            int n = writer.Write(e, label);
            byte[] copy = new byte[n];
            Array.Copy(writer.Buffer, copy, n);
            return copy;
        }

        private static string Text(byte[] bytes)
        {
            return Encoding.UTF8.GetString(bytes, 0, bytes.Length);
        }

        private static int IndexOf(byte[] bytes, int value)
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == value)
                {
                    return i;
                }
            }

            return -1;
        }

        private static AlarmEntry Entry(int kind, int source, int index, int condition, int level, double value, double threshold)
        {
            AlarmEntry e = new AlarmEntry();
            e.Kind = kind;
            e.Source = source;
            e.SourceIndex = index;
            e.Condition = condition;
            e.Level = level;
            e.Value = value;
            e.Threshold = threshold;
            return e;
        }
    }
}
