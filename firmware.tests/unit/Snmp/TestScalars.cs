using Ipenergy.Probe.Protocols.Snmp;

namespace Ipenergy.Probe.Tests.Unit.Snmp
{
    /// <summary>
    /// A test scalar group at enterprises.32473.99.1 (an arc the e-Probe MIB does not use) with one scalar
    /// of each SNMP type: .1 Integer32 writable 0..100, .2 OCTET STRING writable up to 16 octets, .3
    /// Counter32, .4 Counter64, .5 Gauge32, .6 TimeTicks, .7 IpAddress (writable), .8 OBJECT IDENTIFIER, .9 Integer32
    /// writable whose commit fails.
    /// </summary>
    public sealed class TestScalars : MibScalarGroup
    {
        public static readonly uint[] RootOid = new uint[] { 1, 3, 6, 1, 4, 1, 32473, 99, 1 };

        private static readonly uint[] ModuleOid = new uint[] { 1, 3, 6, 1, 4, 1, 32473, 1 };

        public TestScalars()
            : base(RootOid, new uint[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })
        {
            Number = 42;
            Text = "hello";
            Address = 0xC0000201u;
        }

        public uint Address { get; set; }

        public int Number { get; set; }

        public string Text { get; set; }

        public int Commits { get; private set; }

        public int Requests { get; private set; }

        public override void BeginRequest()
        {
            Requests++;
        }

        protected override bool Read(uint scalar, SnmpValue value)
        {
            switch (scalar)
            {
                case 1:
                    value.SetInteger32(Number);
                    return true;
                case 2:
                    value.SetText(Text);
                    return true;
                case 3:
                    value.SetCounter32(4294967295u);
                    return true;
                case 4:
                    value.SetCounter64(0x0123456789ABCDEFUL);
                    return true;
                case 5:
                    value.SetGauge32(230);
                    return true;
                case 6:
                    value.SetTimeTicks(360000);
                    return true;
                case 7:
                    value.SetIpAddress(Address);
                    return true;
                case 8:
                    value.SetOid(ModuleOid, ModuleOid.Length);
                    return true;
                case 9:
                    value.SetInteger32(-5);
                    return true;
                default:
                    return false;
            }
        }

        protected override int TestWrite(uint scalar, SnmpValue value)
        {
            if (scalar == 1 || scalar == 9)
            {
                if (value.Type != SnmpType.Integer)
                {
                    return SnmpErrorStatus.WrongType;
                }

                return value.Integer < 0 || value.Integer > 100 ? SnmpErrorStatus.WrongValue : SnmpErrorStatus.NoError;
            }

            if (scalar == 2)
            {
                if (value.Type != SnmpType.OctetString)
                {
                    return SnmpErrorStatus.WrongType;
                }

                return value.OctetLength > 16 ? SnmpErrorStatus.WrongLength : SnmpErrorStatus.NoError;
            }

            if (scalar == 7)
            {
                return value.Type == SnmpType.IpAddress ? SnmpErrorStatus.NoError : SnmpErrorStatus.WrongType;
            }

            return SnmpErrorStatus.NotWritable;
        }

        protected override int CommitWrite(uint scalar, SnmpValue value)
        {
            if (scalar == 9)
            {
                return SnmpErrorStatus.CommitFailed;
            }

            Commits++;
            if (scalar == 1)
            {
                Number = value.Integer;
            }
            else if (scalar == 7)
            {
                Address = value.Unsigned;
            }
            else
            {
                Text = value.OctetsAsText();
            }

            return SnmpErrorStatus.NoError;
        }
    }
}
