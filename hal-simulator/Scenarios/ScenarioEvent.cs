namespace Ipenergy.Probe.Simulator
{
    /// <summary>
    /// A change at simulated second AtS: of a channel (Irms, AngleDeg), of a phase (Vrms, AngleDeg) or of the
    /// system frequency. Exactly one target: Channel, Phase, or neither for a frequency change.
    /// </summary>
    public sealed class ScenarioEvent
    {
        public double AtS { get; set; }

        /// <summary>Target channel number, or null.</summary>
        public int? Channel { get; set; }

        /// <summary>Target phase index 0, 1, 2, or null.</summary>
        public int? Phase { get; set; }

        /// <summary>New fundamental RMS current of the channel.</summary>
        public double? Irms { get; set; }

        /// <summary>New fundamental RMS voltage of the phase.</summary>
        public double? Vrms { get; set; }

        /// <summary>New angle of the channel (α) or of the phase (φ), degrees.</summary>
        public double? AngleDeg { get; set; }

        /// <summary>New system frequency (only in an event without a channel or phase).</summary>
        public double? FrequencyHz { get; set; }

        public static ScenarioEvent ForChannel(double atS, int channel, double? irms = null, double? angleDeg = null)
        {
            return new ScenarioEvent { AtS = atS, Channel = channel, Irms = irms, AngleDeg = angleDeg };
        }

        public static ScenarioEvent ForPhase(double atS, int phase, double? vrms = null, double? angleDeg = null)
        {
            return new ScenarioEvent { AtS = atS, Phase = phase, Vrms = vrms, AngleDeg = angleDeg };
        }

        public static ScenarioEvent ForFrequency(double atS, double frequencyHz)
        {
            return new ScenarioEvent { AtS = atS, FrequencyHz = frequencyHz };
        }

        public ScenarioEvent Clone()
        {
            return (ScenarioEvent)MemberwiseClone();
        }
    }
}
