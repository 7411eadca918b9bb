namespace Ipenergy.Probe.Simulator
{
    /// <summary>Energy a perfect meter counts on one channel over an interval of simulated time.</summary>
    public sealed class EnergyTruth
    {
        /// <summary>∫ max(P, 0) dt, Wh.</summary>
        public double ImportWh { get; internal set; }

        /// <summary>∫ max(−P, 0) dt, Wh.</summary>
        public double ExportWh { get; internal set; }

        /// <summary>ImportWh − ExportWh.</summary>
        public double NetWh { get { return ImportWh - ExportWh; } }

        /// <summary>∫ Q1 dt, varh (&gt; 0 inductive).</summary>
        public double ReactiveVarh { get; internal set; }
    }
}
