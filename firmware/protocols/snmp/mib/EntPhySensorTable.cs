using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Snmp.Mib
{
    /// <summary>
    /// ENTITY-SENSOR-MIB entPhySensorTable (RFC 3433), columns entPhySensorType(1) .. ValueUpdateRate(8),
    /// one row per sensor entity of entPhysicalTable (same index), so generic platforms (LibreNMS and the
    /// like) discover voltages, currents, powers and frequencies by themselves. Every varbind of a request
    /// reads the one snapshot taken in <see cref="BeginRequest"/>; nothing is allocated per request.
    /// <para>entPhySensorOperStatus: unavailable(2) before the first snapshot, for the voltage and frequency
    /// of an absent phase and for a circuit the snapshot does not have yet (just configured);
    /// nonoperational(3) when a reading is not a number, or when the metering engine has published no new
    /// second for <see cref="StaleAfterCentiseconds"/>; ok(1) otherwise. entPhySensorValue is 0 without a
    /// snapshot, else the reading scaled (<see cref="SensorValue"/>) whatever the status.</para>
    /// <para>entPhySensorValueTimeStamp: sysUpTime when the agent first obtained the snapshot it reports
    /// (the RFC's "last obtained by the agent"; within a second of the measurement while metering runs,
    /// frozen when it stops); 0 before the first.</para>
    /// </summary>
    public sealed class EntPhySensorTable : MibTable
    {
        public const uint Type = 1;
        public const uint Scale = 2;
        public const uint Precision = 3;
        public const uint Value = 4;
        public const uint OperStatus = 5;
        public const uint UnitsDisplay = 6;
        public const uint ValueTimeStamp = 7;
        public const uint ValueUpdateRate = 8;

        /// <summary>EntitySensorStatus values.</summary>
        public const int StatusOk = 1;
        public const int StatusUnavailable = 2;
        public const int StatusNonOperational = 3;

        /// <summary>10 s without a new snapshot (10 missed seconds): the measurement has stopped.</summary>
        public const uint StaleAfterCentiseconds = 1000;

        private static readonly uint[] Columns = new uint[] { 1, 2, 3, 4, 5, 6, 7, 8 };

        private readonly EntityInventory _inventory;
        private readonly IMeasurementSource _source;
        private readonly SysUpTime _upTime;
        private EntityList _list;
        private MeasurementSnapshot _snapshot;
        private long _sequence;
        private uint _seenAt;
        private bool _stale;

        // The reading of the last Measure call.
        private double _reading;

        public EntPhySensorTable(EntityInventory inventory, IMeasurementSource source, SysUpTime upTime)
            : base(StandardOids.EntPhySensorEntry, Columns)
        {
            _inventory = inventory;
            _source = source;
            _upTime = upTime;
            _list = inventory.Current;
        }

        public override void BeginRequest()
        {
            _list = _inventory.Refresh();
            MeasurementSnapshot snapshot = _source.Latest;
            uint now = _upTime.Centiseconds;
            if (snapshot != null && (snapshot != _snapshot || snapshot.Sequence != _sequence))
            {
                _seenAt = now;
                _sequence = snapshot.Sequence;
            }

            _snapshot = snapshot;
            _stale = snapshot != null && now - _seenAt > StaleAfterCentiseconds;
        }

        protected override int RowCount { get { return _list.Sensors.Length; } }

        protected override uint RowIndex(int row)
        {
            return _list.Sensors[row].Index;
        }

        protected override bool ReadCell(uint column, int row, SnmpValue value)
        {
            PhysicalEntity sensor = _list.Sensors[row];
            int quantity = sensor.Quantity;
            switch (column)
            {
                case Type:
                    value.SetInteger32(SensorQuantity.Type(quantity));
                    break;
                case Scale:
                    value.SetInteger32(SensorQuantity.ScaleUnits);
                    break;
                case Precision:
                    value.SetInteger32(SensorQuantity.Precision(quantity));
                    break;
                case Value:
                    Measure(sensor);
                    value.SetInteger32(SensorValue.Scale(_reading, SensorQuantity.Precision(quantity)));
                    break;
                case OperStatus:
                    value.SetInteger32(Measure(sensor));
                    break;
                case UnitsDisplay:
                    value.SetText(SensorQuantity.UnitsDisplay(quantity));
                    break;
                case ValueTimeStamp:
                    value.SetTimeTicks(_snapshot == null ? 0 : _seenAt);
                    break;
                default:
                    // Unsigned32 travels as Gauge32 (RFC 2578 section 7.1.11).
                    value.SetGauge32(SensorQuantity.UpdateRateMs);
                    break;
            }

            return true;
        }

        // Puts the sensor's reading in _reading (0 when there is none) and returns its status.
        private int Measure(PhysicalEntity sensor)
        {
            _reading = 0;
            MeasurementSnapshot snapshot = _snapshot;
            if (snapshot == null)
            {
                return StatusUnavailable;
            }

            int source = sensor.Source;
            int status = StatusOk;
            switch (sensor.Quantity)
            {
                case SensorQuantity.PhaseVoltage:
                case SensorQuantity.PhaseFrequency:
                    if (source >= snapshot.Phases.Length)
                    {
                        return StatusUnavailable;
                    }

                    PhaseValues phase = snapshot.Phases[source];
                    _reading = sensor.Quantity == SensorQuantity.PhaseVoltage ? phase.Vrms : phase.FrequencyHz;
                    status = phase.Present ? StatusOk : StatusUnavailable;
                    break;
                case SensorQuantity.ChannelCurrent:
                case SensorQuantity.ChannelActivePower:
                    if (source >= snapshot.Channels.Length)
                    {
                        return StatusUnavailable;
                    }

                    ChannelValues channel = snapshot.Channels[source];
                    _reading = sensor.Quantity == SensorQuantity.ChannelCurrent ? channel.Irms : channel.ActivePowerW;
                    break;
                default:
                    if (source >= snapshot.Circuits.Length)
                    {
                        return StatusUnavailable;
                    }

                    CircuitValues circuit = snapshot.Circuits[source];
                    _reading = sensor.Quantity == SensorQuantity.CircuitLoad ? circuit.LoadPercent
                        : sensor.Quantity == SensorQuantity.CircuitCurrent ? circuit.MaxIrms : circuit.ActivePowerW;
                    break;
            }

            if (double.IsNaN(_reading) || double.IsInfinity(_reading) || _stale)
            {
                return StatusNonOperational;
            }

            return status;
        }
    }
}
