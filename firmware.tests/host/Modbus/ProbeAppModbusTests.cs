using System;
using System.Diagnostics;
using System.Threading;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Protocols.Modbus;
using Ipenergy.Probe.Simulator;
using Ipenergy.Probe.Tests.TestSupport;
using Xunit;

namespace Ipenergy.Probe.Tests.Modbus
{
    /// <summary>ProbeApp's Modbus wiring: the server on a free port over the vendor and SunSpec maps, identification, off when negative.</summary>
    public sealed class ProbeAppModbusTests
    {
        [Fact]
        public void VirtualMpp3AnswersVoltagesCurrentsAndIdentification()
        {
            Scenario scenario = DefaultScenario.Create("MPP3");
            WaveformSynthesizer adc = WaveformSynthesizer.CreateFreeRunning(scenario, 3200);
            SimulatedClock clock = new SimulatedClock(adc, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            var app = new ProbeApp(adc, clock, MeterConfigFactory.Create(scenario), "127.0.0.1", 0, 0, null, new string[0],
                new Ipenergy.Probe.Protocols.Http.SingleUserCredentials("admin", "admin"));
            app.Start();
            try
            {
                Assert.True(app.ModbusPort > 0, "no real port");
                Stopwatch wall = Stopwatch.StartNew();
                while (app.Latest == null)
                {
                    Assert.True(wall.Elapsed < TimeSpan.FromSeconds(30), "no snapshot within 30 s");
                    Thread.Sleep(10);
                }

                using var client = new RawModbusClient(app.ModbusPort);

                // Vendor map: the phase region from 1100, 12 registers per phase, Vrms (float32) at +2.
                byte[] answer = client.Transact(RawModbusClient.Frame(1, 1, 0x04, 0x04, 0x4C, 0x00, 36));
                Assert.Equal(0x04, answer[7]);
                Assert.Equal(72, answer[8]);
                var snapshot = app.Latest;
                for (int phase = 0; phase < 3; phase++)
                {
                    float v = Float(answer, 9 + 2 * (12 * phase + 2));
                    Assert.True(Math.Abs(v - snapshot.Phases[phase].Vrms) < 0.01 * snapshot.Phases[phase].Vrms + 0.5,
                        "L" + (phase + 1) + " " + v + " V over Modbus, " + snapshot.Phases[phase].Vrms + " V in the snapshot");
                    Assert.InRange(v, 200f, 260f);
                }

                // SunSpec from 40000: "SunS", then the common model 1 with the manufacturer.
                byte[] sunspec = client.Transact(RawModbusClient.Frame(2, 1, 0x03, 0x9C, 0x40, 0x00, 12));
                Assert.Equal(0x03, sunspec[7]);
                Assert.Equal("SunS", System.Text.Encoding.ASCII.GetString(sunspec, 9, 4));
                Assert.Equal(1, (sunspec[13] << 8) | sunspec[14]);
                Assert.Equal("IPenergy", System.Text.Encoding.ASCII.GetString(sunspec, 17, 8));

                // A hole between the regions: exception 02.
                Assert.Equal(new byte[] { 0x83, 0x02 }, client.Transact(RawModbusClient.Frame(3, 1, 0x03, 0x00, 0x00, 0x00, 0x02))[7..]);

                byte[] ident = client.Transact(RawModbusClient.Frame(3, 1, 0x2B, 0x0E, 0x04, 0x01));
                Assert.Equal("MPP3", System.Text.Encoding.ASCII.GetString(ident, 16, ident[15]));
                ident = client.Transact(RawModbusClient.Frame(4, 1, 0x2B, 0x0E, 0x04, 0x02));
                Assert.Equal(ProbeApp.FirmwareVersion, System.Text.Encoding.ASCII.GetString(ident, 16, ident[15]));
            }
            finally
            {
                adc.Stop();
                app.Stop();
            }
        }

        [Fact]
        public void ConfigurationChangesApplyUnitIdWriteLockAndCircuitLayoutWithoutRestart()
        {
            Scenario scenario = DefaultScenario.Create("MPP3");
            WaveformSynthesizer adc = WaveformSynthesizer.CreateFreeRunning(scenario, 3200);
            SimulatedClock clock = new SimulatedClock(adc, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            var app = new ProbeApp(adc, clock, MeterConfigFactory.Create(scenario), "127.0.0.1", 0, 0, null, new string[0],
                new Ipenergy.Probe.Protocols.Http.SingleUserCredentials("admin", "admin"));
            app.Start();
            try
            {
                using var client = new RawModbusClient(app.ModbusPort);
                byte[] unlock = { 0x06, 0x0B, 0xB8, 0x5A, 0xFE }; // 06 to 3000: the configuration block's unlock code

                // Factory settings: unit 1, writes locked, no circuits (one meter model 201 per channel).
                Assert.Equal(new byte[] { 0x86, 0x01 }, client.Transact(RawModbusClient.Frame(1, 1, unlock))[7..]);
                Assert.Equal(201, FirstMeterModel(client, 1));

                string json = "{\"modbus\":{\"unitId\":7,\"writesUnlocked\":true},"
                    + "\"circuits\":[{\"name\":\"PDU-A\",\"channels\":[1,2,3],\"breakerRatedA\":32}]}";
                var put = PeerProcess.Run(PeerProcess.StartInfo(PeerProcess.Require("curl", "curl"), null, "-s", "-u", "admin:admin",
                    "-X", "PUT", "--data", json, "-w", "\n%{http_code}", "http://127.0.0.1:" + app.HttpPort + "/api/v1/config"), 30000);
                Assert.True(put.Stdout.EndsWith("\n200", StringComparison.Ordinal), "PUT /api/v1/config: " + put);

                // The metering thread applies it between two blocks.
                Stopwatch wall = Stopwatch.StartNew();
                while (client.Transact(RawModbusClient.Frame(2, 7, 0x03, 0x9C, 0x40, 0x00, 0x02))[7] != 0x03)
                {
                    Assert.True(wall.Elapsed < TimeSpan.FromSeconds(30), "unit 7 never answered");
                    Thread.Sleep(20);
                }

                Assert.Equal(new byte[] { 0x83, 0x0B }, client.Transact(RawModbusClient.Frame(3, 1, 0x03, 0x9C, 0x40, 0x00, 0x02))[7..]);
                Assert.Equal(new byte[] { 0x06, 0x0B, 0xB8, 0x5A, 0xFE }, client.Transact(RawModbusClient.Frame(4, 7, unlock))[7..]);
                Assert.Equal(203, FirstMeterModel(client, 7));
            }
            finally
            {
                adc.Stop();
                app.Stop();
            }
        }

        // The model id after SunSpec's common model 1 (40002 + 2 + its length).
        private static int FirstMeterModel(RawModbusClient client, int unit)
        {
            byte[] common = client.Transact(RawModbusClient.Frame(5, unit, 0x03, 0x9C, 0x42, 0x00, 0x02));
            Assert.Equal(0x03, common[7]);
            Assert.Equal(1, (common[9] << 8) | common[10]);
            int next = 40004 + ((common[11] << 8) | common[12]);
            byte[] model = client.Transact(RawModbusClient.Frame(6, unit, 0x03, (byte)(next >> 8), (byte)next, 0x00, 0x01));
            Assert.Equal(0x03, model[7]);
            return (model[9] << 8) | model[10];
        }

        [Fact]
        public void NegativePortMeansNoModbusServer()
        {
            Scenario scenario = DefaultScenario.Create("MPP3");
            WaveformSynthesizer adc = WaveformSynthesizer.CreateFreeRunning(scenario, 3200);
            SimulatedClock clock = new SimulatedClock(adc, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            var app = new ProbeApp(adc, clock, MeterConfigFactory.Create(scenario), "127.0.0.1", 0);
            app.Start();
            adc.Stop();
            app.Stop();
            Assert.Equal(ProbeApp.ModbusOff, app.ModbusPort);
            Assert.Null(app.Modbus);
        }

        private static float Float(byte[] frame, int offset)
        {
            int bits = (frame[offset] << 24) | (frame[offset + 1] << 16) | (frame[offset + 2] << 8) | frame[offset + 3];
            return BitConverter.Int32BitsToSingle(bits);
        }
    }
}
