using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using nanoFramework.TestFramework;

namespace Ipenergy.Probe.Tests.Unit.Auth
{
    /// <summary>The "users" and "http" sections of the configuration: defaults, import rules, validation, flash round trip.</summary>
    [TestClass]
    public class UsersConfigTests
    {
        private static MeterConfig TwoUsers()
        {
            MeterConfig c = new MeterConfig(3);
            UserConfig viewer = UserConfig.FactoryAdmin();
            viewer.Name = "alice";
            viewer.Role = UserConfig.RoleViewer;
            viewer.MustChangePassword = false;
            c.Users = new UserConfig[] { c.Users[0], viewer };
            return c;
        }

        private static string Import(MeterConfig current, string json, out MeterConfig result)
        {
            byte[] bytes = AsciiBytes.From(json);
            return new ConfigJsonImporter().Import(bytes, 0, bytes.Length, current, out result);
        }

        [TestMethod]
        public void FactoryAdminVerifiesThePasswordAdmin()
        {
            UserConfig admin = new MeterConfig(3).Users[0];
            byte[] salt = HexText.Parse(admin.Salt);
            byte[] password = AsciiBytes.From("admin");
            byte[] hash = new byte[32];
            new Pbkdf2Sha256().Derive(password, 0, password.Length, salt, 0, salt.Length, admin.Iterations, hash, 0, 32);
            Assert.AreEqual(admin.Hash, HexText.From(hash, 0, 32));
            Assert.IsTrue(admin.MustChangePassword);
            Assert.AreEqual(UserConfig.RoleAdmin, admin.Role);
        }

        [TestMethod]
        public void ImportChangesRolesKeepsPasswordsAndRemovesUnlisted()
        {
            MeterConfig current = TwoUsers();
            MeterConfig next;
            Assert.IsNull(Import(current, "{\"users\":[{\"name\":\"admin\",\"role\":\"admin\"},{\"name\":\"alice\",\"role\":\"operator\"}]}", out next));
            Assert.AreEqual(UserConfig.RoleOperator, next.FindUser("alice").Role);
            Assert.AreEqual(current.Users[1].Hash, next.FindUser("alice").Hash);
            Assert.IsNull(Import(current, "{\"users\":[{\"name\":\"admin\"}]}", out next));
            Assert.AreEqual(1, next.Users.Length);
            Assert.AreEqual(2, current.Users.Length);
        }

        [TestMethod]
        public void ImportRefusesNewNamesUnknownRolesAndNoAdmin()
        {
            MeterConfig current = TwoUsers();
            MeterConfig next;
            Assert.Contains("users[1].name: no user \"bob\"", Import(current, "{\"users\":[{\"name\":\"admin\"},{\"name\":\"bob\",\"role\":\"viewer\"}]}", out next));
            Assert.Contains("users[0].role: must be viewer, operator or admin", Import(current, "{\"users\":[{\"name\":\"admin\",\"role\":\"root\"}]}", out next));
            Assert.AreEqual("users: at least one user must be admin", Import(current, "{\"users\":[{\"name\":\"alice\"}]}", out next));
            Assert.Contains("users[0].hash: unknown field", Import(current, "{\"users\":[{\"name\":\"admin\",\"hash\":\"00\"}]}", out next));
            Assert.IsNull(next);
        }

        [TestMethod]
        public void HttpSectionImportAndRange()
        {
            MeterConfig next;
            Assert.IsNull(Import(new MeterConfig(3), "{\"http\":{\"anonymousRead\":false,\"sessionTimeoutS\":60}}", out next));
            Assert.IsFalse(next.Http.AnonymousRead);
            Assert.AreEqual(60, next.Http.SessionTimeoutS);
            Assert.AreEqual("http.sessionTimeoutS: must be 60..86400 s, got 59",
                Import(new MeterConfig(3), "{\"http\":{\"sessionTimeoutS\":59}}", out next));
        }

        [TestMethod]
        public void UserNamesAreCheckedAndUnique()
        {
            MeterConfig c = TwoUsers();
            c.Users[1].Name = "admin";
            Assert.Contains("users[1].name: must be unique", ConfigValidator.Validate(c));
            c.Users[1].Name = "a b";
            Assert.Contains("users[1].name: must be letters, digits", ConfigValidator.Validate(c));
        }

        [TestMethod]
        public void UsersSurviveTheFlashLayout()
        {
            MeterConfig c = TwoUsers();
            c.Http.AnonymousRead = false;
            c.Http.SessionTimeoutS = 600;
            byte[] buffer = new byte[4096];
            int length = ConfigLayout.Encode(c, 1, buffer, 0, buffer.Length);
            MeterConfig back = ConfigLayout.DecodePayload(buffer, ConfigLayout.HeaderSize, length - ConfigLayout.HeaderSize,
                ConfigLayout.CurrentVersion, 3);
            Assert.AreEqual(2, back.Users.Length);
            Assert.AreEqual("alice", back.Users[1].Name);
            Assert.AreEqual(UserConfig.RoleViewer, back.Users[1].Role);
            Assert.IsFalse(back.Users[1].MustChangePassword);
            Assert.AreEqual(c.Users[1].Salt, back.Users[1].Salt);
            Assert.AreEqual(c.Users[1].Hash, back.Users[1].Hash);
            Assert.AreEqual(UserConfig.DefaultIterations, back.Users[1].Iterations);
            Assert.IsFalse(back.Http.AnonymousRead);
            Assert.AreEqual(600, back.Http.SessionTimeoutS);
        }
    }
}
