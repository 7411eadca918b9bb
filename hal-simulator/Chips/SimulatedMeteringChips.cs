using System;
using System.Threading;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Simulator.Chips
{
    /// <summary>
    /// The metering ICs of a virtual e-Probe (one ATM90E32 per three CT channels: 1 on an MPP3, 6 on an MPP18) and
    /// the analog world they sample. A thread reads the synthesized ADC frames (which advances the simulated clock,
    /// as the firmware's own sampling does in ADC mode), turns the codes into the volts at each chip's pins (0.25 V
    /// at 230 V; 0.333 V at a CT's rated current), and once per simulated second measures, over the whole cycles of
    /// the reference voltage in that second, what a chip measures: RMS, mean u·i, fundamental phasors (DFT at the
    /// measured frequency), the current products for the neutral, and the frequency. Each chip then applies its
    /// own gain registers (<see cref="SimulatedAtm90e32.Measure"/>).
    /// </summary>
    public sealed class SimulatedMeteringChips
    {
        public const int ChannelsPerChip = 3;

        /// <summary>Below this at the pin (about 9 V on the line) a voltage input counts as absent for the frequency.</summary>
        private const double PresentVoltsIn = 0.01;

        /// <summary>Highest line frequency the zero-crossing detector expects (it ignores crossings closer than half its period).</summary>
        private const double MaxLineHz = 70.0;

        private readonly WaveformSynthesizer _source;
        private readonly int _rate;
        private readonly int _signals;
        private readonly int _mid;
        private readonly double[] _voltsPerCode;
        private readonly double[][] _second;
        private readonly double[] _mean;
        private readonly double[] _re;
        private readonly double[] _im;
        private readonly double[] _cos;
        private readonly double[] _sin;
        private readonly double[] _weight;
        private readonly ChipAnalogWindow[] _windows;
        private readonly SampleBlock _block;
        private int _filled;
        private long _seconds;
        private Thread _thread;

        public SimulatedMeteringChips(WaveformSynthesizer source)
        {
            _source = source;
            AdcFrontEnd fe = source.FrontEnd;
            Scenario scenario = source.Scenario;
            _rate = fe.SampleRateHz;
            _signals = fe.ChannelsPerFrame;
            _mid = fe.MidCode;
            int channels = fe.CurrentChannels;
            Chips = new SimulatedAtm90e32[(channels + ChannelsPerChip - 1) / ChannelsPerChip];
            Devices = new ISpiDevice[Chips.Length];
            _windows = new ChipAnalogWindow[Chips.Length];
            for (int k = 0; k < Chips.Length; k++)
            {
                Chips[k] = new SimulatedAtm90e32();
                Devices[k] = Chips[k];
                _windows[k] = new ChipAnalogWindow();
            }

            // Pin volts per code: the phase voltage through the board's divider; the CT's current through its 333 mV output.
            _voltsPerCode = new double[_signals];
            for (int s = 0; s < AdcFrontEnd.VoltageChannels; s++)
            {
                _voltsPerCode[s] = fe.VoltsPerCode * Atm90e32Registers.VoltsInPerPhaseVolt;
            }

            for (int c = 1; c <= channels; c++)
            {
                ChannelSettings settings = scenario.FindChannel(c);
                double rated = settings != null ? settings.CtRatedA : ChannelSettings.DefaultCtRatedA;
                _voltsPerCode[AdcFrontEnd.VoltageChannels + c - 1] = fe.AmpsPerCode(rated) / rated * Atm90e32Registers.CtOutputVoltsAtRating;
            }

            _second = new double[_signals][];
            for (int s = 0; s < _signals; s++)
            {
                _second[s] = new double[_rate];
            }

            _mean = new double[_signals];
            _re = new double[_signals];
            _im = new double[_signals];
            _cos = new double[_rate];
            _sin = new double[_rate];
            _weight = new double[_rate];
            _block = new SampleBlock(_signals, Math.Max(16, _rate / 100));
        }

        /// <summary>The chips in channel order: chip k meters channels 3k+1 .. 3k+3.</summary>
        public SimulatedAtm90e32[] Chips { get; }

        /// <summary>The same chips as the firmware sees them (ProbeOptions.MeteringChips).</summary>
        public ISpiDevice[] Devices { get; }

        /// <summary>Simulated seconds measured so far.</summary>
        public long SecondsMeasured
        {
            get { return Interlocked.Read(ref _seconds); }
        }

        /// <summary>Starts sampling on a background thread (the simulated clock runs from then on).</summary>
        public void Start()
        {
            if (_thread != null)
            {
                throw new InvalidOperationException("the metering chips already run");
            }

            _thread = new Thread(Run) { IsBackground = true, Name = "metering chips" };
            _thread.Start();
        }

        /// <summary>Stops the sample source and waits for the thread to end.</summary>
        public void Stop()
        {
            _source.Stop();
            _thread?.Join();
        }

        /// <summary>Samples in the caller's thread until this many more simulated seconds are measured (tests); false if the source stopped.</summary>
        public bool RunSeconds(int seconds)
        {
            long until = SecondsMeasured + seconds;
            while (SecondsMeasured < until)
            {
                if (!ReadBlock())
                {
                    return false;
                }
            }

            return true;
        }

        private void Run()
        {
            while (ReadBlock())
            {
            }
        }

        private bool ReadBlock()
        {
            if (!_source.Read(_block))
            {
                return false;
            }

            int[] codes = _block.Codes;
            int index = 0;
            for (int f = 0; f < _block.Frames; f++)
            {
                for (int s = 0; s < _signals; s++)
                {
                    _second[s][_filled] = (codes[index++] - _mid) * _voltsPerCode[s];
                }

                if (++_filled == _rate)
                {
                    MeasureSecond();
                    _filled = 0;
                    Interlocked.Increment(ref _seconds);
                }
            }

            return true;
        }

        /// <summary>One simulated second of pin voltages in _second: analyse its whole cycles, hand each chip its window.</summary>
        private void MeasureSecond()
        {
            // The window: whole cycles of the reference from its first to its last rising zero crossing, the samples
            // at both ends weighted by the part of their interval inside it (so it spans exactly k periods).
            double t0 = -0.5, t1 = _rate - 0.5, frequency = 0.0;
            int reference = ReferenceVoltage();
            if (reference >= 0 && WholeCycles(_second[reference], out double first, out double last, out double measured))
            {
                t0 = first;
                t1 = last;
                frequency = measured;
            }

            int from = Math.Max(0, (int)Math.Floor(t0 + 0.5));
            int to = Math.Min(_rate, (int)Math.Ceiling(t1 + 0.5));
            double span = t1 - t0;
            double dftHz = frequency > 0 ? frequency : 50.0;
            for (int i = from; i < to; i++)
            {
                _weight[i] = Math.Max(0.0, Math.Min(i + 0.5, t1) - Math.Max(i - 0.5, t0)) / span;
                double theta = 2.0 * Math.PI * dftHz * (i - t0) / _rate;
                _cos[i] = Math.Cos(theta);
                _sin[i] = Math.Sin(theta);
            }

            // DC (removed, as the chip's high-pass filter does) and the fundamental phasor of every signal, RMS-scaled.
            for (int s = 0; s < _signals; s++)
            {
                double[] x = _second[s];
                double mean = 0.0;
                for (int i = from; i < to; i++)
                {
                    mean += _weight[i] * x[i];
                }

                double re = 0.0, im = 0.0;
                for (int i = from; i < to; i++)
                {
                    double v = _weight[i] * (x[i] - mean);
                    re += v * _cos[i];
                    im -= v * _sin[i];
                }

                _mean[s] = mean;
                _re[s] = re * Math.Sqrt(2.0);
                _im[s] = im * Math.Sqrt(2.0);
            }

            for (int k = 0; k < Chips.Length; k++)
            {
                ChipAnalogWindow w = _windows[k];
                w.FrequencyHz = frequency;
                w.DurationS = 1.0;
                for (int x = 0; x < ChannelsPerChip; x++)
                {
                    int u = x;
                    int c = CurrentSignal(k, x);
                    w.UrmsIn[x] = Math.Sqrt(MeanProduct(u, u, from, to));
                    w.U1Re[x] = _re[u];
                    w.U1Im[x] = _im[u];
                    w.IrmsIn[x] = c < 0 ? 0.0 : Math.Sqrt(MeanProduct(c, c, from, to));
                    w.PowerIn[x] = c < 0 ? 0.0 : MeanProduct(u, c, from, to);
                    w.I1Re[x] = c < 0 ? 0.0 : _re[c];
                    w.I1Im[x] = c < 0 ? 0.0 : _im[c];
                    for (int y = 0; y < ChannelsPerChip; y++)
                    {
                        int d = CurrentSignal(k, y);
                        w.CurrentCovariance[x, y] = c < 0 || d < 0 ? 0.0 : MeanProduct(c, d, from, to);
                    }
                }

                Chips[k].Measure(w);
            }
        }

        /// <summary>Frame slot of chip k's current input x, or -1 when that channel is not fitted.</summary>
        private int CurrentSignal(int chip, int input)
        {
            int s = AdcFrontEnd.VoltageChannels + chip * ChannelsPerChip + input;
            return s < _signals ? s : -1;
        }

        private double MeanProduct(int a, int b, int from, int to)
        {
            double[] x = _second[a];
            double[] y = _second[b];
            double ma = _mean[a], mb = _mean[b];
            double sum = 0.0;
            for (int i = from; i < to; i++)
            {
                sum += _weight[i] * (x[i] - ma) * (y[i] - mb);
            }

            return sum;
        }

        /// <summary>UA, or the first phase present (the chip's Freq follows it); -1 when no voltage is present.</summary>
        private int ReferenceVoltage()
        {
            for (int s = 0; s < AdcFrontEnd.VoltageChannels; s++)
            {
                double[] x = _second[s];
                double sum = 0.0, sum2 = 0.0;
                for (int i = 0; i < _rate; i++)
                {
                    sum += x[i];
                    sum2 += x[i] * x[i];
                }

                double mean = sum / _rate;
                if (sum2 / _rate - mean * mean > PresentVoltsIn * PresentVoltsIn)
                {
                    return s;
                }
            }

            return -1;
        }

        /// <summary>
        /// The first and the last rising zero crossing of x in this second (interpolated, in samples) and the frequency
        /// from the whole cycles between them; false with fewer than two crossings.
        /// </summary>
        private bool WholeCycles(double[] x, out double first, out double last, out double frequency)
        {
            double mean = 0.0;
            for (int i = 0; i < _rate; i++)
            {
                mean += x[i];
            }

            mean /= _rate;
            double holdOff = _rate / MaxLineHz / 2.0;
            double t0 = -1.0, t1 = -1.0, previous = double.NegativeInfinity;
            int crossings = 0;
            for (int i = 1; i < _rate; i++)
            {
                double a = x[i - 1] - mean;
                double b = x[i] - mean;
                if (a <= 0.0 && b > 0.0)
                {
                    double t = i - 1 + a / (a - b);
                    if (t - previous < holdOff)
                    {
                        continue;
                    }

                    previous = t;
                    if (crossings == 0)
                    {
                        t0 = t;
                    }

                    t1 = t;
                    crossings++;
                }
            }

            first = t0;
            last = t1;
            frequency = crossings < 2 ? 0.0 : (crossings - 1) * (double)_rate / (t1 - t0);
            return crossings >= 2;
        }
    }
}
