using Ipenergy.Probe.Config;
using Ipenergy.Probe.Protocols.Snmp;
using Ipenergy.Probe.Protocols.Snmp.Mib;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>SNMPv2-MIB system and snmp groups: values, order, SETs through the live configuration.</summary>
    [TestClass]
    public class StandardMibSystemTests
    {
        private static uint[] Sys(uint scalar)
        {
            return new uint[] { 1, 3, 6, 1, 2, 1, 1, scalar, 0 };
        }

        private static uint[] SnmpScalar(uint scalar)
        {
            return new uint[] { 1, 3, 6, 1, 2, 1, 11, scalar, 0 };
        }

        [TestMethod]
        public void SystemGroupReadsIdentityConfigurationAndUpTime()
        {
            StandardMibFixture f = new StandardMibFixture();
            f.Get(Sys(1));
            Assert.AreEqual("IPenergy Modul'Power e-Probe MPP18, firmware 0.5.0, 6 channels", f.Text());

            SnmpValue v = f.Get(Sys(2));
            Assert.AreEqual((int)SnmpType.ObjectIdentifier, (int)v.Type);
            Assert.AreEqual(0, ObjectId.Compare(EprobeOids.ProductMpp18, EprobeOids.ProductMpp18.Length, v.Oid.Arcs, v.Oid.Length), "sysObjectID");

            f.Clock.MonotonicMilliseconds += 12345;
            v = f.Get(Sys(3));
            Assert.AreEqual((int)SnmpType.TimeTicks, (int)v.Type);
            Assert.AreEqual(1234u, v.Unsigned, "sysUpTime in centiseconds since the agent started");

            f.Get(Sys(4));
            Assert.AreEqual("", f.Text());
            f.Get(Sys(5));
            Assert.AreEqual("e-Probe", f.Text());
            f.Get(Sys(6));
            Assert.AreEqual("Room 1", f.Text());
            v = f.Get(Sys(7));
            Assert.AreEqual((int)SnmpType.Integer, (int)v.Type);
            Assert.AreEqual(72, v.Integer);
        }

        [TestMethod]
        public void Mpp3HasItsOwnObjectId()
        {
            DeviceIdentityCheck("MPP3", EprobeOids.ProductMpp3);
            DeviceIdentityCheck("MPP18", EprobeOids.ProductMpp18);
        }

        private static void DeviceIdentityCheck(string model, uint[] expected)
        {
            uint[] oid = ProductText.ProductOid(new Ipenergy.Probe.Hal.DeviceIdentity(model, "", "1", ""));
            Assert.AreEqual(0, ObjectId.Compare(expected, expected.Length, oid, oid.Length), model);
        }

        [TestMethod]
        public void MissingInstancesAndObjects()
        {
            StandardMibFixture f = new StandardMibFixture();
            Assert.AreEqual((int)SnmpType.NoSuchInstance, (int)f.Get(new uint[] { 1, 3, 6, 1, 2, 1, 1, 5, 1 }).Type);
            Assert.AreEqual((int)SnmpType.NoSuchInstance, (int)f.Get(new uint[] { 1, 3, 6, 1, 2, 1, 1, 5 }).Type);
            // sysORLastChange and sysORTable are left out.
            Assert.AreEqual((int)SnmpType.NoSuchObject, (int)f.Get(Sys(8)).Type);
            Assert.AreEqual((int)SnmpType.NoSuchObject, (int)f.Get(new uint[] { 1, 3, 6, 1, 2, 1, 1, 9, 1, 2, 1 }).Type);
            Assert.AreEqual((int)SnmpType.NoSuchObject, (int)f.Get(SnmpScalar(7)).Type);
            Assert.AreEqual((int)SnmpType.NoSuchObject, (int)f.Get(SnmpScalar(23)).Type);
        }

        [TestMethod]
        public void GetNextRunsThroughSystemIntoSnmpSkippingUnassignedArcs()
        {
            StandardMibFixture f = new StandardMibFixture();
            uint[] system = new uint[] { 1, 3, 6, 1, 2, 1, 1 };
            Assert.IsTrue(f.GetNext(system, system.Length));
            AssertNext(f, Sys(1));
            Assert.IsTrue(f.GetNext(Sys(7), 9));
            AssertNext(f, SnmpScalar(1));
            Assert.IsTrue(f.GetNext(SnmpScalar(6), 9));
            AssertNext(f, SnmpScalar(8));
            Assert.IsTrue(f.GetNext(SnmpScalar(22), 9));
            AssertNext(f, SnmpScalar(24));
            Assert.IsTrue(f.GetNext(SnmpScalar(32), 9));
            Assert.AreEqual(47u, f.Next.Arcs[6], "after the snmp group comes ENTITY-MIB");
        }

        private static void AssertNext(StandardMibFixture f, uint[] expected)
        {
            Assert.AreEqual(0, ObjectId.Compare(expected, expected.Length, f.Next.Arcs, f.Next.Length), "next OID");
        }

        [TestMethod]
        public void SnmpGroupReportsTheCountersAndTheAuthenTrapSwitch()
        {
            StandardMibFixture f = new StandardMibFixture();
            f.Counters.Increment(SnmpCounters.InPkts);
            f.Counters.Increment(SnmpCounters.InPkts);
            f.Counters.Add(SnmpCounters.InTotalReqVars, 7);
            f.Counters.Increment(SnmpCounters.InBadCommunityNames);
            SnmpValue v = f.Get(SnmpScalar(1));
            Assert.AreEqual((int)SnmpType.Counter32, (int)v.Type);
            Assert.AreEqual(2u, v.Unsigned);
            Assert.AreEqual(7u, f.Get(SnmpScalar(13)).Unsigned);
            Assert.AreEqual(1u, f.Get(SnmpScalar(4)).Unsigned);
            Assert.AreEqual(0u, f.Get(SnmpScalar(32)).Unsigned);

            v = f.Get(SnmpScalar(30));
            Assert.AreEqual((int)SnmpType.Integer, (int)v.Type);
            Assert.AreEqual(2, v.Integer, "disabled(2) as the fixture built the switch");

            int walked = 0;
            uint[] oid = new uint[] { 1, 3, 6, 1, 2, 1, 11 };
            int length = oid.Length;
            uint[] cursor = new uint[ObjectId.MaxArcs];
            for (int i = 0; i < length; i++)
            {
                cursor[i] = oid[i];
            }

            while (f.GetNext(cursor, length) && f.Next.Arcs[6] == 11)
            {
                walked++;
                length = f.Next.Length;
                for (int i = 0; i < length; i++)
                {
                    cursor[i] = f.Next.Arcs[i];
                }
            }

            Assert.AreEqual(30, walked, "29 counters and snmpEnableAuthenTraps");
        }

        [TestMethod]
        public void EnableAuthenTrapsIsWritable()
        {
            StandardMibFixture f = new StandardMibFixture();
            SnmpValue value = new SnmpValue();
            value.SetInteger32(1);
            Assert.AreEqual(SnmpErrorStatus.NoError, f.Set(SnmpScalar(30), value));
            Assert.IsTrue(f.AuthenTraps.Enabled);
            Assert.AreEqual(1, f.Get(SnmpScalar(30)).Integer);

            value.SetInteger32(3);
            Assert.AreEqual(SnmpErrorStatus.WrongValue, f.Set(SnmpScalar(30), value));
            value.SetGauge32(2);
            Assert.AreEqual(SnmpErrorStatus.WrongType, f.Set(SnmpScalar(30), value));
            Assert.IsTrue(f.AuthenTraps.Enabled, "refused SETs change nothing");

            value.SetInteger32(2);
            Assert.AreEqual(SnmpErrorStatus.NoError, f.Set(SnmpScalar(30), value));
            Assert.IsFalse(f.AuthenTraps.Enabled);

            value.SetCounter32(5);
            Assert.AreEqual(SnmpErrorStatus.NotWritable, f.Set(SnmpScalar(1), value));
            Assert.IsTrue(new SnmpAuthenTrapSwitch().Enabled == SnmpAuthenTrapSwitch.DefaultEnabled, "default");
        }

        [TestMethod]
        public void SwitchOverTheAgentSettingsIsTheFlagTheAgentReads()
        {
            SnmpSettings settings = new SnmpSettings();
            SnmpAuthenTrapSwitch authenTraps = new SnmpAuthenTrapSwitch(settings);
            Assert.AreEqual(settings.AuthenticationTraps, authenTraps.Enabled);
            SnmpGroup group = new SnmpGroup(new SnmpCounters(), authenTraps);
            uint[] oid = SnmpScalar(30);
            SnmpValue value = new SnmpValue();
            value.SetInteger32(1);
            group.BeginRequest();
            Assert.AreEqual(SnmpErrorStatus.NoError, group.TestSet(oid, oid.Length, value));
            Assert.AreEqual(SnmpErrorStatus.NoError, group.CommitSet(oid, oid.Length, value));
            Assert.IsTrue(settings.AuthenticationTraps, "SET enabled(1) reaches the agent's settings");
            settings.AuthenticationTraps = false;
            group.Get(oid, oid.Length, value);
            Assert.AreEqual(2, value.Integer, "and the group reads them back");
        }

        [TestMethod]
        public void SetSysNameLocationContactGoesThroughTheLiveConfiguration()
        {
            StandardMibFixture f = new StandardMibFixture();
            Assert.AreEqual(SnmpErrorStatus.NoError, f.Set(StandardMibFixture.SysName, StandardMibFixture.TextValue("probe-b12")));
            Assert.AreEqual("{\"snmp\":{\"sysName\":\"probe-b12\"}}", f.Live.LastJson);
            Assert.AreEqual("probe-b12", f.Live.Current.Snmp.SysName);
            f.Get(StandardMibFixture.SysName);
            Assert.AreEqual("probe-b12", f.Text());

            string odd = "Hall \"B\" \\ row 3";
            Assert.AreEqual(SnmpErrorStatus.NoError, f.Set(StandardMibFixture.SysLocation, StandardMibFixture.TextValue(odd)));
            Assert.AreEqual("{\"snmp\":{\"sysLocation\":\"Hall \\\"B\\\" \\\\ row 3\"}}", f.Live.LastJson);
            f.Get(StandardMibFixture.SysLocation);
            Assert.AreEqual(odd, f.Text());

            Assert.AreEqual(SnmpErrorStatus.NoError, f.Set(StandardMibFixture.SysContact, StandardMibFixture.TextValue("noc@example.com")));
            f.Get(StandardMibFixture.SysContact);
            Assert.AreEqual("noc@example.com", f.Text());
            Assert.AreEqual("probe-b12", f.Live.Current.Snmp.SysName, "earlier SETs stay");

            string longest = "0123456789012345678901234567890123456789012345678901234567890123";
            Assert.AreEqual(SnmpErrorStatus.NoError, f.Set(StandardMibFixture.SysName, StandardMibFixture.TextValue(longest)));
            Assert.AreEqual(longest, f.Live.Current.Snmp.SysName);
            Assert.AreEqual(SnmpErrorStatus.NoError, f.Set(StandardMibFixture.SysContact, StandardMibFixture.TextValue("")));
            Assert.AreEqual("", f.Live.Current.Snmp.SysContact);
        }

        [TestMethod]
        public void RefusedTextSetsChangeNothing()
        {
            StandardMibFixture f = new StandardMibFixture();
            MeterConfig before = f.Live.Current;
            SnmpValue number = new SnmpValue();
            number.SetInteger32(5);
            Assert.AreEqual(SnmpErrorStatus.WrongType, Test(f, StandardMibFixture.SysName, number));
            Assert.AreEqual(SnmpErrorStatus.WrongLength, Test(f, StandardMibFixture.SysName,
                StandardMibFixture.TextValue("01234567890123456789012345678901234567890123456789012345678901234")));
            Assert.AreEqual(SnmpErrorStatus.WrongValue, Test(f, StandardMibFixture.SysLocation, StandardMibFixture.TextValue("line\nbreak")));
            Assert.AreEqual(SnmpErrorStatus.WrongValue, Test(f, StandardMibFixture.SysContact, StandardMibFixture.TextValue("Zoé")));
            Assert.AreEqual(SnmpErrorStatus.NotWritable, Test(f, new uint[] { 1, 3, 6, 1, 2, 1, 1, 1, 0 }, StandardMibFixture.TextValue("x")));
            Assert.AreEqual(SnmpErrorStatus.NotWritable, Test(f, new uint[] { 1, 3, 6, 1, 2, 1, 1, 7, 0 }, number));
            Assert.AreEqual(SnmpErrorStatus.NoCreation, Test(f, new uint[] { 1, 3, 6, 1, 2, 1, 1, 5, 1 }, StandardMibFixture.TextValue("x")));

            // A good value passing TestSet alone changes nothing either: only CommitSet applies.
            Assert.AreEqual(SnmpErrorStatus.NoError, Test(f, StandardMibFixture.SysName, StandardMibFixture.TextValue("fine")));
            Assert.AreEqual(0, f.Live.Applies, "TestSet never applies");
            Assert.AreSame(before, f.Live.Current);
            f.Get(StandardMibFixture.SysName);
            Assert.AreEqual("e-Probe", f.Text());
        }

        [TestMethod]
        public void RefusedApplyIsCommitFailed()
        {
            StandardMibFixture f = new StandardMibFixture();
            uint[] oid = StandardMibFixture.SysName;
            f.Tree.BeginRequest();
            IMibSubtree system = f.Tree.Find(oid, oid.Length);
            // A configuration the validator refuses as a whole makes the apply fail.
            MeterConfig broken = f.Live.Current.Clone();
            broken.Snmp.ReadCommunity = "";
            f.Live.Current = broken;
            Assert.AreEqual(SnmpErrorStatus.CommitFailed, system.CommitSet(oid, oid.Length, StandardMibFixture.TextValue("x")));
        }

        private static int Test(StandardMibFixture f, uint[] oid, SnmpValue value)
        {
            f.Tree.BeginRequest();
            return f.Tree.Find(oid, oid.Length).TestSet(oid, oid.Length, value);
        }
    }
}
