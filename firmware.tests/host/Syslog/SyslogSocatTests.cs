using System;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Protocols.Syslog;
using Ipenergy.Probe.Storage.Alarms;
using Xunit;

namespace Ipenergy.Probe.Tests.Syslog
{
    /// <summary>SyslogSender to a real receiver (socat on 127.0.0.1): the datagrams, byte for byte, and their RFC 5424 shape.</summary>
    public sealed class SyslogSocatTests
    {
        // HEADER SP STRUCTURED-DATA SP MSG (RFC 5424 section 6), with the field lengths of the ABNF.
        private static readonly Regex Rfc5424 = new Regex(
            "^<(?<pri>[0-9]{1,3})>1 (?<ts>-|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?Z) " +
            "(?<host>[!-~]{1,255}) (?<app>[!-~]{1,48}) (?<proc>[!-~]{1,128}) (?<msgid>[!-~]{1,32}) " +
            "(?<sd>\\[(?<sdid>[^ =\\]\"]{1,32})(?<params>( [^ =\\]\"]{1,32}=\"([^\"\\\\\\]]|\\\\[\"\\\\\\]])*\")*)\\]) \uFEFF(?<msg>.*)$",
            RegexOptions.Singleline);

        private static readonly DateTime T0 = new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void AlarmEventsReachARealReceiverAsRfc5424Messages()
        {
            using SocatUdpReceiver socat = new SocatUdpReceiver();
            SyslogSender sender = new SyslogSender("eprobe-test");
            Assert.True(sender.SetDestination("127.0.0.1:" + socat.Port));
            SyslogMessageWriter expected = new SyslogMessageWriter("eprobe-test");

            AlarmEntry e = Entry(AlarmCodes.EventRaised, AlarmCodes.SourceCircuit, 2, AlarmCodes.LoadHigh, AlarmCodes.LevelCritical, 95.1, 90);
            e.Id = 17;
            e.AlarmId = 17;
            string message = SendAndReceive(socat, sender, expected, e, "Rack A1");
            Match m = Parse(message);
            Assert.Equal("130", m.Groups["pri"].Value);
            Assert.Equal("2026-11-25T08:00:00.000Z", m.Groups["ts"].Value);
            Assert.Equal("eprobe-test", m.Groups["host"].Value);
            Assert.Equal("eprobe", m.Groups["app"].Value);
            Assert.Equal("raised", m.Groups["msgid"].Value);
            Assert.Equal("eprobe@32473", m.Groups["sdid"].Value);
            Assert.Contains(" condition=\"loadHigh\" level=\"critical\" value=\"95.1\" threshold=\"90\"", m.Groups["params"].Value);
            Assert.Equal("Circuit 2 'Rack A1' load 95.1 % above critical 90 %", m.Groups["msg"].Value);

            e = Entry(AlarmCodes.EventAcknowledged, AlarmCodes.SourceCircuit, 2, AlarmCodes.LoadHigh, AlarmCodes.LevelCritical, 95.1, 90);
            e.Id = 18;
            e.AlarmId = 17;
            e.AckUser = "op\"er]a\\tor";
            m = Parse(SendAndReceive(socat, sender, expected, e, "Rack \"A1\""));
            Assert.Equal("134", m.Groups["pri"].Value);
            Assert.Contains(" label=\"Rack \\\"A1\\\"\" user=\"op\\\"er\\]a\\\\tor\"", m.Groups["params"].Value);
            Assert.Equal("Circuit 2 'Rack \"A1\"' load critical alarm acknowledged by op\"er]a\\tor", m.Groups["msg"].Value);

            e = Entry(AlarmCodes.EventCleared, AlarmCodes.SourcePhase, 2, AlarmCodes.PhaseLost, AlarmCodes.LevelNormal, 229.7, 57.5);
            e.Id = 19;
            e.AlarmId = 12;
            m = Parse(SendAndReceive(socat, sender, expected, e, "\u00e9t\u00e9"));
            Assert.Equal("133", m.Groups["pri"].Value);
            Assert.Equal("Phase L3 '\u00e9t\u00e9' voltage 229.7 V back above 57.5 V, cleared", m.Groups["msg"].Value);
            Assert.Equal(3, sender.Sent);
            Assert.Equal(0, sender.Failed);

            // Off: nothing is sent.
            Assert.False(sender.SetDestination(""));
            sender.Send(e, null);
            Thread.Sleep(300);
            Assert.Equal(0, socat.Pending);
            Assert.Equal(3, sender.Sent);
            sender.Close();
        }

