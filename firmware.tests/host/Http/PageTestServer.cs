using System;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Metering;
using Ipenergy.Probe.Protocols.Http;
using Ipenergy.Probe.Storage.Alarms;
using Ipenergy.Probe.Tests.Host.Crypto;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>
    /// An in-process HttpServer with the page's endpoints (StaticAssetEndpoint for /, /index.html, /app.js,
    /// /app.css) and the JSON API the page reads, over a known scenario: a 3-channel meter with labels,
    /// three circuits at 45, 85 and 95 % of their breakers, history, two billing snapshots, PUE, a RAM alarm
    /// journal (Rack A2 loadHigh warning, Rack A3 loadHigh critical, L3 phaseLost critical, a cleared
    /// voltage unbalance) with the alarms and acknowledge endpoints. The
    /// configuration is a real ConfigService (validation messages included). Without sessions the admin is
    /// "admin" / "s3cret" over Basic and the session API is absent (the page falls back to Basic); with
    /// sessions the users are the configuration's (factory admin / admin, must change) behind UserAccounts
    /// with the session, password and users endpoints.
    /// </summary>
    public sealed class PageTestServer : IDisposable
    {
        public const string User = "admin";
        public const string Password = "s3cret";
        public static readonly DateTime Now = new DateTime(2026, 1, 1, 13, 14, 15, 678, DateTimeKind.Utc);

        private readonly HttpServer _server;

        public PageTestServer()
            : this(false)
        {
        }

        public PageTestServer(bool withSessions)
            : this(withSessions, null)
        {
        }

        /// <param name="modules">A gateway's bus modules: adds /api/v1/modules and /api/v1/modules/{a}/measurements; null: not a gateway (404).</param>
        public PageTestServer(bool withSessions, IModuleDirectory modules)
        {
            Config = new ConfigService(null, MakeConfig());
            var clock = new FixedClock();
            Journal = MakeJournal();
            var api = new IHttpEndpoint[]
            {
                new AlarmsEndpoint(Journal, Config),
                new AlarmAcknowledgeEndpoint(Journal, Config, clock),
                new MeasurementsEndpoint(Local, clock),
                new ModulesEndpoint(Local) { Directory = modules },
                new ModuleMeasurementsEndpoint { Directory = modules },
                new HistoryEndpoint(new WaveHistory(), clock),
                new BillingEndpoint(new TwoMonthsBilling()),
                new PueEndpoint(new FixedPue(), clock),
                withSessions ? new ConfigEndpoint(Config, Config) : new ConfigEndpoint(Config),
            };
            if (withSessions)
            {
                var accounts = new UserAccounts(Config, new HostRandomSource(), clock);
                var all = new IHttpEndpoint[api.Length + 3];
                Array.Copy(api, all, api.Length);
                all[api.Length] = new SessionEndpoint(accounts);
                all[api.Length + 1] = new PasswordEndpoint(accounts);
                all[api.Length + 2] = new UsersEndpoint(accounts);
                _server = new HttpServer(PageEndpoints(all), "127.0.0.1", 0, accounts);
            }
            else
            {
                _server = new HttpServer(PageEndpoints(api), new SingleUserCredentials(User, Password), "127.0.0.1", 0);
            }

            _server.Start();
            Base = "http://127.0.0.1:" + _server.Port;
        }

        public string Base { get; private set; }

        /// <summary>The page server's own measurements (the gateway's, when it shows modules).</summary>
        public FakeMeasurementSource Local { get; } = new FakeMeasurementSource(Snapshot());

        public ConfigService Config { get; private set; }

        public AlarmJournal Journal { get; private set; }

        public void Dispose()
        {
            _server.Stop();
        }

        /// <summary>The four page endpoints followed by <paramref name="others"/>.</summary>
        public static IHttpEndpoint[] PageEndpoints(IHttpEndpoint[] others)
        {
            var all = new IHttpEndpoint[4 + others.Length];
            all[0] = new StaticAssetEndpoint("/", WebAssets.IndexHtml);
            all[1] = new StaticAssetEndpoint("/index.html", WebAssets.IndexHtml);
            all[2] = new StaticAssetEndpoint("/app.js", WebAssets.AppJs);
            all[3] = new StaticAssetEndpoint("/app.css", WebAssets.AppCss);
            Array.Copy(others, 0, all, 4, others.Length);
            return all;
        }

        private static AlarmJournal MakeJournal()
        {
            var journal = new AlarmJournal(null);
            journal.Open();
            Append(journal, AlarmCodes.EventRaised, AlarmCodes.SourceDevice, 0, AlarmCodes.VoltageUnbalance, AlarmCodes.LevelWarning, 2.2, 2, -3600);
            Append(journal, AlarmCodes.EventCleared, AlarmCodes.SourceDevice, 0, AlarmCodes.VoltageUnbalance, AlarmCodes.LevelNormal, 1.1, 1.5, -3000);
            Append(journal, AlarmCodes.EventRaised, AlarmCodes.SourceCircuit, 2, AlarmCodes.LoadHigh, AlarmCodes.LevelWarning, 85.0, 80, -600);
            Append(journal, AlarmCodes.EventRaised, AlarmCodes.SourceCircuit, 3, AlarmCodes.LoadHigh, AlarmCodes.LevelCritical, 95.0, 90, -300);
            Append(journal, AlarmCodes.EventRaised, AlarmCodes.SourcePhase, 2, AlarmCodes.PhaseLost, AlarmCodes.LevelCritical, 0.0, 115, -120);
            return journal;
        }

        private static void Append(AlarmJournal journal, int kind, int source, int index, int condition, int level, double value, double threshold,
            int secondsFromNow)
        {
            DateTime at = Now.AddSeconds(secondsFromNow);
            journal.Append(new AlarmEntry
            {
                Kind = kind, TimestampUtc = at, ChangedUtc = at, Source = source, SourceIndex = index, Condition = condition, Level = level,
                PreviousLevel = kind == AlarmCodes.EventCleared ? AlarmCodes.LevelWarning : AlarmCodes.LevelNormal, Value = value, Threshold = threshold,
            });
        }

        private static MeterConfig MakeConfig()
        {
            var config = new MeterConfig(3);
            string[] labels = { "PDU A1 left", "PDU A2 left", "PDU A3 left" };
            string[] customers = { "ACME", "ACME", "Globex" };
            for (int i = 0; i < 3; i++)
            {
                config.Channels[i].Label = labels[i];
                config.Channels[i].Rack = "R0" + (i + 1);
                config.Channels[i].Customer = customers[i];
            }

            config.Circuits = new[]
            {
                new CircuitConfig("Rack A1", new[] { 1 }, 32) { Customer = "ACME" },
                new CircuitConfig("Rack A2", new[] { 2 }, 32) { Customer = "ACME" },
                new CircuitConfig("Rack A3", new[] { 3 }, 16) { Customer = "Globex" },
            };
            return config;
        }

        private static MeasurementSnapshot Snapshot()
        {
            MeasurementSnapshot hand = HandMadeSnapshots.Make(3);
            var circuits = new[]
            {
                new CircuitValues(0, "Rack A1", 1, 32.0) { MaxIrms = 14.4, LoadPercent = 45.0, ActivePowerW = 2980.8, PowerFactor = 0.9 },
                new CircuitValues(1, "Rack A2", 1, 32.0) { MaxIrms = 27.2, LoadPercent = 85.0, ActivePowerW = 5630.4, PowerFactor = 0.9 },
                new CircuitValues(2, "Rack A3", 1, 16.0) { MaxIrms = 15.2, LoadPercent = 95.0, ActivePowerW = 3146.4, PowerFactor = 0.9 },
            };
            return new MeasurementSnapshot(hand.Phases, hand.Channels, circuits)
            {
                Sequence = hand.Sequence,
                Timestamp = Now,
                FrequencyHz = hand.FrequencyHz,
                VoltageUnbalancePercent = hand.VoltageUnbalancePercent,
                Windows = hand.Windows,
            };
        }

        private sealed class FixedClock : ISettableClock
        {
            public long MonotonicMilliseconds { get { return Environment.TickCount64; } }

            public DateTime UtcNow { get { return Now; } }

            public bool Synchronized { get; set; } = true;

            public void SetUtcNow(DateTime utc)
            {
            }
        }

        // Average power follows a slow wave around 1 kW × channel, min/max ±20 %.
        private sealed class WaveHistory : IHistorySource
        {
            public int ChannelCount { get { return 3; } }

            public void Query(int channel, DateTime fromUtc, DateTime toUtc, int resolutionSeconds, IHistoryVisitor visitor)
            {
                long ticks = resolutionSeconds * TimeSpan.TicksPerSecond;
                DateTime first = new DateTime((fromUtc.Ticks / ticks + 1) * ticks, DateTimeKind.Utc);
                for (DateTime end = first; end <= toUtc; end = end.AddSeconds(resolutionSeconds))
                {
                    double phase = (end - Now).TotalSeconds / (resolutionSeconds * 20.0);
                    long average = (long)(1000 * channel * (1.0 + 0.3 * Math.Sin(phase)));
                    long import = (long)(end - new DateTime(2025, 1, 1)).TotalHours * 1000 * channel;
                    if (!visitor.Record(end, resolutionSeconds, import, 0, average, average * 8 / 10, average * 12 / 10))
                    {
                        return;
                    }
                }
            }
        }

        // Boundaries 2025-11-01 and 2025-12-01: ACME (channels 1, 2) used 300 kWh in November, Globex (3) 120 kWh.
        private sealed class TwoMonthsBilling : IBillingSource
        {
            public void Visit(IBillingVisitor visitor)
            {
                visitor.BeginSnapshot(new DateTime(2025, 11, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 11, 1, 0, 0, 0, DateTimeKind.Utc), true);
                visitor.Counter(1, "ACME", 100000000L, 0, 0, 0);
                visitor.Counter(2, "ACME", 200000000L, 0, 0, 0);
                visitor.Counter(3, "Globex", 50000000L, 0, 0, 0);
                visitor.EndSnapshot();
                visitor.BeginSnapshot(new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc), true);
                visitor.Counter(1, "ACME", 250000000L, 0, 0, 0);
                visitor.Counter(2, "ACME", 350000000L, 0, 0, 0);
                visitor.Counter(3, "Globex", 170000000L, 0, 0, 0);
                visitor.EndSnapshot();
            }
        }

        private sealed class FixedPue : IPueSource
        {
            public void ReadInstantaneous(out bool configured, out double facilityW, out double itW, out double pue, out double dciePercent)
            {
                configured = true;
                facilityW = 18000.0;
                itW = 12000.0;
                pue = 1.5;
                dciePercent = 66.67;
            }

            public void Query(DateTime fromUtc, DateTime toUtc, int resolutionSeconds, IPueIntervalVisitor visitor)
            {
            }
        }
    }
}
