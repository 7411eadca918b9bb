using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Storage.Alarms;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Alarms
{
    [TestClass]
    public class AlarmEngineTests
    {
        private const int Circuit = AlarmCodes.SourceCircuit;
        private const int Phase = AlarmCodes.SourcePhase;
        private const int Device = AlarmCodes.SourceDevice;

        // MPP3, channel 1 feeds circuit 1 "A", single-phase with a 32 A breaker.
        private static AlarmTestProbe SingleCircuit()
        {
            AlarmTestProbe p = new AlarmTestProbe(3);
            p.AddCircuit("A", new int[] { 1 }, 32.0);
            p.Amps[0] = 10.0;
            p.Amps[1] = 10.0;
            p.Amps[2] = 10.0;
            return p;
        }

        // MPP3, one 3-phase circuit "T" of channels 1..3 with a 63 A breaker.
        private static AlarmTestProbe ThreePhaseCircuit()
        {
            AlarmTestProbe p = new AlarmTestProbe(3);
            p.AddCircuit("T", new int[] { 1, 2, 3 }, 63.0);
            p.Amps[0] = 20.0;
            p.Amps[1] = 20.0;
            p.Amps[2] = 20.0;
            return p;
        }

        // The journal keeps values to 3 decimals.
        private static void Near(double expected, double actual, string what)
        {
            Assert.IsTrue(Math.Abs(expected - actual) <= 0.0005 + 1e-9, what + ": expected " + expected.ToString() + ", got " + actual.ToString());
        }

        private static void IsEvent(AlarmEntry e, int kind, int source, int index, int condition, int level, int previous)
        {
            string what = "event " + AlarmCodes.EventName(e.Kind) + " " + AlarmCodes.ConditionName(e.Condition) + " level " + e.Level.ToString();
            Assert.AreEqual(kind, e.Kind, what);
            Assert.AreEqual(source, e.Source, what);
            Assert.AreEqual(index, e.SourceIndex, what);
            Assert.AreEqual(condition, e.Condition, what);
            Assert.AreEqual(level, e.Level, what);
            Assert.AreEqual(previous, e.PreviousLevel, what);
        }

        [TestMethod]
        public void QuietInstallationRaisesNothing()
        {
            AlarmTestProbe p = ThreePhaseCircuit();
            p.Run(120);
            Assert.AreEqual(0, p.Events);
            // 3 phases × 3 + 3 device + 3 channels + 4 for the 3-phase circuit.
            Assert.AreEqual(19, p.Engine.SlotCount);
        }

        [TestMethod]
        public void StepTo95PercentOfBreakerWarnsAfterTheDelayThenGoesCritical()
        {
            AlarmTestProbe p = SingleCircuit();
            p.Run(3);
            p.Amps[0] = 0.85 * 32.0;                 // 85 %: past warning (80), not critical (90)
            p.Run(5);                                // seconds 0..4 past: the delay is 5 s
            Assert.AreEqual(0, p.Events, "not before 5 s past the threshold");
            p.Run(1);
            Assert.AreEqual(1, p.Events);
            AlarmEntry raised = p.Event(0);
            IsEvent(raised, AlarmCodes.EventRaised, Circuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelWarning, AlarmCodes.LevelNormal);
            Near(85.0, raised.Value, "value in % of the breaker");
            Near(80.0, raised.Threshold, "warning threshold");
            Assert.AreEqual(AlarmTestProbe.Start.AddSeconds(8), raised.TimestampUtc);

            p.Amps[0] = 0.95 * 32.0;
            p.Run(5);
            Assert.AreEqual(1, p.Events);
            p.Run(1);
            Assert.AreEqual(2, p.Events);
            AlarmEntry changed = p.Event(0);
            IsEvent(changed, AlarmCodes.EventChanged, Circuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelCritical, AlarmCodes.LevelWarning);
            Near(95.0, changed.Value, "value");
            Near(90.0, changed.Threshold, "critical threshold");
            Assert.AreEqual(raised.Id, changed.AlarmId);
            Assert.AreEqual(AlarmCodes.LevelCritical, p.Journal.HighestLevel(Circuit, 1));
            Assert.AreEqual(2, p.Events, "nothing else (channel at 30 % of its CT)");
        }

        [TestMethod]
        public void DirectStepToCriticalIsOneRaisedEventAndClearsAfterTheClearDelay()
        {
            AlarmTestProbe p = SingleCircuit();
            p.Amps[0] = 0.95 * 32.0;
            p.Run(6);
            Assert.AreEqual(1, p.Events);
            IsEvent(p.Event(0), AlarmCodes.EventRaised, Circuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelCritical, AlarmCodes.LevelNormal);

            p.Amps[0] = 0.5 * 32.0;
            p.Run(10);                               // back for seconds 0..9: clear delay 10 s
            Assert.AreEqual(1, p.Events, "not before 10 s back");
            Assert.AreEqual(AlarmCodes.LevelCritical, p.Level(Circuit, 1, AlarmCodes.LoadHigh));
            p.Run(1);
            Assert.AreEqual(2, p.Events);
            AlarmEntry cleared = p.Event(0);
            IsEvent(cleared, AlarmCodes.EventCleared, Circuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelNormal, AlarmCodes.LevelCritical);
            Near(50.0, cleared.Value, "value");
            Near(90.0, cleared.Threshold, "the threshold it had crossed");
            Assert.AreEqual(0, p.Journal.ActiveCount);
        }

        [TestMethod]
        public void HysteresisHoldsTheLevelAndABriefReturnRestartsTheClearDelay()
        {
            AlarmTestProbe p = SingleCircuit();
            p.Amps[0] = 0.95 * 32.0;
            p.Run(6);
            p.Amps[0] = 0.86 * 32.0;                 // below 90 but not below 90 - 5
            p.Run(60);
            Assert.AreEqual(1, p.Events, "critical held inside the hysteresis band");
            p.Amps[0] = 0.84 * 32.0;                 // below 85: critical may drop, warning holds (84 > 75)
            p.Run(9);
            p.Amps[0] = 0.86 * 32.0;                 // one second back in the band: the clear streak restarts
            p.Run(1);
            p.Amps[0] = 0.84 * 32.0;
            p.Run(10);
            Assert.AreEqual(1, p.Events, "clear delay restarted");
            p.Run(1);
            Assert.AreEqual(2, p.Events);
            IsEvent(p.Event(0), AlarmCodes.EventChanged, Circuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelWarning, AlarmCodes.LevelCritical);
            Near(80.0, p.Event(0).Threshold, "warning threshold");
        }

        [TestMethod]
        public void GapInTheSnapshotsDoesNotCountAsTimePast()
        {
            AlarmTestProbe p = SingleCircuit();
            p.Amps[0] = 0.95 * 32.0;
            p.Run(3);
            p.Skip(30);
            p.Run(2);
            Assert.AreEqual(0, p.Events, "5 evaluated seconds (0..4) past, 30 missing ones do not count");
            p.Run(1);
            Assert.AreEqual(1, p.Events);
            Assert.AreEqual(AlarmTestProbe.Start.AddSeconds(35), p.Event(0).TimestampUtc);
        }

        [TestMethod]
        public void SameSnapshotTwiceCountsOnce()
        {
            AlarmTestProbe p = SingleCircuit();
            p.Amps[0] = 0.95 * 32.0;
            Ipenergy.Probe.Metering.MeasurementSnapshot s = p.Snapshot();
            for (int i = 0; i < 10; i++)
            {
                p.Engine.Evaluate(s, p.Config);
            }

            Assert.AreEqual(0, p.Events);
        }

        [TestMethod]
        public void LatchingAlarmNeedsAcknowledgementAndReturn()
        {
            AlarmTestProbe p = SingleCircuit();
            p.Rule(AlarmCodes.LoadHigh).Latching = true;
            p.Amps[0] = 0.85 * 32.0;
            p.Run(6);
            Assert.AreEqual(1, p.Events);
            Assert.IsTrue(p.Event(0).Latching, "the entry says the rule latches");
            uint alarmId = p.Event(0).AlarmId;

            p.Amps[0] = 0.5 * 32.0;
            p.Run(60);
            Assert.AreEqual(1, p.Events, "held: not acknowledged");
            Assert.AreEqual(AlarmCodes.LevelWarning, p.Level(Circuit, 1, AlarmCodes.LoadHigh));

            Assert.IsTrue(p.Journal.Acknowledge(alarmId, "ops", p.Time));
            Assert.AreEqual(2, p.Events, "the acknowledgement record");
            p.Run(1);
            Assert.AreEqual(3, p.Events);
            IsEvent(p.Event(0), AlarmCodes.EventCleared, Circuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelNormal, AlarmCodes.LevelWarning);
            Assert.AreEqual(0, p.Journal.ActiveCount);

            // Acknowledged while still past: it clears once the value is back, after the clear delay.
            p.Amps[0] = 0.95 * 32.0;
            p.Run(6);
            Assert.AreEqual(4, p.Events);
            Assert.IsTrue(p.Journal.Acknowledge(p.Event(0).AlarmId, "ops", p.Time));
            p.Run(30);
            Assert.AreEqual(5, p.Events, "acknowledged but still past: stays");
            p.Amps[0] = 0.5 * 32.0;
            p.Run(10);
            Assert.AreEqual(5, p.Events);
            p.Run(1);
            Assert.AreEqual(6, p.Events);
            Assert.AreEqual(AlarmCodes.EventCleared, p.Event(0).Kind);
        }

        [TestMethod]
        public void LostPhaseRaisesPhaseLostOnly()
        {
            AlarmTestProbe p = ThreePhaseCircuit();
            p.Run(5);
            p.Volts[1] = 0.0;
            p.Present[1] = false;
            p.VoltageUnbalancePercent = 100.0;       // what u2 reads with one phase gone
            p.Amps[1] = 0.0;
            p.Run(1);
            Assert.AreEqual(0, p.Events, "phaseLost waits its 1 s");
            p.Run(1);
            Assert.AreEqual(1, p.Events);
            AlarmEntry e = p.Event(0);
            IsEvent(e, AlarmCodes.EventRaised, Phase, 1, AlarmCodes.PhaseLost, AlarmCodes.LevelCritical, AlarmCodes.LevelNormal);
            Near(0.0, e.Value, "volts");
            Near(115.0, e.Threshold, "50 % of 230 V");
            p.Run(60);
            Assert.AreEqual(0, p.EventsOf(AlarmCodes.UnderVoltage), "no undervoltage for a lost phase");
            Assert.AreEqual(0, p.EventsOf(AlarmCodes.VoltageUnbalance), "no voltage unbalance with a phase lost");
            Assert.AreEqual(0, p.EventsOf(AlarmCodes.FrequencyLow), "frequency still measured on L1");
            Assert.AreEqual(0, p.EventsOf(AlarmCodes.CurrentUnbalance), "the circuit's L2 current is gone with its voltage");
            Assert.AreEqual(1, p.Events);

            // The phase comes back: phaseLost clears after its 5 s, nothing else was raised.
            p.Volts[1] = 230.0;
            p.Present[1] = true;
            p.VoltageUnbalancePercent = 0.3;
            p.Amps[1] = 20.0;
            p.Run(6);
            IsEvent(p.Event(0), AlarmCodes.EventCleared, Phase, 1, AlarmCodes.PhaseLost, AlarmCodes.LevelNormal, AlarmCodes.LevelCritical);
            Assert.AreEqual(0, p.Journal.ActiveCount);
        }

        [TestMethod]
        public void LowPhaseBelowThePhaseLostThresholdIsNotAlsoUndervoltage()
        {
            AlarmTestProbe p = ThreePhaseCircuit();
            p.Volts[2] = 80.0;                       // present (above 10 %), but below 50 % of nominal
            p.Run(30);
            Assert.AreEqual(AlarmCodes.LevelCritical, p.Level(Phase, 2, AlarmCodes.PhaseLost));
            Assert.AreEqual(0, p.EventsOf(AlarmCodes.UnderVoltage));
            Assert.AreEqual(1, p.Events);
        }

        [TestMethod]
        public void NoVoltageAtAllRaisesNoFrequencyAlarm()
        {
            AlarmTestProbe p = ThreePhaseCircuit();
            for (int i = 0; i < 3; i++)
            {
                p.Volts[i] = 0.0;
                p.Present[i] = false;
            }

            p.Run(60);
            Assert.AreEqual(3, p.EventsOf(AlarmCodes.PhaseLost));
            Assert.AreEqual(0, p.EventsOf(AlarmCodes.FrequencyLow));
            Assert.AreEqual(0, p.EventsOf(AlarmCodes.FrequencyHigh));
            Assert.AreEqual(0, p.EventsOf(AlarmCodes.UnderVoltage));
        }

        [TestMethod]
        public void UnderAndOverVoltageInVolts()
        {
            AlarmTestProbe p = ThreePhaseCircuit();
            p.Volts[0] = 200.0;                      // 87 %: below 90 % (207 V)
            p.Run(6);
            AlarmEntry e = p.Event(0);
            IsEvent(e, AlarmCodes.EventRaised, Phase, 0, AlarmCodes.UnderVoltage, AlarmCodes.LevelWarning, AlarmCodes.LevelNormal);
            Near(200.0, e.Value, "volts");
            Near(207.0, e.Threshold, "90 % of 230 V");
            p.Volts[0] = 190.0;                      // below 85 % (195.5 V)
            p.Run(6);
            IsEvent(p.Event(0), AlarmCodes.EventChanged, Phase, 0, AlarmCodes.UnderVoltage, AlarmCodes.LevelCritical, AlarmCodes.LevelWarning);
            p.Volts[1] = 260.0;                      // above 110 % (253 V)
            p.Run(6);
            IsEvent(p.Event(0), AlarmCodes.EventRaised, Phase, 1, AlarmCodes.OverVoltage, AlarmCodes.LevelWarning, AlarmCodes.LevelNormal);
            Near(253.0, p.Event(0).Threshold, "110 % of 230 V");
        }

        [TestMethod]
        public void VoltageUnbalance()
        {
            AlarmTestProbe p = ThreePhaseCircuit();
            p.VoltageUnbalancePercent = 2.5;
            p.Run(10);
            Assert.AreEqual(0, p.Events, "delay 10 s");
            p.Run(1);
            IsEvent(p.Event(0), AlarmCodes.EventRaised, Device, 0, AlarmCodes.VoltageUnbalance, AlarmCodes.LevelWarning, AlarmCodes.LevelNormal);
            Near(2.5, p.Event(0).Value, "percent");
            p.VoltageUnbalancePercent = 3.5;
            p.Run(11);
            IsEvent(p.Event(0), AlarmCodes.EventChanged, Device, 0, AlarmCodes.VoltageUnbalance, AlarmCodes.LevelCritical, AlarmCodes.LevelWarning);
            Near(3.0, p.Event(0).Threshold, "critical threshold");
        }

        [TestMethod]
        public void CurrentUnbalanceOfALoadedCircuitOnlyIdleOnesAreIgnored()
        {
            AlarmTestProbe p = ThreePhaseCircuit();
            p.Amps[0] = 2.0;                         // 3 % of 63 A: idle, 50 % unbalance is noise
            p.Amps[1] = 1.0;
            p.Amps[2] = 1.0;
            p.Run(60);
            Assert.AreEqual(0, p.EventsOf(AlarmCodes.CurrentUnbalance), "idle circuit ignored");

            p.Amps[0] = 20.0;                        // 32 % of 63 A, mean 13.3 A: 50 % unbalance
            p.Amps[1] = 10.0;
            p.Amps[2] = 10.0;
            p.Run(11);
            AlarmEntry e = p.Event(0);
            IsEvent(e, AlarmCodes.EventRaised, Circuit, 1, AlarmCodes.CurrentUnbalance, AlarmCodes.LevelCritical, AlarmCodes.LevelNormal);
            Near(50.0, e.Value, "percent of the mean");
            Near(40.0, e.Threshold, "critical threshold");

            p.Amps[0] = 15.0;                        // 25 %: back below critical - hysteresis, still warning
            p.Amps[1] = 10.0;
            p.Amps[2] = 15.0;
            p.Run(11);
            IsEvent(p.Event(0), AlarmCodes.EventChanged, Circuit, 1, AlarmCodes.CurrentUnbalance, AlarmCodes.LevelWarning, AlarmCodes.LevelCritical);
        }

        [TestMethod]
        public void NeutralCurrentOfAThreePhaseCircuit()
        {
            AlarmTestProbe p = ThreePhaseCircuit();
            p.NeutralAmps[0] = 55.0;                 // 87 % of 63 A
            p.Run(11);
            AlarmEntry e = p.Event(0);
            IsEvent(e, AlarmCodes.EventRaised, Circuit, 1, AlarmCodes.NeutralCurrent, AlarmCodes.LevelWarning, AlarmCodes.LevelNormal);
            Near(100.0 * 55.0 / 63.0, e.Value, "percent of the breaker");
            Near(80.0, e.Threshold, "warning threshold");
        }

        [TestMethod]
        public void SinglePhaseCircuitsHaveNoUnbalanceOrNeutralSlots()
        {
            AlarmTestProbe p = SingleCircuit();
            p.Run(1);
            Assert.AreEqual(-1, p.Level(Circuit, 1, AlarmCodes.NeutralCurrent));
            Assert.AreEqual(-1, p.Level(Circuit, 1, AlarmCodes.CurrentUnbalance));
            Assert.AreEqual(AlarmCodes.LevelNormal, p.Level(Circuit, 1, AlarmCodes.LoadHigh));
            Assert.AreEqual(17, p.Engine.SlotCount);
        }

        [TestMethod]
        public void FrequencyLowAndHighInHz()
        {
            AlarmTestProbe p = ThreePhaseCircuit();
            p.FrequencyHz = 49.4;                    // below 50 - 0.5
            p.Run(6);
            AlarmEntry e = p.Event(0);
            IsEvent(e, AlarmCodes.EventRaised, Device, 0, AlarmCodes.FrequencyLow, AlarmCodes.LevelWarning, AlarmCodes.LevelNormal);
            Near(49.4, e.Value, "Hz");
            Near(49.5, e.Threshold, "Hz");
            p.FrequencyHz = 48.9;
            p.Run(6);
            IsEvent(p.Event(0), AlarmCodes.EventChanged, Device, 0, AlarmCodes.FrequencyLow, AlarmCodes.LevelCritical, AlarmCodes.LevelWarning);
            Near(49.0, p.Event(0).Threshold, "Hz");
            p.FrequencyHz = 50.6;
            p.Run(11);
            Assert.AreEqual(AlarmCodes.LevelNormal, p.Level(Device, 0, AlarmCodes.FrequencyLow));
            Assert.AreEqual(AlarmCodes.LevelWarning, p.Level(Device, 0, AlarmCodes.FrequencyHigh));
            Assert.AreEqual(1, p.Journal.ActiveCount);

            p.Config.NominalFrequencyHz = 60.0;      // thresholds follow the nominal frequency
            p.FrequencyHz = 59.45;
            p.Run(11);
            Assert.AreEqual(AlarmCodes.LevelNormal, p.Level(Device, 0, AlarmCodes.FrequencyHigh));
            Assert.AreEqual(AlarmCodes.LevelWarning, p.Level(Device, 0, AlarmCodes.FrequencyLow));
        }

        [TestMethod]
        public void LowLoadRevealsATrippedBreaker()
        {
            AlarmTestProbe p = SingleCircuit();
            p.Run(5);
            p.Amps[0] = 0.0;
            p.Run(10);
            Assert.AreEqual(0, p.Events, "delay 10 s");
            p.Run(1);
            AlarmEntry e = p.Event(0);
            IsEvent(e, AlarmCodes.EventRaised, Circuit, 1, AlarmCodes.LowLoad, AlarmCodes.LevelWarning, AlarmCodes.LevelNormal);
            Near(0.0, e.Value, "amperes");
            Near(0.2, e.Threshold, "amperes");
            p.Amps[0] = 0.25;                        // above 0.2 but inside the 0.1 A hysteresis
            p.Run(30);
            Assert.AreEqual(1, p.Events);
            p.Amps[0] = 5.0;
            p.Run(11);
            IsEvent(p.Event(0), AlarmCodes.EventCleared, Circuit, 1, AlarmCodes.LowLoad, AlarmCodes.LevelNormal, AlarmCodes.LevelWarning);
        }

        [TestMethod]
        public void OverCurrentOfAChannelInPercentOfItsCt()
        {
            AlarmTestProbe p = SingleCircuit();
            p.Config.Channels[2].CtRatedAmps = 20.0;
            p.Amps[2] = 25.0;                        // 125 % of a 20 A CT
            p.Run(6);
            AlarmEntry e = p.Event(0);
            IsEvent(e, AlarmCodes.EventRaised, AlarmCodes.SourceChannel, 3, AlarmCodes.OverCurrent, AlarmCodes.LevelCritical, AlarmCodes.LevelNormal);
            Near(125.0, e.Value, "percent of the CT");
        }

        [TestMethod]
        public void StormGuardLetsExactlyNEventsPerMinuteThenRecordsTheFinalState()
        {
            AlarmTestProbe p = SingleCircuit();
            AlarmRuleConfig_Flapping(p);
            p.Config.Alarms.StormMaxEventsPerMinute = 6;
            // Flapping every second for 30 s: 31 transitions (0..30), the first 6 recorded.
            for (int t = 0; t < 30; t++)
            {
                p.Amps[0] = t % 2 == 0 ? 0.95 * 32.0 : 0.5 * 32.0;
                p.Run(1);
            }

            Assert.AreEqual(6, p.Events);
            Assert.AreEqual(AlarmCodes.EventCleared, p.Event(0).Kind, "t = 5 was a clear");
            p.Amps[0] = 0.95 * 32.0;                 // then it stays high
            p.Run(30);                               // t = 30..59: the window still holds t = 0..5
            Assert.AreEqual(6, p.Events);
            Assert.AreEqual(25, p.Engine.HeldBackEvents);
            p.Run(1);                                // t = 60: t = 0 leaves the window
            Assert.AreEqual(7, p.Events);
            AlarmEntry e = p.Event(0);
            IsEvent(e, AlarmCodes.EventRaised, Circuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelCritical, AlarmCodes.LevelNormal);
            Assert.AreEqual(AlarmTestProbe.Start.AddSeconds(60), e.TimestampUtc);
            p.Run(120);
            Assert.AreEqual(7, p.Events, "in line now: nothing more");
            Assert.AreEqual(25, p.Engine.HeldBackEvents);
        }

        [TestMethod]
        public void ContinuousFlappingGivesTheLimitPerMinute()
        {
            AlarmTestProbe p = SingleCircuit();
            AlarmRuleConfig_Flapping(p);
            p.Config.Alarms.StormMaxEventsPerMinute = 4;
            int[] perMinute = new int[3];
            for (int t = 0; t < 180; t++)
            {
                int before = p.Events;
                p.Amps[0] = t % 2 == 0 ? 0.95 * 32.0 : 0.5 * 32.0;
                p.Run(1);
                perMinute[t / 60] += p.Events - before;
            }

            for (int m = 0; m < 3; m++)
            {
                Assert.AreEqual(4, perMinute[m], "minute " + m.ToString());
            }

            Assert.AreEqual(180 - 12, p.Engine.HeldBackEvents);
        }

        // Load rule with no delay and no hysteresis: every crossing is a transition.
        private static void AlarmRuleConfig_Flapping(AlarmTestProbe p)
        {
            p.Rule(AlarmCodes.LoadHigh).AssertDelayS = 0;
            p.Rule(AlarmCodes.LoadHigh).ClearDelayS = 0;
            p.Rule(AlarmCodes.LoadHigh).Hysteresis = 0;
        }

        [TestMethod]
        public void DisabledRuleOrLevelSwitchedOffClearsWhatItRaised()
        {
            AlarmTestProbe p = SingleCircuit();
            p.Amps[0] = 0.95 * 32.0;
            p.Run(6);
            Assert.AreEqual(AlarmCodes.LevelCritical, p.Level(Circuit, 1, AlarmCodes.LoadHigh));
            p.Rule(AlarmCodes.LoadHigh).Critical = double.NaN;
            p.Run(1);
            IsEvent(p.Event(0), AlarmCodes.EventChanged, Circuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelWarning, AlarmCodes.LevelCritical);
            p.Rule(AlarmCodes.LoadHigh).Enabled = false;
            p.Rule(AlarmCodes.LoadHigh).Latching = true;
            p.Run(1);
            IsEvent(p.Event(0), AlarmCodes.EventCleared, Circuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelNormal, AlarmCodes.LevelWarning);
            p.Run(30);
            Assert.AreEqual(3, p.Events);
            p.Rule(AlarmCodes.LoadHigh).Enabled = true;
            p.Run(6);
            IsEvent(p.Event(0), AlarmCodes.EventRaised, Circuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelWarning, AlarmCodes.LevelNormal);
        }

        [TestMethod]
        public void ChangedCircuitsRebuildSlotsWithoutLosingUnrelatedAlarms()
        {
            AlarmTestProbe p = new AlarmTestProbe(3);
            p.AddCircuit("A", new int[] { 1 }, 32.0);
            p.AddCircuit("B", new int[] { 2 }, 16.0);
            p.Config.Channels[2].CtRatedAmps = 20.0;
            p.Amps[0] = 0.95 * 32.0;                 // A critical
            p.Amps[1] = 0.85 * 16.0;                 // B warning
            p.Amps[2] = 22.0;                        // channel 3 over its CT
            p.Run(6);
            Assert.AreEqual(3, p.Journal.ActiveCount);
            uint alarmA = p.Active(Circuit, 1, AlarmCodes.LoadHigh).AlarmId;
            uint alarmChannel = p.Active(AlarmCodes.SourceChannel, 3, AlarmCodes.OverCurrent).AlarmId;
            int events = p.Events;

            // B is replaced by C (channel 3) at the same place: B's alarm clears, A's and channel 3's stay.
            p.Config.Circuits = new Ipenergy.Probe.Config.CircuitConfig[]
            {
                p.Config.Circuits[0], new Ipenergy.Probe.Config.CircuitConfig("C", new int[] { 3 }, 63.0),
            };
            p.Run(1);
            Assert.AreEqual(events + 1, p.Events, "one event: B cleared");
            AlarmEntry cleared = p.Event(0);
            IsEvent(cleared, AlarmCodes.EventCleared, Circuit, 2, AlarmCodes.LoadHigh, AlarmCodes.LevelNormal, AlarmCodes.LevelWarning);
            Assert.AreEqual(2, p.Journal.ActiveCount);
            Assert.AreEqual(alarmA, p.Active(Circuit, 1, AlarmCodes.LoadHigh).AlarmId);
            Assert.AreEqual(alarmChannel, p.Active(AlarmCodes.SourceChannel, 3, AlarmCodes.OverCurrent).AlarmId);
            Assert.AreEqual(AlarmCodes.LevelCritical, p.Level(Circuit, 1, AlarmCodes.LoadHigh));

            // A keeps its streaks too: it clears 10 s after going back, as if nothing had happened.
            p.Amps[0] = 0.5 * 32.0;
            p.Run(10);
            Assert.AreEqual(AlarmCodes.LevelCritical, p.Level(Circuit, 1, AlarmCodes.LoadHigh));
            p.AddCircuit("D", new int[] { 2 }, 32.0);
            p.Run(1);
            IsEvent(p.Event(0), AlarmCodes.EventCleared, Circuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelNormal, AlarmCodes.LevelCritical);
            Assert.AreEqual(21, p.Engine.SlotCount, "9 phase + 3 device + 3 channel + 3 single-phase circuits × 2");
        }

        [TestMethod]
        public void RestartTakesOverActiveAlarmsFromTheJournal()
        {
            AlarmTestProbe p = SingleCircuit();
            p.Amps[0] = 0.95 * 32.0;
            p.Run(6);
            Assert.AreEqual(1, p.Events);

            // A new engine on the same journal (a reboot): still high, so no second Raised...
            p.Engine = new Ipenergy.Probe.Alarms.AlarmEngine(p.Journal);
            p.Run(30);
            Assert.AreEqual(1, p.Events, "taken over, not raised again");
            Assert.AreEqual(AlarmCodes.LevelCritical, p.Level(Circuit, 1, AlarmCodes.LoadHigh));

            // ...and after another reboot with the load gone, it clears through the clear delay.
            p.Engine = new Ipenergy.Probe.Alarms.AlarmEngine(p.Journal);
            p.Amps[0] = 0.5 * 32.0;
            p.Run(10);
            Assert.AreEqual(1, p.Events);
            p.Run(1);
            IsEvent(p.Event(0), AlarmCodes.EventCleared, Circuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelNormal, AlarmCodes.LevelCritical);
        }

        [TestMethod]
        public void RestartClearsActiveAlarmsWhoseSourceIsGone()
        {
            AlarmTestProbe p = new AlarmTestProbe(3);
            p.AddCircuit("A", new int[] { 1 }, 32.0);
            p.Amps[0] = 0.95 * 32.0;
            p.Run(6);
            Assert.AreEqual(1, p.Journal.ActiveCount);
            p.Config.Circuits = new Ipenergy.Probe.Config.CircuitConfig[0];
            p.Engine = new Ipenergy.Probe.Alarms.AlarmEngine(p.Journal);
            p.Run(1);
            Assert.AreEqual(0, p.Journal.ActiveCount);
            IsEvent(p.Event(0), AlarmCodes.EventCleared, Circuit, 1, AlarmCodes.LoadHigh, AlarmCodes.LevelNormal, AlarmCodes.LevelCritical);
        }
    }
}
