using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Metering;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Metering
{
    [TestClass]
    public class MeteringEngineTests
    {
        [TestMethod]
        public void SinusoidalLoadReadsVIPQSPf()
        {
            EngineHarness h = new EngineHarness(3, 3200, 16, 100.0);
            h.Signal.SetCurrent(1, 42.0, -25.8);
            MeasurementSnapshot s = h.Run(3.0);
            ChannelValues c = s.Channels[0];
            double a = -25.8 * Math.PI / 180.0;
            EngineHarness.Rel(230.0, s.Phases[0].Vrms, 0.0005, "Vrms");
            EngineHarness.Rel(42.0, c.Irms, 0.0005, "Irms");
            EngineHarness.Rel(230.0 * 42.0 * Math.Cos(a), c.ActivePowerW, 0.001, "P");
            EngineHarness.Rel(230.0 * 42.0 * Math.Sin(-a), c.ReactivePowerVar, 0.002, "Q");
            EngineHarness.Rel(230.0 * 42.0, c.ApparentPowerVA, 0.001, "S");
            EngineHarness.Near(Math.Cos(a), c.PowerFactor, 0.001, "PF");
            EngineHarness.Near(Math.Cos(a), c.CosPhi, 0.001, "cos phi");
            EngineHarness.Near(50.0, s.FrequencyHz, 0.005, "f");
            EngineHarness.Near(0.0, s.Channels[1].Irms, 0.0, "idle channel reads 0 A");
        }

        [TestMethod]
        public void CapacitiveAndExportSigns()
        {
            EngineHarness h = new EngineHarness(3, 3200, 16, 100.0);
            h.Signal.SetCurrent(1, 20.0, 36.87);          // leading: Q < 0
            h.Signal.SetCurrent(2, 20.0, -120.0 + 180.0); // on L2, reversed: P < 0 (export)
            h.Config.Channels[1].Phase = 1;
            MeasurementSnapshot s = h.Run(3.0);
            Assert.IsTrue(s.Channels[0].ActivePowerW > 0.0, "import P > 0");
            Assert.IsTrue(s.Channels[0].ReactivePowerVar < 0.0, "capacitive Q < 0");
            EngineHarness.Near(0.8, s.Channels[0].PowerFactor, 0.001, "PF 0.8C");
            Assert.IsTrue(s.Channels[1].ActivePowerW < 0.0, "reversed CT exports");
            EngineHarness.Near(-1.0, s.Channels[1].PowerFactor, 0.001, "PF keeps the sign of P");
            Assert.IsTrue(s.Channels[1].ExportEnergyMilliWh > 0, "export energy counts");
            Assert.AreEqual(0L, s.Channels[1].ImportEnergyMilliWh);
            Assert.IsTrue(s.Channels[0].ExportReactiveMilliVarh > 0, "capacitive varh counts");
        }

        [TestMethod]
        public void FrequencyIsTrackedFrom45To65Hz()
        {
            double[] freqs = { 45.0, 49.95, 50.0, 60.0, 65.0 };
            for (int i = 0; i < freqs.Length; i++)
            {
                EngineHarness h = new EngineHarness(3, 3200, 16, 100.0);
                h.Config.NominalFrequencyHz = freqs[i] > 55.0 ? 60.0 : 50.0;
                h.Signal.FrequencyHz = freqs[i];
                h.Signal.SetCurrent(1, 50.0, -30.0);
                MeasurementSnapshot s = h.Run(3.0);
                EngineHarness.Near(freqs[i], s.FrequencyHz, 0.002, "f at " + freqs[i].ToString());
                EngineHarness.Near(freqs[i], s.Phases[2].FrequencyHz, 0.002, "L3 f at " + freqs[i].ToString());
                EngineHarness.Rel(230.0 * 50.0 * Math.Cos(-30.0 * Math.PI / 180.0), s.Channels[0].ActivePowerW, 0.001, "P at " + freqs[i].ToString());
                EngineHarness.Rel(230.0 * 50.0 * 0.5, s.Channels[0].ReactivePowerVar, 0.002, "Q at " + freqs[i].ToString());
            }
        }

        [TestMethod]
        public void PhaseCalibrationUndoesALeadingCt()
        {
            EngineHarness h = new EngineHarness(3, 3200, 16, 100.0);
            h.Signal.SetCurrent(1, 50.0, -60.0); // PF 0.5 inductive: most sensitive to phase error
            h.Signal.SetCtPhaseError(1, 2.0);
            MeasurementSnapshot raw = h.Run(2.0);
            double truth = 230.0 * 50.0 * 0.5;
            Assert.IsTrue(Math.Abs(raw.Channels[0].ActivePowerW / truth - 1.0) > 0.05, "a 2 degree CT error is visible uncorrected");

            EngineHarness c = new EngineHarness(3, 3200, 16, 100.0);
            c.Signal.SetCurrent(1, 50.0, -60.0);
            c.Signal.SetCtPhaseError(1, 2.0);
            c.Config.Channels[0].PhaseCorrectionDeg = 2.0;
            MeasurementSnapshot s = c.Run(2.0);
            EngineHarness.Rel(truth, s.Channels[0].ActivePowerW, 0.0005, "P corrected");
            EngineHarness.Rel(230.0 * 50.0 * Math.Sin(60.0 * Math.PI / 180.0), s.Channels[0].ReactivePowerVar, 0.0005, "Q corrected");
            EngineHarness.Near(0.5, s.Channels[0].CosPhi, 0.0005, "cos phi corrected");
        }

        [TestMethod]
        public void GainCalibrationScalesCurrentAndPower()
        {
            EngineHarness h = new EngineHarness(3, 3200, 16, 100.0);
            h.Signal.SetCurrent(1, 40.0, 0.0);
            h.Config.Channels[0].GainCorrection = 1.02;
            MeasurementSnapshot s = h.Run(2.0);
            EngineHarness.Rel(40.8, s.Channels[0].Irms, 0.0005, "Irms x1.02");
            EngineHarness.Rel(230.0 * 40.8, s.Channels[0].ActivePowerW, 0.0008, "P x1.02");
        }

        [TestMethod]
        public void HarmonicsGiveThdAndCrossHarmonicPower()
        {
            EngineHarness h = new EngineHarness(3, 3200, 16, 100.0);
            h.Signal.SetHarmonic(0, 5, 3.0, 0.0);                 // voltage L1: 3 % 5th
            h.Signal.SetCurrent(1, 30.0, -20.0);
            h.Signal.SetHarmonic(3, 5, 40.0, 30.0);               // current ch1: 40 % 5th
            MeasurementSnapshot s = h.Run(3.0);
            double a = -20.0 * Math.PI / 180.0;
            // Harmonic phase angles as the TestSignal builds them: h·(ωt + φ) + θ.
            double p = 230.0 * 30.0 * (Math.Cos(a) + 0.03 * 0.40 * Math.Cos(0.0 - 30.0 * Math.PI / 180.0 - 5 * a));
            EngineHarness.Near(3.0, s.Phases[0].ThdPercent, 0.05, "voltage THD");
            EngineHarness.Near(40.0, s.Channels[0].ThdPercent, 0.1, "current THD");
            EngineHarness.Rel(230.0 * Math.Sqrt(1.0 + 0.0009), s.Phases[0].Vrms, 0.0005, "Vrms with harmonic");
            EngineHarness.Rel(30.0 * Math.Sqrt(1.0 + 0.16), s.Channels[0].Irms, 0.0005, "Irms with harmonic");
            EngineHarness.Rel(p, s.Channels[0].ActivePowerW, 0.001, "P with cross-harmonic term");
            EngineHarness.Rel(230.0 * 30.0 * Math.Sin(-a), s.Channels[0].ReactivePowerVar, 0.002, "Q1 ignores harmonics");
            EngineHarness.Rel(30.0, s.Channels[0].FundamentalIrms, 0.0005, "I1");
        }

        [TestMethod]
        public void EnergyIsTheIntegralOfPower()
        {
            EngineHarness h = new EngineHarness(3, 3200, 16, 100.0);
            h.Signal.SetCurrent(1, 80.0, -10.0);
            h.Run(20.0);
            MeasurementSnapshot s = h.Engine.Latest;
            double seconds = h.Engine.FramesProcessed / 3200.0;
            double expectedWh = 230.0 * 80.0 * Math.Cos(-10.0 * Math.PI / 180.0) * seconds / 3600.0;
            // The snapshot counters lag the processed frames by at most the last partial second.
            double counted = s.Channels[0].ImportEnergyMilliWh / 1000.0;
            double lagWh = 230.0 * 80.0 * 1.1 / 3600.0;
            Assert.IsTrue(counted <= expectedWh * 1.0005 && counted >= expectedWh * 0.9995 - lagWh,
                "Wh: counted " + counted.ToString() + ", expected " + expectedWh.ToString());
            Assert.AreEqual(0L, s.Channels[0].ExportEnergyMilliWh);
            Assert.IsTrue(s.Channels[0].ImportReactiveMilliVarh > 0, "inductive varh");
        }

        [TestMethod]
        public void IdleChannelsCreepNothing()
        {
            EngineHarness h = new EngineHarness(18, 3200, 12, 100.0);
            h.Signal.NoiseLsb = 0.5;
            MeasurementSnapshot s = h.Run(5.0);
            for (int k = 0; k < 18; k++)
            {
                Assert.AreEqual(0.0, s.Channels[k].Irms, "channel " + (k + 1).ToString());
                Assert.AreEqual(0L, s.Channels[k].ImportEnergyMilliWh, "channel " + (k + 1).ToString());
                Assert.AreEqual(0L, s.Channels[k].ExportEnergyMilliWh, "channel " + (k + 1).ToString());
            }
        }

        [TestMethod]
        public void StartingCurrentIsRegistered()
        {
            // IEC 62053-22 class 0.5S: the meter starts at 0.1 % of the rated current, PF 1.
            EngineHarness h = new EngineHarness(3, 3200, 12, 100.0);
            h.Signal.NoiseLsb = 0.5;
            h.Signal.SetCurrent(1, 0.1, 0.0);
            MeasurementSnapshot s = h.Run(5.0);
            Assert.IsTrue(s.Channels[0].Irms > 0.08, "0.1 % In is above the creep threshold: " + s.Channels[0].Irms.ToString());
            Assert.IsTrue(s.Channels[0].ActivePowerW > 15.0, "P at starting current " + s.Channels[0].ActivePowerW.ToString());
        }

        [TestMethod]
        public void ThreePhaseCircuitTotalsNeutralAndUnbalance()
        {
            EngineHarness h = new EngineHarness(3, 3200, 16, 100.0);
            h.Config.Circuits = new CircuitConfig[] { new CircuitConfig("PDU A", new int[] { 1, 2, 3 }, 63.0) };
            h.Signal.SetCurrent(1, 40.0, 0.0 - 10.0);
            h.Signal.SetCurrent(2, 40.0, -120.0 - 10.0);
            h.Signal.SetCurrent(3, 40.0, 120.0 - 10.0);
            for (int k = 0; k < 3; k++)
            {
                h.Signal.SetHarmonic(3 + k, 3, 30.0, 0.0); // triplen harmonics add up in the neutral
            }

            MeasurementSnapshot s = h.Run(3.0);
            CircuitValues c = s.Circuits[0];
            Assert.AreEqual(3, c.PhaseCount);
            EngineHarness.Rel(3.0 * 0.30 * 40.0, c.NeutralCurrentA, 0.002, "neutral = 3 x I3");
            EngineHarness.Near(0.0, c.CurrentUnbalancePercent, 0.05, "balanced");
            EngineHarness.Rel(40.0 * Math.Sqrt(1.09) / 63.0 * 100.0, c.LoadPercent, 0.001, "load % of breaker");
            EngineHarness.Rel(3.0 * 230.0 * 40.0 * Math.Cos(-10.0 * Math.PI / 180.0), c.ActivePowerW, 0.001, "total P");
            Assert.AreEqual(s.Channels[0].ImportEnergyMilliWh + s.Channels[1].ImportEnergyMilliWh + s.Channels[2].ImportEnergyMilliWh, c.ImportEnergyMilliWh);
        }

        [TestMethod]
        public void UnbalancedCircuitAndNeutralOfFundamentals()
        {
            EngineHarness h = new EngineHarness(3, 3200, 16, 100.0);
            h.Config.Circuits = new CircuitConfig[] { new CircuitConfig("PDU B", new int[] { 1, 2, 3 }, 32.0) };
            h.Signal.SetCurrent(1, 30.0, 0.0);
            h.Signal.SetCurrent(2, 20.0, -120.0);
            h.Signal.SetCurrent(3, 10.0, 120.0);
            MeasurementSnapshot s = h.Run(3.0);
            CircuitValues c = s.Circuits[0];
            // |30 + 20·a² + 10·a| = |30 − 15 + j(−17.32 + 8.66)| = √(225 + 75) = 17.32 A
            EngineHarness.Rel(Math.Sqrt(300.0), c.NeutralCurrentA, 0.002, "neutral");
            EngineHarness.Near(50.0, c.CurrentUnbalancePercent, 0.1, "NEMA unbalance (30 − 20) / 20");
            EngineHarness.Rel(30.0 / 32.0 * 100.0, c.LoadPercent, 0.001, "load of the most loaded phase");
        }

        [TestMethod]
        public void VoltageUnbalanceAndAngles()
        {
            EngineHarness h = new EngineHarness(3, 3200, 16, 100.0);
            h.Signal.SetVoltage(1, 207.0, -120.0);
            MeasurementSnapshot s = h.Run(3.0);
            // V+ = (230 + 207 + 230) / 3, V− = (230 − 207) / 3 with the two others in phase.
            double u2 = 100.0 * (23.0 / 3.0) / (667.0 / 3.0);
            EngineHarness.Near(u2, s.VoltageUnbalancePercent, 0.01, "u2");
            EngineHarness.Near(-120.0, s.Phases[1].AngleDeg, 0.05, "L2 angle");
            EngineHarness.Near(120.0, s.Phases[2].AngleDeg, 0.05, "L3 angle");
            EngineHarness.Near(0.0, s.Phases[0].AngleDeg, 1e-9, "L1 angle");
        }

        [TestMethod]
        public void LostPhaseIsReportedAndReferenceMoves()
        {
            EngineHarness h = new EngineHarness(3, 3200, 16, 100.0);
            h.Signal.SetVoltage(0, 0.0, 0.0);               // L1 lost
            h.Signal.SetCurrent(2, 20.0, -120.0 - 30.0);
            h.Config.Channels[1].Phase = 1;
            MeasurementSnapshot s = h.Run(3.0);
            Assert.IsFalse(s.Phases[0].Present, "L1 absent");
            Assert.IsTrue(s.Phases[1].Present, "L2 present");
            Assert.AreEqual(0.0, s.Phases[0].FrequencyHz);
            EngineHarness.Near(50.0, s.FrequencyHz, 0.005, "f from L2");
            EngineHarness.Rel(230.0 * 20.0 * Math.Cos(-30.0 * Math.PI / 180.0), s.Channels[1].ActivePowerW, 0.001, "P on L2");
            Assert.IsTrue(s.Windows >= 4 && s.Windows <= 6, "≈200 ms windows: " + s.Windows.ToString());
        }

        [TestMethod]
        public void NoVoltageAtAllStillPublishes()
        {
            EngineHarness h = new EngineHarness(3, 3200, 12, 100.0);
            for (int p = 0; p < 3; p++)
            {
                h.Signal.SetVoltage(p, 0.0, 0.0);
            }

            h.Signal.SetCurrent(1, 10.0, 0.0);
            MeasurementSnapshot s = h.Run(3.0);
            Assert.IsNotNull(s);
            Assert.AreEqual(0.0, s.FrequencyHz);
            EngineHarness.Rel(10.0, s.Channels[0].Irms, 0.002, "current still measured");
            EngineHarness.Near(0.0, s.Channels[0].ActivePowerW, 0.5, "no voltage, no power");
        }

        [TestMethod]
        public void SnapshotsAreSequencedAndTimestampedOncePerSecond()
        {
            EngineHarness h = new EngineHarness(3, 3200, 12, 100.0);
            MeasurementSnapshot first = h.Run(1.3);
            Assert.IsNotNull(first);
            Assert.AreEqual(1L, first.Sequence);
            MeasurementSnapshot later = h.Run(10.0);
            Assert.AreEqual(11L, later.Sequence);
            Assert.AreNotSame(first, later);
            double dt = (later.Timestamp - first.Timestamp).TotalSeconds;
            EngineHarness.Near(10.0, dt, 0.25, "ten seconds apart");
        }
    }
}
