using System;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Metering.Chip;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Metering
{
    /// <summary>A chip meter over fake chips (ChipRegisterFile) with a clock the test moves.</summary>
    public sealed class ChipTestRig : IClock
    {
        public readonly MeterConfig Config;
        public readonly ChipRegisterFile[] Chips;
        public ChipMeter Meter;
        private long _ms = 5000;

        public ChipTestRig(int chips, double ctRated)
        {
            Config = new MeterConfig(chips * 3);
            for (int k = 0; k < Config.Channels.Length; k++)
            {
                Config.Channels[k].CtRatedAmps = ctRated;
            }

            Chips = new ChipRegisterFile[chips];
            for (int c = 0; c < chips; c++)
            {
                Chips[c] = new ChipRegisterFile();
            }
        }

        public long MonotonicMilliseconds { get { return _ms; } }

        public DateTime UtcNow { get { return new DateTime(2026, 1, 1).AddMilliseconds(_ms); } }

        /// <summary>Creates and initialises the meter from Config (the chips reset: set their values afterwards).</summary>
        public ChipMeter Start()
        {
            ISpiDevice[] spi = new ISpiDevice[Chips.Length];
            for (int c = 0; c < Chips.Length; c++)
            {
                spi[c] = Chips[c];
            }

            Meter = new ChipMeter(Config, spi, this);
            Meter.Initialize();
            return Meter;
        }

        /// <summary>Moves the clock by a second and polls.</summary>
        public MeasurementSnapshot Poll()
        {
            _ms += 1000;
            Meter.Poll();
            return Meter.Latest;
        }

        /// <summary>Every chip sees the same balanced 230 V 50 Hz supply.</summary>
        public void Supply(double volts)
        {
            for (int c = 0; c < Chips.Length; c++)
            {
                Chips[c].SetBalancedSupply(volts);
            }
        }

        public static void Near(double expected, double actual, double tolerance, string what)
        {
            Assert.IsTrue(Math.Abs(expected - actual) <= tolerance,
                what + ": expected " + expected.ToString() + " ± " + tolerance.ToString() + ", got " + actual.ToString());
        }
    }
}
