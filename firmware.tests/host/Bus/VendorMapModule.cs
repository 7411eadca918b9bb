using Ipenergy.Probe.Bus;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Modbus;
using Ipenergy.Probe.Protocols.Modbus.Maps;
using Ipenergy.Probe.Tests.Unit.Bus;
using Ipenergy.Probe.Tests.Unit.ModbusMaps;

namespace Ipenergy.Probe.Tests.Bus
{
    /// <summary>
    /// A slave on the <see cref="VirtualBus"/> answering with the real <see cref="VendorMap"/> over a snapshot
    /// the test sets (what a slave e-Probe's RtuSlave answers, without its thread). Unplugged = silent.
    /// </summary>
    public sealed class VendorMapModule : IVirtualBusNode
    {
        private readonly ModbusPduProcessor _processor;
        private readonly FixedMeasurementSource _source = new FixedMeasurementSource();

        public VendorMapModule(int address, int channels, MeasurementSnapshot snapshot)
        {
            Address = address;
            _source.Latest = snapshot;
            Config = new MeterConfig(channels);
            Config.Snmp.SysName = "module-" + address;
            Config.Snmp.SysLocation = "row " + address;
            Store = new RecordingConfigStore(Config);
            Map = new VendorMap(_source, channels, 0, null,
                new DeviceIdentity(DeviceIdentity.ModelForChannels(channels), "", "1.2.3", "SER-" + address), Store);
            _processor = new ModbusPduProcessor(Map, new ModbusDeviceIdentification(channels > 3 ? "MPP18" : "MPP3", "1.0"));
        }

        public int Address { get; set; }

        public VendorMap Map { get; private set; }

        public MeterConfig Config { get; private set; }

        /// <summary>Its configuration in force: Replace it to rename the module.</summary>
        public RecordingConfigStore Store { get; private set; }

        public MeasurementSnapshot Snapshot
        {
            get { return _source.Latest; }
            set { _source.Latest = value; }
        }

        public bool Unplugged { get; set; }

        public int BaudRate { get { return 115200; } }

        public int ReplyDelayUs { get { return 1750; } }

        public int OnFrame(byte[] frame, int offset, int length, byte[] reply)
        {
            if (Unplugged || length < 4 || frame[offset] != Address || !Crc16Modbus.Check(frame, offset, length))
            {
                return 0;
            }

            int pdu = _processor.Process(ModbusPduProcessor.DirectUnit, frame, offset + 1, length - 3, reply, 1);
            reply[0] = (byte)Address;
            return Crc16Modbus.Append(reply, 0, 1 + pdu);
        }
    }
}
