namespace Ipenergy.Probe.Metering
{
    /// <summary>
    /// An energy counter kept as an integer number of milli-units (mWh or mvarh) plus a sub-unit
    /// remainder. Only the remainder is a float, and it stays below one milli-unit, so the counter
    /// never loses increments to floating-point rounding however large it grows (a double holding
    /// the total would stop counting small windows after a few years at full load).
    /// </summary>
    public sealed class EnergyRegister
    {
        // Joules in one milliwatt-hour.
        private const double JoulesPerMilliUnit = 3.6;

        private double _remainderJoules;

        public long MilliUnits { get; private set; }

        /// <summary>Adds a non-negative amount of energy in joules (W·s or var·s).</summary>
        public void Add(double joules)
        {
            if (!(joules > 0.0))
            {
                return; // also rejects NaN
            }

            double r = _remainderJoules + joules;
            long whole = (long)(r / JoulesPerMilliUnit);
            MilliUnits += whole;
            _remainderJoules = r - whole * JoulesPerMilliUnit;
        }

        /// <summary>Sets the counter from persistent storage (boot) and clears the remainder.</summary>
        public void Restore(long milliUnits)
        {
            MilliUnits = milliUnits;
            _remainderJoules = 0.0;
        }
    }
}
