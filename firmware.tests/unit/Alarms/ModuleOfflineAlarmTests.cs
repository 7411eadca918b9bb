using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Modbus.Maps;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using Ipenergy.Probe.Storage.Alarms;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Alarms
{
    /// <summary>The gateway's moduleOffline alarm: one slot per polled bus address of the module directory.</summary>
    [TestClass]
    public class ModuleOfflineAlarmTests
    {
        private const int Module = AlarmCodes.SourceModule;
        private const int Offline = AlarmCodes.ModuleOffline;

        // A quiet MPP3 gateway polling addresses 3, 7 and 12: 3 and 7 answer, 12 never did.
        private static AlarmTestProbe Gateway(FakeModuleDirectory modules)
        {
            AlarmTestProbe p = new AlarmTestProbe(3);
            p.Amps[0] = 10.0;
            p.Amps[1] = 10.0;
            p.Amps[2] = 10.0;
            modules.SetStatus(3, ModuleStatus.Online);
            modules.SetStatus(7, ModuleStatus.Online);
            modules.SetAge(3, 0.4);
            modules.SetAge(7, 0.4);
            p.Engine.Modules = modules;
            return p;
        }

        private static FakeModuleDirectory ThreeAddresses()
        {
            return new FakeModuleDirectory(new int[] { 3, 7, 12 });
        }

        private static void GoOffline(FakeModuleDirectory modules, int address, double ageSeconds)
        {
            modules.SetStatus(address, ModuleStatus.Offline);
            modules.SetAge(address, ageSeconds);
        }

        private static void IsEvent(AlarmEntry e, int kind, int address, int level, int previous)
        {
            string what = "event " + AlarmCodes.EventName(e.Kind) + " " + AlarmCodes.ConditionName(e.Condition)
                + " of source " + e.Source.ToString() + " index " + e.SourceIndex.ToString();
            Assert.AreEqual(kind, e.Kind, what);
            Assert.AreEqual(Module, e.Source, what);
            Assert.AreEqual(address, e.SourceIndex, what);
            Assert.AreEqual(Offline, e.Condition, what);
            Assert.AreEqual(level, e.Level, what);
            Assert.AreEqual(previous, e.PreviousLevel, what);
        }

        [TestMethod]
        public void CodesNamesAndDefaultRule()
        {
            Assert.AreEqual(5, AlarmCodes.SourceModule);
            Assert.AreEqual(11, AlarmCodes.ModuleOffline);
            Assert.AreEqual(12, AlarmCodes.ConditionCount);
            Assert.AreEqual("module", AlarmCodes.SourceName(AlarmCodes.SourceModule));
            Assert.AreEqual("moduleOffline", AlarmCodes.ConditionName(Offline));
            Assert.AreEqual(Offline, AlarmCodes.ParseCondition("moduleOffline"));
            Assert.AreEqual("polls", AlarmCodes.Unit(Offline));
            Assert.AreEqual(Module, AlarmCodes.SourceOf(Offline));
            Assert.IsFalse(AlarmCodes.IsLowSide(Offline));

            AlarmRuleConfig rule = new AlarmConfig().Rules[Offline];
            Assert.IsTrue(rule.Enabled);
            Assert.IsTrue(double.IsNaN(rule.Warning), "no warning level by default");
            Assert.AreEqual(3.0, rule.Critical);
            Assert.AreEqual(0, rule.AssertDelayS);
            Assert.AreEqual(0, rule.ClearDelayS);
            Assert.IsFalse(rule.Latching);

            Assert.AreEqual("module 7", AlarmSourceLabel.Of(new MeterConfig(3), Module, 7));
            Assert.AreEqual("module 247", AlarmSourceLabel.Of(null, Module, 247));

            // SNMP: kind module(5), index = the address, condition moduleOffline(12), quantity missedPolls(11), polls as they are.
            Assert.AreEqual(EprobeMibLayout.SourceModule, AlarmCodes.SourceModule);
            Assert.AreEqual(12, EprobeAlarmQuantities.ConditionOf(Offline));
            Assert.AreEqual(7u, EprobeAlarmQuantities.SourceIndexOf(Module, 7));
            Assert.AreEqual(EprobeMibLayout.QuantityMissedPolls, EprobeAlarmQuantities.QuantityOf(Offline));
            Assert.AreEqual(4, EprobeAlarmQuantities.Scaled(Offline, 7, 4.0, new MeterConfig(3)));
        }

        [TestMethod]
        public void OfflineRaisesCriticalAtOnceAndAnswerClears()
        {
            FakeModuleDirectory modules = ThreeAddresses();
            AlarmTestProbe p = Gateway(modules);
            p.Run(30);
            Assert.AreEqual(0, p.Events, "online and never-answered modules raise nothing");
            // 9 phase + 3 device + 3 channel slots, and one per polled address.
            Assert.AreEqual(15 + 3, p.Engine.SlotCount);
            Assert.AreEqual(AlarmCodes.LevelNormal, p.Level(Module, 7, Offline));

            // The gateway marks 7 offline (3 missed polls, 3.6 s since its last answer): raised that second.
            GoOffline(modules, 7, 3.6);
            p.Run(1);
            Assert.AreEqual(1, p.Events);
            AlarmEntry e = p.Event(0);
            IsEvent(e, AlarmCodes.EventRaised, 7, AlarmCodes.LevelCritical, AlarmCodes.LevelNormal);
            Assert.AreEqual(3.0, e.Value, "missed polls");
            Assert.AreEqual(3.0, e.Threshold);
            Assert.AreEqual(p.Time.AddSeconds(-1), e.TimestampUtc);

            // Still silent: one alarm, no repeats.
            modules.SetAge(7, 60.0);
            p.Run(60);
            Assert.AreEqual(1, p.Events);
            Assert.AreEqual(1, p.Journal.ActiveCount);
            Assert.AreEqual(AlarmCodes.LevelCritical, p.Level(Module, 7, Offline));
            Assert.AreEqual(AlarmCodes.LevelNormal, p.Level(Module, 3, Offline));

            // It answers again: cleared at once (clear delay 0).
            modules.SetStatus(7, ModuleStatus.Online);
            modules.SetAge(7, 0.3);
            p.Run(1);
            Assert.AreEqual(2, p.Events);
            IsEvent(p.Event(0), AlarmCodes.EventCleared, 7, AlarmCodes.LevelNormal, AlarmCodes.LevelCritical);
            Assert.AreEqual(0, p.Journal.ActiveCount);
            p.Run(30);
            Assert.AreEqual(2, p.Events);
        }

        [TestMethod]
        public void ModbusHeaderCountsTheModuleAlarmWithBitEleven()
        {
            FakeModuleDirectory modules = ThreeAddresses();
            AlarmTestProbe p = Gateway(modules);
            GoOffline(modules, 7, 4.0);
            p.Run(1);
            ModbusAlarmState state = new ModbusAlarmState(p.Journal, 3, 0);
            state.Scan();
            Assert.AreEqual(1 << 11, state.Bits);
            Assert.AreEqual(1 << 11, state.CriticalBits);
            Assert.AreEqual(AlarmCodes.LevelCritical, state.HighestLevel);
            Assert.AreEqual(1, state.ActiveCount);
            Assert.AreEqual(1, state.CriticalCount);
            Assert.AreEqual(1, state.UnacknowledgedCount);
            Assert.AreEqual(0, state.SourceBits(AlarmCodes.SourceDevice, 0), "not an alarm of this meter's own sources");
            Assert.AreEqual(0, state.SourceBits(Module, 7), "no per-module rows in the maps");
        }

        [TestMethod]
        public void NeverAnsweredAddressNeverRaises()
        {
            FakeModuleDirectory modules = ThreeAddresses();
            AlarmTestProbe p = Gateway(modules);
            p.Rule(Offline).Warning = 3.0;
            p.Rule(Offline).Critical = 3.0;
            p.Run(600);
            Assert.AreEqual(0, p.Events);
            Assert.AreEqual(AlarmCodes.LevelNormal, p.Level(Module, 12, Offline));
            Assert.AreEqual(-1, p.Level(Module, 5, Offline), "address 5 is not polled: no slot");
        }

        [TestMethod]
        public void ConfiguredDelayAndThresholdsInMissedPolls()
        {
            FakeModuleDirectory modules = ThreeAddresses();
            AlarmTestProbe p = Gateway(modules);
            p.Config.Bus.PollIntervalMs = 500;
            p.Rule(Offline).Warning = 3.0;
            p.Rule(Offline).Critical = 10.0;
            p.Rule(Offline).AssertDelayS = 2;
            p.Run(5);

            // Offline with 1.6 s of silence = 3 polls at 500 ms: the warning after 2 more seconds.
            GoOffline(modules, 3, 1.6);
            p.Run(2);
            Assert.AreEqual(0, p.Events, "assert delay 2 s");
            p.Run(1);
            Assert.AreEqual(1, p.Events);
            IsEvent(p.Event(0), AlarmCodes.EventRaised, 3, AlarmCodes.LevelWarning, AlarmCodes.LevelNormal);

            // 5.2 s of silence = 10 missed polls: critical, again after the delay.
            modules.SetAge(3, 5.2);
            p.Run(2);
            Assert.AreEqual(1, p.Events);
            p.Run(1);
            Assert.AreEqual(2, p.Events);
            AlarmEntry e = p.Event(0);
            IsEvent(e, AlarmCodes.EventChanged, 3, AlarmCodes.LevelCritical, AlarmCodes.LevelWarning);
            Assert.AreEqual(10.0, e.Value);
            Assert.AreEqual(10.0, e.Threshold);
        }

        [TestMethod]
        public void FlappingModuleIsHeldByTheStormGuard()
        {
            FakeModuleDirectory modules = ThreeAddresses();
            AlarmTestProbe p = Gateway(modules);
            p.Config.Alarms.StormMaxEventsPerMinute = 4;
            int[] perMinute = new int[3];
            for (int t = 0; t < 180; t++)
            {
                int before = p.Events;
                modules.SetStatus(3, t % 2 == 0 ? ModuleStatus.Offline : ModuleStatus.Online);
                p.Run(1);
                perMinute[t / 60] += p.Events - before;
            }

            for (int m = 0; m < 3; m++)
            {
                Assert.AreEqual(4, perMinute[m], "minute " + m.ToString());
            }

            Assert.AreEqual(180 - 12, p.Engine.HeldBackEvents);
        }

        [TestMethod]
        public void DisabledRuleClearsAndRaisesNothing()
        {
            FakeModuleDirectory modules = ThreeAddresses();
            AlarmTestProbe p = Gateway(modules);
            GoOffline(modules, 7, 4.0);
            p.Run(1);
            Assert.AreEqual(1, p.Journal.ActiveCount);
            p.Rule(Offline).Enabled = false;
            p.Run(1);
            IsEvent(p.Event(0), AlarmCodes.EventCleared, 7, AlarmCodes.LevelNormal, AlarmCodes.LevelCritical);
            GoOffline(modules, 3, 4.0);
            p.Run(30);
            Assert.AreEqual(2, p.Events);
        }

        [TestMethod]
        public void RestartKeepsTheAlarmUntilTheModuleAnswers()
        {
            FakeModuleDirectory modules = ThreeAddresses();
            AlarmTestProbe p = Gateway(modules);
            GoOffline(modules, 7, 4.0);
            p.Run(1);
            Assert.AreEqual(1, p.Events);

            // Reboot: the new gateway has not heard from any module yet (all Unknown): the alarm stays.
            FakeModuleDirectory fresh = ThreeAddresses();
            p.Engine = new Ipenergy.Probe.Alarms.AlarmEngine(p.Journal);
            p.Engine.Modules = fresh;
            p.Run(20);
            Assert.AreEqual(1, p.Events, "taken over, neither raised again nor cleared");
            Assert.AreEqual(AlarmCodes.LevelCritical, p.Level(Module, 7, Offline));

            fresh.SetStatus(7, ModuleStatus.Online);
            p.Run(1);
            Assert.AreEqual(2, p.Events);
            IsEvent(p.Event(0), AlarmCodes.EventCleared, 7, AlarmCodes.LevelNormal, AlarmCodes.LevelCritical);
        }

        [TestMethod]
        public void WithoutADirectoryModuleAlarmsAreCleared()
        {
            FakeModuleDirectory modules = ThreeAddresses();
            AlarmTestProbe p = Gateway(modules);
            GoOffline(modules, 7, 4.0);
            p.Run(1);
            Assert.AreEqual(1, p.Journal.ActiveCount);

            // Restarted as a slave or standalone module: no directory, no module slots.
            p.Engine = new Ipenergy.Probe.Alarms.AlarmEngine(p.Journal);
            p.Run(1);
            Assert.AreEqual(15, p.Engine.SlotCount);
            Assert.AreEqual(0, p.Journal.ActiveCount);
            IsEvent(p.Event(0), AlarmCodes.EventCleared, 7, AlarmCodes.LevelNormal, AlarmCodes.LevelCritical);
        }
    }
}
