using System;
using Ipenergy.Probe.Metering;

namespace Ipenergy.Probe.Protocols.Modbus.Maps
{
    /// <summary>
    /// Fills one SunSpec meter block (model 201 or 203) from a snapshot. Each group of integer points
    /// (total + phases A, B, C) shares a scale factor, chosen per read as the smallest one (from a
    /// resolution floor: 0.01 A, 0.1 V, 0.01 Hz, 0.1 W/VA/var, 0.01 % PF, 1 Wh) at which the group's largest
    /// magnitude fits the point type. Energies are the integer counters in Wh (floored, so they never go
    /// back). Without a snapshot, or for values we do not measure, points keep SunSpec "not implemented".
    /// Not thread-safe: the owning map serializes calls.
    /// </summary>
    internal sealed class SunSpecMeterRenderer
    {
        private const double Int16Max = 32767.0;
        private const long Acc32Max = 4294967295L;

        private static readonly double[] Pow10 = new double[] { 0.001, 0.01, 0.1, 1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10 };

        private readonly ChannelValues[] _slot = new ChannelValues[3];
        private readonly double[] _value = new double[4];
        private readonly bool[] _has = new bool[4];
        private readonly long[] _energy = new long[8];
        private readonly bool[] _hasEnergy = new bool[8];

        // Offsets of the selected model (201 and 203 differ only in names, checked against the JSON by tests).
        private int _a, _aSf, _phV, _vSf, _hz, _hzSf, _w, _wSf, _va, _vaSf, _var, _varSf, _pf, _pfSf;
        private int _totWhExp, _totWhImp, _totWhSf, _evt;

        public void Render(MeasurementSnapshot snapshot, int model, int[] channels, int circuitIndex, ushort[] image, int at)
        {
            Render(snapshot, model, channels, circuitIndex, 0, image, at);
        }

        /// <param name="evt">The Evt bitfield (SunSpecAlarmEvents), written even without a snapshot.</param>
        public void Render(MeasurementSnapshot snapshot, int model, int[] channels, int circuitIndex, uint evt, ushort[] image, int at)
        {
            ushort[] blank = Select(model);
            Array.Copy(blank, 0, image, at, blank.Length);
            RegisterWords.PutUInt32(image, at + _evt, evt);
            if (snapshot == null)
            {
                return;
            }

            bool threePhase = model == SunSpecModel203.ModelId;
            _slot[0] = null;
            _slot[1] = null;
            _slot[2] = null;
            for (int i = 0; i < channels.Length && i < 3; i++)
            {
                int index = channels[i] - 1;
                if (index >= 0 && index < snapshot.Channels.Length)
                {
                    _slot[threePhase ? i : 0] = snapshot.Channels[index];
                }
            }

            CircuitValues circuit = circuitIndex >= 0 && circuitIndex < snapshot.Circuits.Length ? snapshot.Circuits[circuitIndex] : null;

            // Currents: total = arithmetic sum of the conductors.
            Clear();
            for (int s = 0; s < 3; s++)
            {
                if (_slot[s] != null)
                {
                    Set(1 + s, _slot[s].Irms);
                    Set(0, (_has[0] ? _value[0] : 0) + _slot[s].Irms);
                }
            }

            PutGroup(image, at + _a, at + _aSf, -2, Int16Max);

            // Phase voltages: PhV = mean of the phases the conductors use; line-to-line not measured.
            Clear();
            double sum = 0;
            int n = 0;
            for (int s = 0; s < 3; s++)
            {
                if (_slot[s] != null && _slot[s].Phase >= 0 && _slot[s].Phase < snapshot.Phases.Length)
                {
                    double v = snapshot.Phases[_slot[s].Phase].Vrms;
                    Set(1 + s, v);
                    sum += v;
                    n++;
                }
            }

            if (n > 0)
            {
                Set(0, sum / n);
            }

            PutGroup(image, at + _phV, at + _vSf, -1, Int16Max);

            Clear();
            Set(0, snapshot.FrequencyHz);
            PutGroup(image, at + _hz, at + _hzSf, -2, Int16Max);

            PutPowers(image, at + _w, at + _wSf, circuit, 0);
            PutPowers(image, at + _va, at + _vaSf, circuit, 1);
            PutPowers(image, at + _var, at + _varSf, circuit, 2);
            PutPowers(image, at + _pf, at + _pfSf, circuit, 3);
            PutEnergies(image, at, circuit);
        }

