using System;

namespace Ipenergy.Probe.Metering
{
    /// <summary>
    /// Everything measured over one second. The engine fills a fresh snapshot, publishes it with one
    /// reference write and never touches it again, so a reader that takes the reference sees one
    /// consistent second. Protocols, display and alarms read only this.
    /// </summary>
    public sealed class MeasurementSnapshot
    {
        public MeasurementSnapshot(PhaseValues[] phases, ChannelValues[] channels, CircuitValues[] circuits)
        {
            Phases = phases;
            Channels = channels;
            Circuits = circuits;
        }

        /// <summary>1, 2, 3 … for each published second since boot; 0 before the first.</summary>
        public long Sequence { get; set; }

        /// <summary>Device clock (UTC) at the end of the aggregate.</summary>
        public DateTime Timestamp { get; set; }

        /// <summary>System frequency measured on the reference phase; 0 without voltage.</summary>
        public double FrequencyHz { get; set; }

        /// <summary>Voltage unbalance u2 = V₂ / V₁ (negative / positive sequence), percent (IEC 61000-4-30).</summary>
        public double VoltageUnbalancePercent { get; set; }

        /// <summary>Frames (samples per channel) processed since boot at the end of this aggregate: energy
        /// between two snapshots accrued over exactly (EndFrame₂ − EndFrame₁) / sample rate seconds. When metering
        /// chips meter (no samples), device milliseconds since the chips started: a rate of 1000.</summary>
        public long EndFrame { get; set; }

        /// <summary>Measurement windows (10/12 cycles) that make up this second (1 per chip poll when chips meter).</summary>
        public int Windows { get; set; }

        /// <summary>L1, L2, L3.</summary>
        public PhaseValues[] Phases { get; private set; }

        /// <summary>Index = channel number − 1.</summary>
        public ChannelValues[] Channels { get; private set; }

        /// <summary>In configuration order.</summary>
        public CircuitValues[] Circuits { get; private set; }
    }
}
