namespace Ipenergy.Probe.Metering
{
    /// <summary>
    /// The four energy counters of every CT channel (import/export active, import/export reactive), in integer
    /// milli-units. Shared by both meters (sample engine, metering chips) so saving, restoring and publishing
    /// energy work the same whichever meters.
    /// </summary>
    public sealed class ChannelEnergy
    {
        /// <summary>Counters per channel in <see cref="CopyTo"/>'s layout: import Wh, export Wh, import varh, export varh.</summary>
        public const int RegistersPerChannel = 4;

        public ChannelEnergy(int channels)
        {
            ImportWh = New(channels);
            ExportWh = New(channels);
            ImportVarh = New(channels);
            ExportVarh = New(channels);
        }

        public readonly EnergyRegister[] ImportWh;
        public readonly EnergyRegister[] ExportWh;
        public readonly EnergyRegister[] ImportVarh;
        public readonly EnergyRegister[] ExportVarh;

        public int Channels { get { return ImportWh.Length; } }

        /// <summary>Adds signed energy (joules of P·t and var·s of Q·t) to the import or export counters by its sign.</summary>
        public void AddSigned(int channelIndex, double activeJoules, double reactiveVarSeconds)
        {
            if (activeJoules >= 0.0)
            {
                ImportWh[channelIndex].Add(activeJoules);
            }
            else
            {
                ExportWh[channelIndex].Add(-activeJoules);
            }

            if (reactiveVarSeconds >= 0.0)
            {
                ImportVarh[channelIndex].Add(reactiveVarSeconds);
            }
            else
            {
                ExportVarh[channelIndex].Add(-reactiveVarSeconds);
            }
        }

        /// <summary>Copies every counter into milliUnits[k * 4 + r]; allocates nothing.</summary>
        public void CopyTo(long[] milliUnits)
        {
            for (int k = 0; k < ImportWh.Length; k++)
            {
                int b = k * RegistersPerChannel;
                milliUnits[b] = ImportWh[k].MilliUnits;
                milliUnits[b + 1] = ExportWh[k].MilliUnits;
                milliUnits[b + 2] = ImportVarh[k].MilliUnits;
                milliUnits[b + 3] = ExportVarh[k].MilliUnits;
            }
        }

        /// <summary>Sets one channel's counters (boot, from storage; or a new meter taking over).</summary>
        public void Restore(int channelIndex, long importMilliWh, long exportMilliWh, long importMilliVarh, long exportMilliVarh)
        {
            ImportWh[channelIndex].Restore(importMilliWh);
            ExportWh[channelIndex].Restore(exportMilliWh);
            ImportVarh[channelIndex].Restore(importMilliVarh);
            ExportVarh[channelIndex].Restore(exportMilliVarh);
        }

        private static EnergyRegister[] New(int channels)
        {
            EnergyRegister[] r = new EnergyRegister[channels];
            for (int k = 0; k < channels; k++)
            {
                r[k] = new EnergyRegister();
            }

            return r;
        }
    }
}