        private ushort[] Select(int model)
        {
            if (model == SunSpecModel203.ModelId)
            {
                _a = SunSpecModel203.A; _aSf = SunSpecModel203.A_SF;
                _phV = SunSpecModel203.PhV; _vSf = SunSpecModel203.V_SF;
                _hz = SunSpecModel203.Hz; _hzSf = SunSpecModel203.Hz_SF;
                _w = SunSpecModel203.W; _wSf = SunSpecModel203.W_SF;
                _va = SunSpecModel203.VA; _vaSf = SunSpecModel203.VA_SF;
                _var = SunSpecModel203.VAR; _varSf = SunSpecModel203.VAR_SF;
                _pf = SunSpecModel203.PF; _pfSf = SunSpecModel203.PF_SF;
                _totWhExp = SunSpecModel203.TotWhExp; _totWhImp = SunSpecModel203.TotWhImp; _totWhSf = SunSpecModel203.TotWh_SF;
                _evt = SunSpecModel203.Evt;
                return SunSpecModel203.Unimplemented;
            }

            _a = SunSpecModel201.A; _aSf = SunSpecModel201.A_SF;
            _phV = SunSpecModel201.PhV; _vSf = SunSpecModel201.V_SF;
            _hz = SunSpecModel201.Hz; _hzSf = SunSpecModel201.Hz_SF;
            _w = SunSpecModel201.W; _wSf = SunSpecModel201.W_SF;
            _va = SunSpecModel201.VA; _vaSf = SunSpecModel201.VA_SF;
            _var = SunSpecModel201.VAR; _varSf = SunSpecModel201.VAR_SF;
            _pf = SunSpecModel201.PF; _pfSf = SunSpecModel201.PF_SF;
            _totWhExp = SunSpecModel201.TotWhExp; _totWhImp = SunSpecModel201.TotWhImp; _totWhSf = SunSpecModel201.TotWh_SF;
            _evt = SunSpecModel201.Evt;
            return SunSpecModel201.Unimplemented;
        }

        /// <summary>quantity: 0 = W, 1 = VA, 2 = var, 3 = PF in percent. Totals from the circuit when there is one.</summary>
        private void PutPowers(ushort[] image, int valueAt, int sfAt, CircuitValues circuit, int quantity)
        {
            Clear();
            double p = 0, s = 0;
            for (int k = 0; k < 3; k++)
            {
                ChannelValues c = _slot[k];
                if (c == null)
                {
                    continue;
                }

                Set(1 + k, ChannelQuantity(c, quantity));
                p += c.ActivePowerW;
                s += c.ApparentPowerVA;
                if (quantity != 3)
                {
                    Set(0, (_has[0] ? _value[0] : 0) + ChannelQuantity(c, quantity));
                }
            }

            if (circuit != null)
            {
                Set(0, CircuitQuantity(circuit, quantity));
            }
            else if (quantity == 3 && (_has[1] || _has[2] || _has[3]))
            {
                Set(0, s > 0 ? 100.0 * p / s : 0);
            }

            PutGroup(image, valueAt, sfAt, quantity == 3 ? -2 : -1, Int16Max);
        }

        private static double ChannelQuantity(ChannelValues c, int quantity)
        {
            switch (quantity)
            {
                case 0: return c.ActivePowerW;
                case 1: return c.ApparentPowerVA;
                case 2: return c.ReactivePowerVar;
                default: return 100.0 * c.PowerFactor;
            }
        }

