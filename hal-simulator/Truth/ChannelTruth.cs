namespace Ipenergy.Probe.Simulator
{
    /// <summary>What a perfect meter reports for one channel at one instant (spec formulas; consumer convention).</summary>
    public sealed class ChannelTruth
    {
        /// <summary>1-based channel number.</summary>
        public int Channel { get; internal set; }

        /// <summary>Phase index 0, 1, 2 of the voltage that goes with the channel.</summary>
        public int Phase { get; internal set; }

        /// <summary>True RMS of that phase voltage: V·√(1 + Σp²/10⁴).</summary>
        public double Vrms { get; internal set; }

        /// <summary>True RMS current: I·√(1 + Σp²/10⁴).</summary>
        public double Irms { get; internal set; }

        /// <summary>RMS of the fundamental current, I.</summary>
        public double FundamentalIrms { get; internal set; }

        /// <summary>THD-F of the current, percent: √Σp².</summary>
        public double CurrentThdPercent { get; internal set; }

        /// <summary>α, degrees (current against its phase voltage, &lt; 0 lagging).</summary>
        public double AngleDeg { get; internal set; }

        /// <summary>P = V·I·[cos α + Σ (pv_h·pi_h/10⁴)·cos(θv_h − θi_h − h·α)], W.</summary>
        public double ActivePowerW { get; internal set; }

        /// <summary>Q1 = V·I·sin(−α), var (IEEE 1459 fundamental reactive power, &gt; 0 inductive).</summary>
        public double ReactivePowerVar { get; internal set; }

        /// <summary>S = Vrms·Irms, VA.</summary>
        public double ApparentPowerVA { get; internal set; }

        /// <summary>P/S (sign of P); 0 when S is 0.</summary>
        public double PowerFactor { get; internal set; }

        /// <summary>cos α.</summary>
        public double CosPhi { get; internal set; }
    }
}