        [Fact]
        public void AJournalListenerSendsEveryStoredEventByName()
        {
            using SocatUdpReceiver socat = new SocatUdpReceiver();
            SyslogSender sender = new SyslogSender("probe-2");
            Assert.True(sender.SetDestination("localhost:" + socat.Port), "localhost resolves (DNS path)");
            Assert.Equal("127.0.0.1:" + socat.Port, sender.Destination.ToString());
            AlarmJournal journal = new AlarmJournal(null);
            journal.Open();
            journal.Listener = sender;
            AlarmEntry e = Entry(AlarmCodes.EventRaised, AlarmCodes.SourceDevice, 0, AlarmCodes.FrequencyHigh, AlarmCodes.LevelWarning, 50.6, 50.5);
            journal.Append(e);
            Assert.True(journal.Acknowledge(e.AlarmId, "admin", T0.AddSeconds(5)));
            e = Entry(AlarmCodes.EventCleared, AlarmCodes.SourceDevice, 0, AlarmCodes.FrequencyHigh, AlarmCodes.LevelNormal, 50.1, 50.3);
            journal.Append(e);

            // Each datagram is the stored event formatted again (oldest first), byte for byte.
            string[] ids = { "raised", "acknowledged", "cleared" };
            SyslogMessageWriter writer = new SyslogMessageWriter("probe-2");
            AlarmEntry stored = new AlarmEntry();
            Assert.Equal(3, journal.LogCount);
            for (int i = 0; i < ids.Length; i++)
            {
                Assert.True(journal.CopyLog(ids.Length - 1 - i, stored));
                int n = writer.Write(stored, null);
                byte[] got = socat.Take(n, 10000);
                Assert.Equal(writer.Buffer[..n], got);
                Match m = Parse(Encoding.UTF8.GetString(got));
                Assert.Equal(ids[i], m.Groups["msgid"].Value);
                Assert.Contains(" alarm=\"1\" event=\"" + (i + 1) + "\"", m.Groups["params"].Value);
                if (i == 1)
                {
                    Assert.Equal("Device frequency warning alarm acknowledged by admin", m.Groups["msg"].Value);
                }
            }

            Assert.Equal(3, sender.Sent);
            sender.Close();
        }

        [Fact]
        public void UnusableDestinationsTurnSendingOff()
        {
            SyslogSender sender = new SyslogSender("p");
            Assert.Null(sender.Destination);
            Assert.False(sender.SetDestination("no-such-host.invalid"));
            Assert.False(sender.SetDestination("127.0.0.1:99999"));
            Assert.True(sender.SetDestination("127.0.0.1"));
            Assert.Equal("127.0.0.1:514", sender.Destination.ToString());
            Assert.False(sender.SetDestination(null));
            Assert.Null(sender.Destination);
            sender.Send(Entry(AlarmCodes.EventRaised, AlarmCodes.SourceDevice, 0, AlarmCodes.FrequencyHigh, AlarmCodes.LevelWarning, 50.6, 50.5), null);
            Assert.Equal(0, sender.Sent);
            Assert.Equal(0, sender.Failed);
        }

        [Fact]
        public void WritingAMessageAllocatesNothing()
        {
            SyslogMessageWriter writer = new SyslogMessageWriter("eprobe");
            AlarmEntry e = Entry(AlarmCodes.EventAcknowledged, AlarmCodes.SourceCircuit, 12, AlarmCodes.NeutralCurrent, AlarmCodes.LevelCritical, 71.234, 70);
            e.AckUser = "operator\u00e9";
            string label = "Rack \"B7\" \u20ac";
            writer.Write(e, label);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                e.Kind = 1 + (i % 4);
                e.Value = i * 0.37;
                writer.Write(e, label);
            }

            Assert.Equal(0L, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        /// <summary>Sends e, takes exactly the bytes of the expected datagram from socat and compares them.</summary>
        private static string SendAndReceive(SocatUdpReceiver socat, SyslogSender sender, SyslogMessageWriter expected, AlarmEntry e, string label)
        {
            int n = expected.Write(e, label);
            byte[] want = new byte[n];
            Array.Copy(expected.Buffer, want, n);
            sender.Send(e, label);
            byte[] got = socat.Take(n, 10000);
            Assert.Equal(want, got);
            return Encoding.UTF8.GetString(got);
        }

        private static Match Parse(string message)
        {
            Match m = Rfc5424.Match(message);
            Assert.True(m.Success, "not RFC 5424: " + message);
            return m;
        }

        private static AlarmEntry Entry(int kind, int source, int index, int condition, int level, double value, double threshold)
        {
            return new AlarmEntry
            {
                Kind = kind, Source = source, SourceIndex = index, Condition = condition, Level = level, Value = value,
                Threshold = threshold, TimestampUtc = T0, AckTimeUtc = DateTime.MinValue,
            };
        }
    }
}
