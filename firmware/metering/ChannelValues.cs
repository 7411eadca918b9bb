namespace Ipenergy.Probe.Metering
{
    /// <summary>
    /// One CT channel over a 1-second aggregate. Powers are signed, consumer convention: P &gt; 0 when
    /// energy is imported, Q &gt; 0 inductive; power factor keeps the sign of P.
    /// </summary>
    public sealed class ChannelValues
    {
        public ChannelValues(int channel, int phase)
        {
            Channel = channel;
            Phase = phase;
        }

        /// <summary>1-based channel number.</summary>
        public int Channel { get; private set; }

        /// <summary>Phase index whose voltage this channel is multiplied with.</summary>
        public int Phase { get; set; }

        /// <summary>True RMS current, amperes.</summary>
        public double Irms { get; set; }

        /// <summary>RMS of the fundamental current, amperes.</summary>
        public double FundamentalIrms { get; set; }

        /// <summary>Total harmonic distortion of the current (THD-F), percent.</summary>
        public double ThdPercent { get; set; }

        /// <summary>Active power P (all harmonics), watts.</summary>
        public double ActivePowerW { get; set; }

        /// <summary>Fundamental reactive power Q1 (IEEE 1459), var; &gt; 0 inductive.</summary>
        public double ReactivePowerVar { get; set; }

        /// <summary>Apparent power S = Vrms × Irms, VA.</summary>
        public double ApparentPowerVA { get; set; }

        /// <summary>P / S, signed like P.</summary>
        public double PowerFactor { get; set; }

        /// <summary>Displacement power factor cos φ1 = P1 / S1, signed like P1.</summary>
        public double CosPhi { get; set; }

        /// <summary>Irms as percent of the CT rating.</summary>
        public double LoadPercentOfCt { get; set; }

        /// <summary>Active energy imported since manufacture, milliwatt-hours (integer: no drift).</summary>
        public long ImportEnergyMilliWh { get; set; }

        /// <summary>Active energy exported, milliwatt-hours.</summary>
        public long ExportEnergyMilliWh { get; set; }

        /// <summary>Reactive energy while Q &gt; 0 (inductive), millivar-hours.</summary>
        public long ImportReactiveMilliVarh { get; set; }

        /// <summary>Reactive energy while Q &lt; 0 (capacitive), millivar-hours.</summary>
        public long ExportReactiveMilliVarh { get; set; }
    }
}
