using System.Text;
using Ipenergy.Probe.App;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;
using Ipenergy.Probe.Protocols.Http;
using Ipenergy.Probe.Tests.Host.Crypto;
using Ipenergy.Probe.Tests.Unit.TestDoubles;
using Xunit;

namespace Ipenergy.Probe.Tests.Http
{
    /// <summary>
    /// UserAccounts over the app's ConfigService on a flash config partition, as ProbeApp wires it:
    /// password changes and users survive a restart; a layout-1 record (written before users existed)
    /// comes back with the factory admin; EPROBE_ADMIN_PASSWORD's setter only touches the factory password.
    /// </summary>
    public sealed class UserPersistenceTests
    {
        private sealed class ConfigOnlyFlash : IFlashStorage
        {
            private readonly MemoryFlash _config;

            public ConfigOnlyFlash(MemoryFlash config)
            {
                _config = config;
            }

            public IFlashPartition Partition(string name)
            {
                return name == FlashPartitionNames.Config ? _config : null;
            }
        }

        private static MemoryFlash NewFlash()
        {
            return new MemoryFlash(FlashPartitionNames.Config, 4096, 256, 2);
        }

        private static UserAccounts Accounts(ConfigService config)
        {
            return new UserAccounts(config, new HostRandomSource(), new ManualClock());
        }

        private static int Check(UserAccounts accounts, string user, string password)
        {
            byte[] both = Encoding.UTF8.GetBytes(user + ":" + password);
            UserConfig found;
            int retry;
            return accounts.Verify(both, 0, user.Length, user.Length + 1, both.Length - user.Length - 1, out found, out retry);
        }

        [Fact]
        public void PasswordsAndUsersSurviveARestart()
        {
            MemoryFlash flash = NewFlash();
            var first = new ConfigService(new ConfigOnlyFlash(flash), new MeterConfig(3));
            UserAccounts accounts = Accounts(first);
            Assert.Equal(UserAccounts.VerifyOk, Check(accounts, "admin", "admin"));
            int status;
            int retry;
            Assert.Null(accounts.ChangePassword("admin", "admin", "new-admin-pass", -1, out status, out retry));
            Assert.Null(accounts.PutUser("vera", HttpRole.Viewer, "viewer-pass", true));
            // A user change is handed to the app like any configuration change.
            Assert.NotNull(first.TakePending());

            var second = new ConfigService(new ConfigOnlyFlash(flash), new MeterConfig(3));
            UserAccounts after = Accounts(second);
            Assert.Equal(UserAccounts.VerifyWrong, Check(after, "admin", "admin"));
            Assert.Equal(UserAccounts.VerifyOk, Check(after, "admin", "new-admin-pass"));
            Assert.Equal(UserAccounts.VerifyOk, Check(after, "vera", "viewer-pass"));
            Assert.False(second.Current.FindUser("admin").MustChangePassword);
            Assert.True(second.Current.FindUser("vera").MustChangePassword);

            // The start-up password only replaces the factory one.
            Assert.Null(after.SetInitialAdminPassword("admin"));
            Assert.Equal(UserAccounts.VerifyOk, Check(after, "admin", "new-admin-pass"));
        }

        [Fact]
        public void StartupPasswordReplacesTheFactoryOneAndClearsTheForcedChange()
        {
            MemoryFlash flash = NewFlash();
            var config = new ConfigService(new ConfigOnlyFlash(flash), new MeterConfig(3));
            UserAccounts accounts = Accounts(config);
            Assert.Null(accounts.SetInitialAdminPassword("admin"));
            Assert.False(config.Current.FindUser("admin").MustChangePassword);
            Assert.NotEqual(UserConfig.DefaultAdminSalt, config.Current.FindUser("admin").Salt);
            Assert.Equal(UserAccounts.VerifyOk, Check(accounts, "admin", "admin"));
        }

        [Fact]
        public void Layout1RecordOnFlashLoadsWithTheFactoryAdmin()
        {
            MemoryFlash flash = NewFlash();
            MeterConfig old = new MeterConfig(3);
            old.Channels[0].Rack = "R9";
            Assert.Null(new ConfigStore(flash, 3).Save(old));

            // Turn the stored layout-2 record into the layout-1 one an older firmware wrote: no users/http tail.
            byte[] raw = flash.Raw;
            int length = raw[12] | (raw[13] << 8);
            int tail = 1 + (1 + 5 + 1 + 33 + 65 + 4 + 1) + 5;
            int newLength = length - tail;
            byte[] record = new byte[ConfigLayout.HeaderSize + newLength];
            System.Array.Copy(raw, 0, record, 0, record.Length);
            record[4] = 1;
            record[12] = (byte)newLength;
            record[13] = (byte)(newLength >> 8);
            uint crc = ConfigLayout.RecordCrc(record, 0, newLength);
            record[16] = (byte)crc;
            record[17] = (byte)(crc >> 8);
            record[18] = (byte)(crc >> 16);
            record[19] = (byte)(crc >> 24);
            for (int i = 0; i < 4096; i++)
            {
                raw[i] = i < record.Length ? record[i] : (byte)0xFF;
            }

            var config = new ConfigService(new ConfigOnlyFlash(flash), new MeterConfig(3));
            Assert.Equal("R9", config.Current.Channels[0].Rack);
            Assert.True(config.Current.FindUser("admin").MustChangePassword);
            Assert.Equal(UserAccounts.VerifyOk, Check(Accounts(config), "admin", "admin"));
        }
    }
}
