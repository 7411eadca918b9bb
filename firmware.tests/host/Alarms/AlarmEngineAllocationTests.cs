using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Storage.Alarms;
using Ipenergy.Probe.Tests.Unit.Alarms;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using Xunit;

namespace Ipenergy.Probe.Tests.Alarms
{
    /// <summary>
    /// AlarmEngine.Evaluate runs once a second on the device's metering thread: after the slots are
    /// built it must allocate nothing, also while alarms are raised, changed, cleared, held back by
    /// the storm guard and checked for acknowledgement (latching), and on a gateway while its 31 bus
    /// modules go offline, answer again or stay unknown. GC.GetAllocatedBytesForCurrentThread
    /// does not exist on nanoFramework: host-only test.
    /// </summary>
    public class AlarmEngineAllocationTests
    {
        [Fact]
        public void EvaluatingSecondsAllocatesNothing()
        {
            AlarmTestProbe p = new AlarmTestProbe(18);
            for (int c = 0; c < 6; c++)
            {
                p.AddCircuit("C" + c, new[] { 3 * c + 1, 3 * c + 2, 3 * c + 3 }, 63.0);
            }

            // No delays: every second that flips the inputs is a transition of many slots.
            for (int i = 0; i < AlarmCodes.ConditionCount; i++)
            {
                AlarmRuleConfig rule = p.Rule(i);
                rule.AssertDelayS = 0;
                rule.ClearDelayS = 0;
            }

            p.Rule(AlarmCodes.OverCurrent).Latching = true;
            p.Config.Alarms.StormMaxEventsPerMinute = 3;

            // A gateway polling addresses 1..31.
            int[] addresses = new int[31];
            for (int a = 0; a < addresses.Length; a++)
            {
                addresses[a] = a + 1;
            }

            FakeModuleDirectory modules = new FakeModuleDirectory(addresses);
            p.Engine.Modules = modules;

            for (int k = 0; k < 18; k++)
            {
                p.Amps[k] = 30.0;
            }

            MeasurementSnapshot quiet = p.Snapshot();
            for (int k = 0; k < 18; k++)
            {
                p.Amps[k] = k % 3 == 0 ? 125.0 : 20.0;   // over the CT, 198 % of the breaker, unbalanced
                p.NeutralAmps[k] = 60.0;
            }

            p.Volts[2] = 190.0;
            p.FrequencyHz = 49.2;
            p.VoltageUnbalancePercent = 3.5;
            MeasurementSnapshot alarming = p.Snapshot();
            p.Volts[1] = 0.0;
            p.Present[1] = false;
            MeasurementSnapshot lostPhase = p.Snapshot();
            MeasurementSnapshot[] cycle = { quiet, alarming, alarming, lostPhase, quiet, quiet, alarming, quiet };

            long second = 0;
            DateTime start = AlarmTestProbe.Start;
            for (int i = 0; i < 300; i++)
            {
                SetModules(modules, i);
                Publish(p, cycle[i % cycle.Length], ++second, start);
            }

            CountingListener listener = new CountingListener();
            p.Journal.Listener = listener;
            int heldBefore = p.Engine.HeldBackEvents;
            long worst = 0;
            for (int i = 0; i < 1200; i++)
            {
                MeasurementSnapshot s = cycle[i % cycle.Length];
                s.Sequence = ++second;
                s.Timestamp = start.AddTicks(second * TimeSpan.TicksPerSecond);
                SetModules(modules, i);
                long before = GC.GetAllocatedBytesForCurrentThread();
                p.Engine.Evaluate(s, p.Config);
                long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
                worst = Math.Max(worst, bytes);
            }

            Assert.True(p.Engine.SlotCount == 9 + 3 + 18 + 6 * 4 + 31, "slots: " + p.Engine.SlotCount);
            Assert.True(p.EventsOf(AlarmCodes.ModuleOffline) > 50, "module alarms: " + p.EventsOf(AlarmCodes.ModuleOffline));
            Assert.True(p.Engine.HeldBackEvents - heldBefore > 1000, "the storm guard held events back: " + (p.Engine.HeldBackEvents - heldBefore));
            Assert.True(p.Journal.ActiveCount > 0, "alarms active");
            Assert.True(listener.Count > 500, "events appended during the measurement: " + listener.Count);
            Assert.Equal(0, worst);
        }

        private sealed class CountingListener : IAlarmJournalListener
        {
            public int Count;

            public void OnAlarmEvent(AlarmEntry entry)
            {
                Count++;
            }
        }

        // Each module in turn offline, online or unknown; the age grows with the second.
        private static void SetModules(FakeModuleDirectory modules, int second)
        {
            for (int a = 1; a <= 31; a++)
            {
                int phase = (second + a) % 5;
                modules.SetStatus(a, phase < 2 ? ModuleStatus.Offline : phase < 4 ? ModuleStatus.Online : ModuleStatus.Unknown);
                modules.SetAge(a, phase < 2 ? 3.0 + second % 7 : 0.5);
            }
        }

        private static void Publish(AlarmTestProbe p, MeasurementSnapshot s, long second, DateTime start)
        {
            s.Sequence = second;
            s.Timestamp = start.AddTicks(second * TimeSpan.TicksPerSecond);
            p.Engine.Evaluate(s, p.Config);
        }
    }
}
