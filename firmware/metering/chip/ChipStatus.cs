namespace Ipenergy.Probe.Metering.Chip
{
    /// <summary>
    /// Health of one metering chip as the chip meter last saw it (the panel, the API or diagnostics read it). Written
    /// by the metering thread only; a reader on another thread may see a value one poll old.
    /// </summary>
    public sealed class ChipStatus
    {
        public ChipStatus(int index)
        {
            Index = index;
        }

        /// <summary>0-based chip index: chip c meters channels 3c+1 .. 3c+3.</summary>
        public int Index { get; private set; }

        /// <summary>True while the chip answers: initialised (writes echoed) and its last read not all 0x0000 / 0xFFFF.</summary>
        public bool Ok { get; set; }

        /// <summary>Initialisations that failed (a write not echoed by LastSPIData).</summary>
        public int InitFailures { get; set; }

        /// <summary>Polls whose registers all read 0x0000 or all 0xFFFF (the chip went away).</summary>
        public int ReadErrors { get; set; }

        /// <summary>Writes not echoed by LastSPIData, since boot (initialisation and configuration changes).</summary>
        public int WriteVerifyFailures { get; set; }

        /// <summary>Successful initialisations (1 after boot; more after recoveries).</summary>
        public int Initializations { get; set; }

        /// <summary>Polls that read the chip successfully.</summary>
        public long GoodPolls { get; set; }

        /// <summary>Die temperature at the last good poll, °C.</summary>
        public double TemperatureC { get; set; }
    }
}
