using Ipenergy.Probe.Common;

namespace Ipenergy.Probe.Protocols.Modbus.Maps
{
    /// <summary>
    /// The Evt bitfield32 of a SunSpec meter (models 201-204: same bit numbers, the symbols' "value" in
    /// tools/sunspec/model_20x.json) from the active alarms of the sources behind the meter: its circuit,
    /// its CT channels, the phases those channels use, and the device (frequency, voltage unbalance).
    /// M_EVENT_Low_PF is never raised (there is no power factor rule) and M_EVENT_Missing_Sensor neither.
    /// </summary>
    public static class SunSpecAlarmEvents
    {
        public const int PowerFailureBit = 2;
        public const int UnderVoltageBit = 3;
        public const int LowPfBit = 4;
        public const int OverCurrentBit = 5;
        public const int OverVoltageBit = 6;

        /// <summary>M_EVENT_OEM01 is bit 16; OEM(k) is bit 15 + k.</summary>
        public const int FirstOemBit = 16;

        /// <summary>The condition behind OEM01, OEM02, …: the conditions without a standard bit.</summary>
        public static readonly int[] OemConditions = new int[]
        {
            AlarmCodes.LoadHigh, AlarmCodes.LowLoad, AlarmCodes.FrequencyLow, AlarmCodes.FrequencyHigh,
            AlarmCodes.VoltageUnbalance, AlarmCodes.CurrentUnbalance, AlarmCodes.NeutralCurrent,
        };

        /// <summary>Evt of one meter.</summary>
        /// <param name="circuitNumber">1..m, or 0 for a meter without circuit (one CT channel).</param>
        /// <param name="channels">CT channel numbers of the meter.</param>
        /// <param name="phaseMask">Bit p set when one of the channels uses phase p (0..2).</param>
        public static uint ForMeter(ModbusAlarmState state, int circuitNumber, int[] channels, int phaseMask)
        {
            int bits = state.SourceBits(AlarmCodes.SourceDevice, 0);
            int critical = state.SourceCriticalBits(AlarmCodes.SourceDevice, 0);
            if (circuitNumber > 0)
            {
                bits |= state.SourceBits(AlarmCodes.SourceCircuit, circuitNumber);
                critical |= state.SourceCriticalBits(AlarmCodes.SourceCircuit, circuitNumber);
            }

            for (int i = 0; i < channels.Length; i++)
            {
                bits |= state.SourceBits(AlarmCodes.SourceChannel, channels[i]);
                critical |= state.SourceCriticalBits(AlarmCodes.SourceChannel, channels[i]);
            }

            for (int p = 0; p < 3; p++)
            {
                if ((phaseMask & (1 << p)) != 0)
                {
                    bits |= state.SourceBits(AlarmCodes.SourcePhase, p);
                    critical |= state.SourceCriticalBits(AlarmCodes.SourcePhase, p);
                }
            }

            return FromConditions(bits, critical);
        }

        /// <summary>Evt from condition bits (bit c = AlarmCodes condition c) at warning or above and at critical.</summary>
        public static uint FromConditions(int bits, int criticalBits)
        {
            uint evt = 0;
            if (Has(bits, AlarmCodes.PhaseLost))
            {
                evt |= 1u << PowerFailureBit;
            }

            if (Has(bits, AlarmCodes.UnderVoltage))
            {
                evt |= 1u << UnderVoltageBit;
            }

            // A breaker at its critical load is an over-current for the meter; a CT over its rating always.
            if (Has(bits, AlarmCodes.OverCurrent) || Has(criticalBits, AlarmCodes.LoadHigh))
            {
                evt |= 1u << OverCurrentBit;
            }

            if (Has(bits, AlarmCodes.OverVoltage))
            {
                evt |= 1u << OverVoltageBit;
            }

            for (int k = 0; k < OemConditions.Length; k++)
            {
                if (Has(bits, OemConditions[k]))
                {
                    evt |= 1u << (FirstOemBit + k);
                }
            }

            return evt;
        }

        private static bool Has(int bits, int condition)
        {
            return (bits & (1 << condition)) != 0;
        }
    }
}
