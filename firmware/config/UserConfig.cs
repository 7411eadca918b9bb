namespace Ipenergy.Probe.Config
{
    /// <summary>
    /// One account of the HTTP API: name, role (1 viewer, 2 operator, 3 admin: the values of
    /// Protocols.Http.HttpRole), and the PBKDF2-HMAC-SHA256 verifier of its password (salt and hash as
    /// lower-case hex, the iteration count stored per user so it can grow with later firmware).
    /// A secret: the JSON export shows only name and role.
    /// </summary>
    public sealed class UserConfig
    {
        public const int MaxUsers = 8;
        public const int MaxNameLength = 32;
        public const int RoleViewer = 1;
        public const int RoleOperator = 2;
        public const int RoleAdmin = 3;
        public const int SaltLength = 16;
        public const int HashLength = 32;

        /// <summary>
        /// PBKDF2 iterations for new passwords: about 1 s per login on an ESP32 interpreter (arithmetic
        /// in protocols/http/README.md, "Users and sessions").
        /// </summary>
        public const int DefaultIterations = 200;

        /// <summary>The factory account: "admin" with password "admin", to be changed at the first login.</summary>
        public const string DefaultAdminName = "admin";

        // The factory password's verifier ("admin" under this fixed salt at 200 iterations). The default
        // password is public anyway; every changed password gets a random salt.
        public const string DefaultAdminSalt = "65707262626f6265666163746f727921";
        public const string DefaultAdminHash = "0d76f20e3a4a317c34677099e10331ebf65f78dc33c403383ff5ddda0bf632b5";

        public UserConfig(string name, int role, string salt, string hash, int iterations, bool mustChangePassword)
        {
            Name = name;
            Role = role;
            Salt = salt;
            Hash = hash;
            Iterations = iterations;
            MustChangePassword = mustChangePassword;
        }

        public string Name { get; set; }

        public int Role { get; set; }

        /// <summary>16 random bytes as 32 hex digits.</summary>
        public string Salt { get; set; }

        /// <summary>32 derived bytes as 64 hex digits; "" = no password (the account cannot log in).</summary>
        public string Hash { get; set; }

        public int Iterations { get; set; }

        /// <summary>True while the password is the factory one: every write but the password change is refused.</summary>
        public bool MustChangePassword { get; set; }

        /// <summary>The factory administrator.</summary>
        public static UserConfig FactoryAdmin()
        {
            return new UserConfig(DefaultAdminName, RoleAdmin, DefaultAdminSalt, DefaultAdminHash, DefaultIterations, true);
        }

        /// <summary>"viewer", "operator", "admin" (as HttpRole names them), or "" for another value.</summary>
        public static string RoleName(int role)
        {
            if (role == RoleViewer)
            {
                return "viewer";
            }

            if (role == RoleOperator)
            {
                return "operator";
            }

            return role == RoleAdmin ? "admin" : "";
        }

        /// <summary>The role with that name, or -1.</summary>
        public static int ParseRole(string name)
        {
            if (name == "viewer")
            {
                return RoleViewer;
            }

            if (name == "operator")
            {
                return RoleOperator;
            }

            return name == "admin" ? RoleAdmin : -1;
        }

        public UserConfig Clone()
        {
            return new UserConfig(Name, Role, Salt, Hash, Iterations, MustChangePassword);
        }
    }
}
