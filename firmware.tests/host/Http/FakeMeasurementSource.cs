using System;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>An IMeasurementSource whose Latest is whatever the test sets.</summary>
    public sealed class FakeMeasurementSource : IMeasurementSource
    {
        public FakeMeasurementSource(MeasurementSnapshot latest)
        {
            Latest = latest;
        }

        public MeasurementSnapshot Latest { get; set; }
    }

    /// <summary>Hand-made snapshots with awkward values: signs, NaN, big counters, odd names.</summary>
    public static class HandMadeSnapshots
    {
        public static MeasurementSnapshot Mpp18()
        {
            return Make(18);
        }

        public static MeasurementSnapshot Make(int channelCount)
        {
            var phases = new PhaseValues[PhaseNames.Count];
            for (int p = 0; p < phases.Length; p++)
            {
                phases[p] = new PhaseValues(p)
                {
                    Vrms = 230.0 + p * 1.237 + 0.0049,
                    FundamentalVrms = 229.9 + p * 1.1,
                    FrequencyHz = 50.0 + p * 0.0004,
                    ThdPercent = 3.456 * (p + 1),
                    AngleDeg = p == 0 ? 0.0 : (p == 1 ? -120.004 : 119.996),
                    Present = p != 2,
                };
            }

            // L3 lost: no voltage, frequency unknown.
            phases[2].Vrms = 0.0;
            phases[2].FundamentalVrms = 0.0;
            phases[2].FrequencyHz = 0.0;
            phases[2].ThdPercent = double.NaN;

            var channels = new ChannelValues[channelCount];
            for (int i = 0; i < channelCount; i++)
            {
                double irms = 1.5 + i * 2.345678;
                double sign = i % 7 == 6 ? -1.0 : 1.0; // every seventh channel exports
                channels[i] = new ChannelValues(i + 1, i % PhaseNames.Count)
                {
                    Irms = irms,
                    FundamentalIrms = irms * 0.98,
                    ThdPercent = 20.0 + i * 0.125,
                    ActivePowerW = sign * irms * 230.0 * 0.9,
                    ReactivePowerVar = (i % 2 == 0 ? 1.0 : -1.0) * irms * 230.0 * 0.43589,
                    ApparentPowerVA = irms * 230.0,
                    PowerFactor = sign * 0.9 + i * 0.00001,
                    CosPhi = sign * 0.91234567,
                    LoadPercentOfCt = irms,
                    ImportEnergyMilliWh = 123456789012L + i * 1001L,
                    ExportEnergyMilliWh = i * 7L,
                    ImportReactiveMilliVarh = 5L * i,
                    ExportReactiveMilliVarh = 999L * i,
                };
            }

            if (channelCount > 4)
            {
                // An idle channel: power factor undefined.
                channels[4].Irms = 0.0;
                channels[4].ActivePowerW = 0.0;
                channels[4].ApparentPowerVA = 0.0;
                channels[4].PowerFactor = double.NaN;
                channels[4].CosPhi = double.NaN;
            }

            var circuits = new[]
            {
                new CircuitValues(0, "Rack A1", 1, 32.0)
                {
                    MaxIrms = 12.3456, LoadPercent = 38.58, ActivePowerW = 2555.5, ReactivePowerVar = -12.25,
                    ApparentPowerVA = 2839.5, PowerFactor = 0.9, CurrentUnbalancePercent = 0.0, NeutralCurrentA = 0.0,
                    ImportEnergyMilliWh = 42, ExportEnergyMilliWh = 0,
                },
                new CircuitValues(1, "PDU \"B\\2\" – 3φ\n", 3, 63.0)
                {
                    MaxIrms = 40.0, LoadPercent = 63.49206, ActivePowerW = -27000.04, ReactivePowerVar = 999.95,
                    ApparentPowerVA = 27600.0, PowerFactor = -0.978262, CurrentUnbalancePercent = 4.44444,
                    NeutralCurrentA = 3.21, ImportEnergyMilliWh = 1, ExportEnergyMilliWh = 987654321,
                },
            };

            return new MeasurementSnapshot(phases, channels, circuits)
            {
                Sequence = 4242,
                Timestamp = new DateTime(2026, 1, 1, 13, 14, 15, 678, DateTimeKind.Utc),
                FrequencyHz = 50.0123,
                VoltageUnbalancePercent = 0.345,
                Windows = 5,
            };
        }
    }
}
