using System;
using System.IO;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Http;
using Ipenergy.Probe.Tests.Host.Crypto;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>An in-memory configuration behind every interface the auth endpoints use (no flash).</summary>
    public sealed class AuthTestConfig : IConfigStore, ILiveConfig, IUserDirectory, IConfigReset
    {
        private readonly object _lock = new object();
        private MeterConfig _current = new MeterConfig(3);

        public MeterConfig Current
        {
            get
            {
                lock (_lock)
                {
                    return _current;
                }
            }
        }

        public void WriteJson(JsonWriter writer)
        {
            ConfigJsonExporter.Export(Current, writer);
        }

        public string Apply(byte[] json, int offset, int length)
        {
            lock (_lock)
            {
                MeterConfig next;
                string error = new ConfigJsonImporter().Import(json, offset, length, _current, out next);
                if (error == null)
                {
                    _current = next;
                }

                return error;
            }
        }

        public string Commit(MeterConfig next)
        {
            string error = ConfigValidator.Validate(next);
            if (error == null)
            {
                lock (_lock)
                {
                    _current = next;
                }
            }

            return error;
        }

        public string FactoryReset()
        {
            lock (_lock)
            {
                _current = new MeterConfig(3);
            }

            return null;
        }
    }

    /// <summary>A monotonic clock the test moves by hand (session expiry, the rate limit's minute).</summary>
    public sealed class ManualClock : IClock
    {
        private long _ms = 1000000;

        public long MonotonicMilliseconds => System.Threading.Interlocked.Read(ref _ms);

        public DateTime UtcNow => new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMilliseconds(MonotonicMilliseconds);

        public void Advance(long ms)
        {
            System.Threading.Interlocked.Add(ref _ms, ms);
        }
    }

    /// <summary>An HTTP server in process with users, sessions and the endpoints that need them.</summary>
    public sealed class AuthTestServer : IDisposable
    {
        private readonly HttpServer _server;
        private readonly string _jarDirectory;

        public AuthTestServer()
        {
            Config = new AuthTestConfig();
            Clock = new ManualClock();
            Accounts = new UserAccounts(Config, new HostRandomSource(), Clock);
            var endpoints = new IHttpEndpoint[]
            {
                new MeasurementsEndpoint(new FakeMeasurementSource(HandMadeSnapshots.Make(3)), null),
                new SessionEndpoint(Accounts),
                new PasswordEndpoint(Accounts),
                new UsersEndpoint(Accounts),
                new ConfigEndpoint(Config, Config),
                new ConfigResetEndpoint(Config, Config),
            };
            _server = new HttpServer(endpoints, "127.0.0.1", 0, Accounts);
            _server.Start();
            Base = "http://127.0.0.1:" + _server.Port;
            _jarDirectory = Path.Combine(Path.GetTempPath(), "eprobe-auth-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_jarDirectory);
        }

        public AuthTestConfig Config { get; }

        public ManualClock Clock { get; }

        public UserAccounts Accounts { get; }

        public string Base { get; }

        /// <summary>A new, empty cookie jar file for curl (-b/-c).</summary>
        public string NewJar()
        {
            return Path.Combine(_jarDirectory, Guid.NewGuid().ToString("N") + ".txt");
        }

        public void Dispose()
        {
            _server.Stop();
            try
            {
                Directory.Delete(_jarDirectory, true);
            }
            catch (IOException)
            {
                // Left in /tmp: harmless.
            }
        }
    }
}
