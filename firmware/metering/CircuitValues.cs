namespace Ipenergy.Probe.Metering
{
    /// <summary>A configured circuit over a 1-second aggregate: totals and load against its breaker.</summary>
    public sealed class CircuitValues
    {
        public CircuitValues(int index, string name, int phaseCount, double breakerRatedAmps)
        {
            Index = index;
            Name = name;
            PhaseCount = phaseCount;
            BreakerRatedAmps = breakerRatedAmps;
        }

        /// <summary>0-based position in the configuration.</summary>
        public int Index { get; private set; }

        public string Name { get; private set; }

        /// <summary>1 or 3.</summary>
        public int PhaseCount { get; private set; }

        public double BreakerRatedAmps { get; private set; }

        /// <summary>Highest conductor current, amperes.</summary>
        public double MaxIrms { get; set; }

        /// <summary>Highest conductor current as percent of the breaker rating.</summary>
        public double LoadPercent { get; set; }

        public double ActivePowerW { get; set; }

        public double ReactivePowerVar { get; set; }

        /// <summary>Arithmetic sum of the conductors' apparent powers, VA.</summary>
        public double ApparentPowerVA { get; set; }

        /// <summary>Total P / total S.</summary>
        public double PowerFactor { get; set; }

        /// <summary>3-phase only: largest deviation of a conductor's Irms from their mean, percent of the mean.</summary>
        public double CurrentUnbalancePercent { get; set; }

        /// <summary>3-phase only: RMS of iL1 + iL2 + iL3 sample by sample (triplen harmonics included), amperes.</summary>
        public double NeutralCurrentA { get; set; }

        public long ImportEnergyMilliWh { get; set; }

        public long ExportEnergyMilliWh { get; set; }
    }
}
