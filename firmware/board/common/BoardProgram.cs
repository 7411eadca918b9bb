using System;
using System.Diagnostics;
using System.Threading;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Config;

namespace Ipenergy.Probe.Board
{
    /// <summary>
    /// The start-up both boards share once their HAL is built: flash, the ProbeApp on the board's parts (HTTP 80,
    /// Modbus-TCP 502, SNMP 161,
    /// discovery UDP 30303), the network brought up as the stored configuration says, the services started,
    /// then the watchdog supervisor. Returns only if the start failed (the caller then sleeps: the device stays
    /// reachable by the debugger).
    /// </summary>
    public static class BoardProgram
    {
        public const int HttpPort = 80;
        public const int ModbusPort = 502;
        public const int SnmpPort = 161;

        /// <summary>Folder of the flash partition files on the internal drive.</summary>
        public const string FlashFolder = "I:\\eprobe";

        /// <summary>Longest wait for link and address before the servers start anyway.</summary>
        public const int NetworkWaitMs = 30000;

        /// <summary>Frames per second of the managed ADC loop on a bare board without metering ICs (6 reads a frame; docs/sampling.md).</summary>
        public const int DevelopmentSampleRateHz = 1000;

        /// <summary>Mains peak voltage at half the ADC range on the development front end (divider + mid-supply bias).</summary>
        public const double DevelopmentVoltageFullScalePeak = 400.0;

        /// <summary>History ring wanted (2 MiB); cut to what the internal drive holds (InternalFlashStorage).</summary>
        public const int HistorySectors = 512;

        /// <summary>Builds and starts the e-Probe; returns the running app, or null when the start failed.</summary>
        public static ProbeApp Run(BoardParts parts)
        {
            try
            {
                BoardClock clock = new BoardClock();
                InternalFlashStorage flash = new InternalFlashStorage(FlashFolder, InternalFlashStorage.StandardNames(),
                    InternalFlashStorage.StandardSectors(parts.HistorySectors), InternalFlashStorage.InternalDriveBytes());

                ProbeOptions options = new ProbeOptions();
                options.HttpPort = HttpPort;
                options.ModbusPort = ModbusPort;
                options.SnmpPort = SnmpPort;
                options.DiscoveryPort = Ipenergy.Probe.Protocols.Discovery.DiscoveryResponder.DefaultPort;
                options.SerialNumber = parts.SerialNumber;
                options.RandomSource = parts.RandomSource;
                options.BusPort = parts.BusPort;
                options.Display = parts.Display;
                options.Keypad = parts.Keypad;
                options.NetworkStatus = new BoardNetworkStatus(parts.Interface);
                options.MeteringChips = parts.MeteringChips;
                // 16 seconds of slack for the services thread: each queued second keeps a snapshot (~4 KB) alive.
                options.SecondsQueued = 16;

                // The fallback configuration when the flash holds none: the model's channels, 100 A CTs, 230 V 50 Hz, DHCP.
                MeterConfig fallback = new MeterConfig(parts.ChannelCount);
                ProbeApp app = new ProbeApp(parts.Samples, clock, fallback, flash, null, options);
                Debug.WriteLine("config: " + app.ConfigLoadMessage);
                Debug.WriteLine("serial: " + parts.SerialNumber + ", model " + app.Identity.Model);

                if (parts.Interface != null)
                {
                    NetworkStarter.Configure(parts.Interface, app.Config.Network);
                    NetworkStarter.WaitForAddress(parts.Interface, NetworkWaitMs);
                }
                else
                {
                    Debug.WriteLine("network: no interface found");
                }

                app.Start();
                Debug.WriteLine("e-Probe " + ProbeApp.FirmwareVersion + " running: http://" + options.NetworkStatus.Address + "/");

                WatchdogSupervisor watchdog = new WatchdogSupervisor(app, clock, new BoardRestart(),
                    WatchdogSupervisor.DefaultStallMilliseconds);
                watchdog.Start();
                return app;
            }
            catch (Exception e)
            {
                Debug.WriteLine("start failed: " + e.Message);
                return null;
            }
        }
    }
}
