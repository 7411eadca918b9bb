using System;
using System.Globalization;
using System.IO;
using Ipenergy.Probe.Simulator.Bus;

namespace Ipenergy.Probe.Tests.EndToEnd
{
    /// <summary>
    /// Virtual e-Probe processes (MPP3, channel 1 carrying the given currents) joined to a simulated bus hub as
    /// slaves at addresses 2, 3, 4...; serial numbers prefix-2, prefix-3... (their node names at the hub).
    /// </summary>
    public sealed class BusSlaveProcesses : IDisposable
    {
        public const int FirstAddress = 2;

        private readonly VirtualProbe[] _probes;

        public BusSlaveProcesses(BusHub hub, string dir, string serialPrefix, double[] amps)
        {
            _probes = new VirtualProbe[amps.Length];
            try
            {
                for (int i = 0; i < amps.Length; i++)
                {
                    int address = FirstAddress + i;
                    string scenario = Path.Combine(dir, serialPrefix + address + ".json");
                    File.WriteAllText(scenario, Scenario(amps[i]));
                    _probes[i] = new VirtualProbe("--scenario", scenario, "--data-dir", Path.Combine(dir, serialPrefix + address),
                        "--serial", serialPrefix + "-" + address, "--bus", "127.0.0.1:" + hub.NodePort,
                        "--bus-address", address.ToString(CultureInfo.InvariantCulture));
                }
            }
            catch
            {
                Dispose();
                throw;
            }
        }

        public int Count => _probes.Length;

        public VirtualProbe this[int i] => _probes[i];

        /// <summary>Channel values exist from each slave's first measured second on (NaN before).</summary>
        public void WaitForFirstSecond()
        {
            foreach (VirtualProbe p in _probes)
            {
                p.MeasurementsAfter(1.0);
            }
        }

        /// <summary>MPP3 at 230 V 50 Hz with channel 1 on L1 carrying <paramref name="amps"/>.</summary>
        public static string Scenario(double amps)
        {
            return "{\"model\":\"MPP3\",\"frequencyHz\":50.0,\"adc\":{\"bits\":12,\"noiseRmsLsb\":0.5,\"seed\":1},"
                + "\"phases\":{\"L1\":{\"vrms\":230,\"angleDeg\":0},\"L2\":{\"vrms\":230,\"angleDeg\":-120},\"L3\":{\"vrms\":230,\"angleDeg\":120}},"
                + "\"channels\":[{\"channel\":1,\"phase\":\"L1\",\"ctRatedA\":100,\"irms\":" + amps.ToString(CultureInfo.InvariantCulture) + ",\"angleDeg\":-10}]}";
        }

        public void Dispose()
        {
            foreach (VirtualProbe p in _probes)
            {
                p?.Dispose();
            }
        }
    }
}
