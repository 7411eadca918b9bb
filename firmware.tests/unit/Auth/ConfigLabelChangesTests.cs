using Ipenergy.Probe.Config;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Auth
{
    /// <summary>What an operator may change in the configuration: labels only; the first other change is named.</summary>
    [TestClass]
    public class ConfigLabelChangesTests
    {
        private static MeterConfig WithCircuit()
        {
            MeterConfig c = new MeterConfig(3);
            c.Circuits = new CircuitConfig[] { new CircuitConfig("A", new int[] { 1, 2, 3 }, 32) };
            return c;
        }

        [TestMethod]
        public void LabelsAndCircuitCustomersAreFree()
        {
            MeterConfig current = WithCircuit();
            MeterConfig next = current.Clone();
            next.Channels[0].Label = "x";
            next.Channels[1].Rack = "R2";
            next.Channels[2].Customer = "ACME";
            next.Channels[2].Feed = "B";
            next.Circuits[0].Customer = "ACME";
            Assert.IsNull(ConfigLabelChanges.FirstOtherChange(current, next));
            Assert.IsNull(ConfigLabelChanges.FirstOtherChange(current, current.Clone()));
        }

        [TestMethod]
        public void OtherChangesAreNamed()
        {
            MeterConfig current = WithCircuit();
            MeterConfig next = current.Clone();
            next.Channels[1].CtRatedAmps = 50;
            Assert.AreEqual("channels[1].ctRatedA", ConfigLabelChanges.FirstOtherChange(current, next));
            next = current.Clone();
            next.Circuits[0].BreakerRatedAmps = 16;
            Assert.AreEqual("circuits[0].breakerRatedA", ConfigLabelChanges.FirstOtherChange(current, next));
            next = current.Clone();
            next.Circuits = new CircuitConfig[0];
            Assert.AreEqual("circuits", ConfigLabelChanges.FirstOtherChange(current, next));
            next = current.Clone();
            next.Snmp.WriteCommunity = "secret";
            Assert.AreEqual("snmp", ConfigLabelChanges.FirstOtherChange(current, next));
            next = current.Clone();
            next.Users[0].Role = UserConfig.RoleViewer;
            Assert.AreEqual("users", ConfigLabelChanges.FirstOtherChange(current, next));
            next = current.Clone();
            next.Http.AnonymousRead = false;
            Assert.AreEqual("http", ConfigLabelChanges.FirstOtherChange(current, next));
            next = current.Clone();
            next.Alarms.Rules[0].Warning = 70;
            Assert.AreEqual("alarms", ConfigLabelChanges.FirstOtherChange(current, next));
            next = current.Clone();
            next.Alarms.Syslog = "192.0.2.1";
            Assert.AreEqual("alarms", ConfigLabelChanges.FirstOtherChange(current, next));
            next = current.Clone();
            next.Bus.Role = BusRoles.Slave;
            Assert.AreEqual("bus", ConfigLabelChanges.FirstOtherChange(current, next));
            next = current.Clone();
            next.Bus.Address = 12;
            Assert.AreEqual("bus", ConfigLabelChanges.FirstOtherChange(current, next));
            next = current.Clone();
            next.Bus.GatewayScanTo = 8;
            Assert.AreEqual("bus", ConfigLabelChanges.FirstOtherChange(current, next));
            next = current.Clone();
            next.Channels[0].Label = "x";
            next.Bus.Baud = 9600;
            Assert.AreEqual("bus", ConfigLabelChanges.FirstOtherChange(current, next), "a label change does not carry a bus change");
            next = current.Clone();
            next.NominalVoltage = 240;
            Assert.AreEqual("nominalVoltage", ConfigLabelChanges.FirstOtherChange(current, next));
        }
    }
}
