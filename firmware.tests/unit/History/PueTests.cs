using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Storage.History;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.History
{
    [TestClass]
    public class PueTests
    {
        [TestMethod]
        public void InstantaneousPueAndDcieFromCircuitRoles()
        {
            CircuitValues[] circuits = { Circuit(0, 15000), Circuit(1, 6000), Circuit(2, 4000), Circuit(3, 999) };
            MeasurementSnapshot snapshot = new MeasurementSnapshot(new PhaseValues[0], new ChannelValues[0], circuits);
            PueMeter meter = new PueMeter(new int[] { CircuitRoles.FacilityTotal, CircuitRoles.ItLoad, CircuitRoles.ItLoad, CircuitRoles.None });
            Assert.IsTrue(meter.IsConfigured);
            meter.Evaluate(snapshot);
            Assert.AreEqual(15000.0, meter.FacilityW);
            Assert.AreEqual(10000.0, meter.ItW);
            Assert.IsTrue(Math.Abs(meter.Pue - 1.5) < 1e-12, "PUE " + meter.Pue.ToString());
            Assert.IsTrue(Math.Abs(meter.DciePercent - 66.6666666667) < 1e-6, "DCiE " + meter.DciePercent.ToString());
        }

        [TestMethod]
        public void UnavailableWithoutBothRolesOrWithoutItPower()
        {
            CircuitValues[] circuits = { Circuit(0, 15000), Circuit(1, 0) };
            MeasurementSnapshot snapshot = new MeasurementSnapshot(new PhaseValues[0], new ChannelValues[0], circuits);
            PueMeter onlyFacility = new PueMeter(new int[] { CircuitRoles.FacilityTotal, CircuitRoles.None });
            Assert.IsFalse(onlyFacility.IsConfigured);
            onlyFacility.Evaluate(snapshot);
            Assert.IsTrue(double.IsNaN(onlyFacility.Pue) && double.IsNaN(onlyFacility.DciePercent));

            PueMeter noItPower = new PueMeter(new int[] { CircuitRoles.FacilityTotal, CircuitRoles.ItLoad });
            noItPower.Evaluate(snapshot);
            Assert.IsTrue(double.IsNaN(noItPower.Pue), "IT at 0 W");
        }

        [TestMethod]
        public void PerIntervalPueFromHistoryEnergy()
        {
            HistoryRun run = new HistoryRun(4096, 30);
            run.Run(30 * 60 + 1);
            CircuitConfig[] circuits =
            {
                new CircuitConfig("intake", new int[] { 3 }, 32) { Role = CircuitRoles.FacilityTotal },
                new CircuitConfig("it", new int[] { 1, 2 }, 32) { Role = CircuitRoles.ItLoad },
            };
            int[] roles = PueMeter.ChannelRoles(HistoryRun.Channels, circuits);
            Assert.AreEqual(CircuitRoles.ItLoad, roles[0]);
            Assert.AreEqual(CircuitRoles.FacilityTotal, roles[2]);

            PueList list = new PueList();
            PueHistory history = new PueHistory(new HistoryReader(run.Flash, run.Layout, HistoryRun.Channels), roles);
            // Started 23:50: the quarters ending 00:00 (partial) and 00:15 are closed at 00:20.
            Assert.AreEqual(2, history.Query(DateTime.MinValue, DateTime.MaxValue, HistoryResolution.QuarterHour, list));
            // Channels carry 3, 4 and 5 kW (with noise): PUE = 5 / 7 over whole intervals.
            Assert.IsTrue(Math.Abs(list.LastPue - 5.0 / 7.0) < 0.01, "PUE " + list.LastPue.ToString());
            Assert.IsTrue(Math.Abs(list.LastDcie - 140.0) < 2.0, "DCiE " + list.LastDcie.ToString());
            Assert.IsTrue(list.LastFacilityWh > 1200 && list.LastFacilityWh < 1300, "facility Wh " + list.LastFacilityWh.ToString());
        }

        private static CircuitValues Circuit(int index, double powerW)
        {
            CircuitValues c = new CircuitValues(index, "c" + index.ToString(), 1, 32);
            c.ActivePowerW = powerW;
            return c;
        }

        private sealed class PueList : IPueVisitor
        {
            public double LastPue;
            public double LastDcie;
            public long LastFacilityWh;

            public void Interval(DateTime end, int seconds, long facilityWh, long itWh, double pue, double dciePercent)
            {
                LastPue = pue;
                LastDcie = dciePercent;
                LastFacilityWh = facilityWh;
            }

            public void Gap(DateTime from, DateTime to)
            {
            }
        }
    }
}
