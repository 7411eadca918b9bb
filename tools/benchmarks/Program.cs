using System;
using System.Globalization;
using System.Linq;

namespace Ipenergy.Probe.Benchmarks
{
    /// <summary>
    /// Prints the metering benchmarks: the IEC 62053-22 accuracy table for 16, 32, 64 and 128 samples
    /// per cycle (12-bit ADC, 0.5 LSB noise unless told otherwise), then the host cost of an MPP18.
    /// Usage: dotnet run -c Release --project tools/benchmarks [-- --seconds S --bits B --noise LSB]
    /// or [-- --bus [channels]] for the RS-485 gateway's bus cycle (BusCycleBenchmark),
    /// or [-- --heap ...] for the managed-heap budget (HeapBudgetBenchmark).
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
            if (args.Length > 0 && args[0] == "--heap")
            {
                // dotnet run -c Release --project tools/benchmarks -- --heap [--warmup S] [--phase S] [--time-scale X]
                return HeapBudgetBenchmark.Run(args.Skip(1).ToArray());
            }

            if (args.Length > 0 && args[0] == "--bus")
            {
                // dotnet run -c Release --project tools/benchmarks -- --bus [channels]: gateway bus cycle for 1, 8, 31 slaves.
                int busChannels = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
                BusCycleBenchmark.Run(new[] { 1, 8, 31 }, 115200, busChannels, 10);
                return 0;
            }

            double seconds = 60, noise = 0.5;
            int bits = 12;
            for (int i = 0; i + 1 < args.Length; i += 2)
            {
                switch (args[i])
                {
                    case "--seconds": seconds = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                    case "--bits": bits = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                    case "--noise": noise = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                    default: Console.Error.WriteLine("error: unknown option " + args[i]); return 2;
                }
            }

            int[] rates = { 16, 32, 64, 128 };
            Console.WriteLine($"Energy error (%) at IEC 62053-22 points, {bits}-bit ADC, {noise} LSB noise, {seconds} s per point, 100 A CT");
            var tables = rates.Select(r => AccuracyTable.Run(r, bits, noise, seconds)).ToArray();
            Console.WriteLine($"| {"test point",-36} | {"16/cyc",7} | {"32/cyc",7} | {"64/cyc",7} | {"128/cyc",7} | {"0.5S",5} | {"0.2S",5} |");
            Console.WriteLine("|" + new string('-', 38) + "|---------|---------|---------|---------|-------|-------|");
            int fails05 = 0, fails02 = 0;
            for (int row = 0; row < tables[0].Count; row++)
            {
                var r0 = tables[0][row];
                string cells = string.Join(" | ", tables.Select(t => Mark(t[row])));
                Console.WriteLine($"| {r0.Point,-36} | {cells} | {Lim(r0.Class05S),5} | {Lim(r0.Class02S),5} |");
                foreach (var t in tables)
                {
                    if (!double.IsNaN(t[row].Class05S) && Math.Abs(t[row].ErrorPercent) > t[row].Class05S) fails05++;
                    if (!double.IsNaN(t[row].Class02S) && Math.Abs(t[row].ErrorPercent) > t[row].Class02S) fails02++;
                }
            }

            Console.WriteLine($"points outside class 0.5S: {fails05}; outside class 0.2S: {fails02} (of {tables.Sum(t => t.Count)}); * = outside 0.2S, ** = outside 0.5S");
            Console.WriteLine();
            Console.WriteLine("Irms error (%) of the 1-second values, mean over the run:");
            Console.WriteLine($"| {"test point",-36} | {"16/cyc",7} | {"32/cyc",7} | {"64/cyc",7} | {"128/cyc",7} |");
            for (int row = 0; row < tables[0].Count; row++)
            {
                Console.WriteLine($"| {tables[0][row].Point,-36} | {string.Join(" | ", tables.Select(t => Pct(t[row].IrmsErrorPercent).PadLeft(7)))} |");
            }

            Console.WriteLine();
            Console.WriteLine("Host cost, MPP18 (21 inputs a frame), one core; reference = naive per-sample meter, same run, same codes:");
            Console.WriteLine("| samples/cycle | rate Hz | ns/frame | ns/input-sample | real-time factor | naive ns/input-sample | engine/naive | bytes/block | bytes/second (snapshot) |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
            foreach (int r in rates)
            {
                var c = CostBenchmark.Run(r, 10);
                Console.WriteLine($"| {r} | {r * 50} | {c.NsPerFrame:F0} | {c.NsPerSample:F1} | {c.RealTimeFactor:F0}x | {c.NaiveNsPerSample:F1} | {c.NsPerSample / c.NaiveNsPerSample:F2} | {c.BytesPerBlock} | {c.BytesPerPublication} |");
            }

            return fails05 == 0 ? 0 : 1;
        }

        private static string Mark(AccuracyTable.Row r)
        {
            string mark = !double.IsNaN(r.Class05S) && Math.Abs(r.ErrorPercent) > r.Class05S ? "**"
                : !double.IsNaN(r.Class02S) && Math.Abs(r.ErrorPercent) > r.Class02S ? "*" : "";
            return (Pct(r.ErrorPercent) + mark).PadLeft(7);
        }

        private static string Pct(double x)
        {
            double r = Math.Round(x, 3);
            return r == 0.0 ? "0.000" : r.ToString("+0.000;-0.000");
        }

        private static string Lim(double x)
        {
            return double.IsNaN(x) ? "-" : x.ToString("0.0");
        }
    }
}