        private static double CircuitQuantity(CircuitValues c, int quantity)
        {
            switch (quantity)
            {
                case 0: return c.ActivePowerW;
                case 1: return c.ApparentPowerVA;
                case 2: return c.ReactivePowerVar;
                default: return 100.0 * c.PowerFactor;
            }
        }

        /// <summary>TotWhExp (+ phases A, B, C), TotWhImp (+ phases), one TotWh_SF; acc32 in Wh × 10^-sf.</summary>
        private void PutEnergies(ushort[] image, int at, CircuitValues circuit)
        {
            for (int i = 0; i < 8; i++)
            {
                _hasEnergy[i] = false;
                _energy[i] = 0;
            }

            for (int k = 0; k < 3; k++)
            {
                ChannelValues c = _slot[k];
                if (c == null)
                {
                    continue;
                }

                SetEnergy(1 + k, c.ExportEnergyMilliWh);
                SetEnergy(5 + k, c.ImportEnergyMilliWh);
                SetEnergy(0, _energy[0] + c.ExportEnergyMilliWh);
                SetEnergy(4, _energy[4] + c.ImportEnergyMilliWh);
            }

            if (circuit != null)
            {
                SetEnergy(0, circuit.ExportEnergyMilliWh);
                SetEnergy(4, circuit.ImportEnergyMilliWh);
            }

            long max = 0;
            bool any = false;
            for (int i = 0; i < 8; i++)
            {
                if (_hasEnergy[i])
                {
                    any = true;
                    if (_energy[i] / 1000 > max)
                    {
                        max = _energy[i] / 1000;
                    }
                }
            }

            if (!any)
            {
                return;
            }

            int sf = 0;
            long divisor = 1;
            while (max / divisor > Acc32Max)
            {
                sf++;
                divisor *= 10;
            }

            for (int i = 0; i < 8; i++)
            {
                if (_hasEnergy[i])
                {
                    int offset = (i < 4 ? _totWhExp : _totWhImp) + 2 * (i % 4);
                    RegisterWords.PutUInt32(image, at + offset, (uint)(_energy[i] / 1000 / divisor));
                }
            }

            image[at + _totWhSf] = (ushort)(short)sf;
        }

        /// <summary>Keeps mWh; whole Wh are taken at the end (counters never negative, so division floors).</summary>
        private void SetEnergy(int i, long milliWh)
        {
            _energy[i] = milliWh < 0 ? 0 : milliWh;
            _hasEnergy[i] = true;
        }

        private void Clear()
        {
            for (int i = 0; i < 4; i++)
            {
                _has[i] = false;
                _value[i] = 0;
            }
        }

        private void Set(int i, double value)
        {
            if (!double.IsNaN(value))
            {
                _value[i] = value;
                _has[i] = true;
            }
        }

        /// <summary>Writes the present values of total + phases at valueAt … valueAt + 3 and their shared scale factor.</summary>
        private void PutGroup(ushort[] image, int valueAt, int sfAt, int minSf, double limit)
        {
            double max = 0;
            bool any = false;
            for (int i = 0; i < 4; i++)
            {
                if (_has[i])
                {
                    any = true;
                    double magnitude = Math.Abs(_value[i]);
                    if (magnitude > max)
                    {
                        max = magnitude;
                    }
                }
            }

            if (!any)
            {
                return;
            }

            int sf = minSf;
            while (sf < 10 && Math.Round(max / Pow10[sf + 3]) > limit)
            {
                sf++;
            }

            for (int i = 0; i < 4; i++)
            {
                if (_has[i])
                {
                    image[valueAt + i] = (ushort)(short)Math.Round(_value[i] / Pow10[sf + 3]);
                }
            }

            image[sfAt] = (ushort)(short)sf;
        }
    }
}
