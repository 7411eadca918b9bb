using System;
using System.Text;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Http;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Http
{
    [TestClass]
    public class MeasurementsJsonTests
    {
        private static string Render(MeasurementSnapshot snapshot)
        {
            JsonWriter w = new JsonWriter(new byte[4096]);
            MeasurementsJson.Write(w, snapshot);
            Assert.IsFalse(w.Failed, "writer failed");
            return Encoding.UTF8.GetString(w.Buffer, w.Offset, w.Length);
        }

        private static MeasurementSnapshot OnePhaseOneChannelOneCircuit()
        {
            PhaseValues phase = new PhaseValues(0);
            phase.Vrms = 230.456;
            phase.FundamentalVrms = 230.1;
            phase.FrequencyHz = 50.0004;
            phase.ThdPercent = 3.0;
            phase.AngleDeg = -0.004;
            phase.Present = true;

            ChannelValues channel = new ChannelValues(1, 0);
            channel.Irms = 42.0;
            channel.FundamentalIrms = 41.1234;
            channel.ThdPercent = 20.0;
            channel.ActivePowerW = 8693.04;
            channel.ReactivePowerVar = 4200.05;
            channel.ApparentPowerVA = 9660.0;
            channel.PowerFactor = 0.89989;
            channel.CosPhi = 0.9;
            channel.LoadPercentOfCt = 42.0;
            channel.ImportEnergyMilliWh = 1234567;
            channel.ExportEnergyMilliWh = 0;
            channel.ImportReactiveMilliVarh = 5;
            channel.ExportReactiveMilliVarh = 10000;

            CircuitValues circuit = new CircuitValues(0, "Rack \"A\"", 1, 32.0);
            circuit.MaxIrms = 42.0;
            circuit.LoadPercent = 131.25;
            circuit.ActivePowerW = -10.0;
            circuit.ReactivePowerVar = 0.0;
            circuit.ApparentPowerVA = 9660.0;
            circuit.PowerFactor = -0.001;
            circuit.CurrentUnbalancePercent = 0.0;
            circuit.NeutralCurrentA = 0.0;
            circuit.ImportEnergyMilliWh = 1;
            circuit.ExportEnergyMilliWh = 2;

            MeasurementSnapshot s = new MeasurementSnapshot(
                new PhaseValues[] { phase }, new ChannelValues[] { channel }, new CircuitValues[] { circuit });
            s.Sequence = 17;
            s.Timestamp = new DateTime(2026, 1, 1, 0, 0, 1, 250);
            s.FrequencyHz = 49.9996;
            s.VoltageUnbalancePercent = 0.125;
            return s;
        }

        [TestMethod]
        public void GoldenDocument()
        {
            string expected =
                "{\"timestamp\":\"2026-01-01T00:00:01.250Z\",\"sequence\":17,\"frequencyHz\":50.000,\"voltageUnbalancePercent\":0.13," +
                "\"phases\":[{\"phase\":\"L1\",\"vrms\":230.46,\"fundamentalVrms\":230.10,\"frequencyHz\":50.000,\"thdPercent\":3.00," +
                "\"angleDeg\":0.00,\"present\":true}]," +
                "\"channels\":[{\"channel\":1,\"phase\":\"L1\",\"irms\":42.000,\"fundamentalIrms\":41.123,\"thdPercent\":20.00," +
                "\"activePowerW\":8693.0,\"reactivePowerVar\":4200.1,\"apparentPowerVA\":9660.0,\"powerFactor\":0.8999,\"cosPhi\":0.9000," +
                "\"loadPercentOfCt\":42.00,\"importEnergyWh\":1234.567,\"exportEnergyWh\":0.000,\"importReactiveVarh\":0.005," +
                "\"exportReactiveVarh\":10.000}]," +
                "\"circuits\":[{\"name\":\"Rack \\\"A\\\"\",\"phases\":1,\"breakerRatedA\":32.000,\"maxIrms\":42.000,\"loadPercent\":131.25," +
                "\"activePowerW\":-10.0,\"reactivePowerVar\":0.0,\"apparentPowerVA\":9660.0,\"powerFactor\":-0.0010," +
                "\"currentUnbalancePercent\":0.00,\"neutralCurrentA\":0.000,\"importEnergyWh\":0.001,\"exportEnergyWh\":0.002}]}";
            Assert.AreEqual(expected, Render(OnePhaseOneChannelOneCircuit()));
        }

        [TestMethod]
        public void NotANumberIsNull()
        {
            MeasurementSnapshot s = OnePhaseOneChannelOneCircuit();
            s.FrequencyHz = double.NaN;
            s.Channels[0].PowerFactor = double.NaN;
            s.Channels[0].CosPhi = double.PositiveInfinity;
            string json = Render(s);
            Assert.Contains("\"frequencyHz\":null,", json);
            Assert.Contains("\"powerFactor\":null,\"cosPhi\":null,", json);
            Assert.DoesNotContains("NaN", json);
            Assert.DoesNotContains("Infinity", json);
        }

        [TestMethod]
        public void MissingPartsDoNotThrow()
        {
            MeasurementSnapshot s = new MeasurementSnapshot(null, new ChannelValues[] { null, new ChannelValues(2, 7) }, new CircuitValues[0]);
            string json = Render(s);
            Assert.Contains("\"phases\":[],\"channels\":[null,{\"channel\":2,\"phase\":null,", json);
            Assert.EndsWith("\"circuits\":[]}", json);
        }

        [TestMethod]
        public void TooSmallBufferIsReported()
        {
            JsonWriter w = new JsonWriter(new byte[100]);
            MeasurementsJson.Write(w, OnePhaseOneChannelOneCircuit());
            Assert.IsTrue(w.Failed, "a 100-byte buffer cannot hold the document");
        }
    }
}
