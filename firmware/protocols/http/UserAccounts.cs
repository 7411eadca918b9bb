using System.Text;
using Ipenergy.Probe.Common;
using Ipenergy.Probe.Config;
using Ipenergy.Probe.Hal;

namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// Who a request is: checks passwords against the users of the configuration (PBKDF2-HMAC-SHA256,
    /// under the login rate limit), keeps the sessions, and changes passwords and users. One instance is
    /// shared by every handler thread; the key derivation runs under a lock (one login at a time: the
    /// device has one core anyway). Role changes count at the next request: sessions hold only the name.
    /// </summary>
    public sealed class UserAccounts
    {
        public const int VerifyOk = 0;
        public const int VerifyWrong = 1;
        public const int VerifyLimited = 2;

        public const int MinPasswordLength = 8;
        public const int MaxPasswordLength = 64;

        private static readonly byte[] CookiePrefix = AsciiBytes.From("eprobe_session=");

        private readonly IUserDirectory _directory;
        private readonly IRandomSource _random;
        private readonly IClock _clock;
        private readonly SessionTable _sessions = new SessionTable();
        private readonly LoginRateLimiter _limiter = new LoginRateLimiter();
        private readonly Pbkdf2Sha256 _kdf = new Pbkdf2Sha256();
        private readonly byte[] _derived = new byte[UserConfig.HashLength];
        private readonly byte[] _salt = new byte[UserConfig.SaltLength];
        private readonly byte[] _storedSalt = new byte[UserConfig.SaltLength];
        private readonly byte[] _dummySalt = HexText.Parse(UserConfig.DefaultAdminSalt);
        private readonly object _kdfLock = new object();

        /// <param name="directory">The configuration's users (the app's ConfigService).</param>
        /// <param name="random">Salts and session tokens (the board's or the host's generator).</param>
        /// <param name="clock">Session idle time and the rate limit's minute (monotonic milliseconds).</param>
        public UserAccounts(IUserDirectory directory, IRandomSource random, IClock clock)
        {
            _directory = directory;
            _random = random;
            _clock = clock;
        }

        public SessionTable Sessions { get { return _sessions; } }

        /// <summary>Whether reads are served without credentials (config http.anonymousRead).</summary>
        public bool AnonymousRead { get { return _directory.Current.Http.AnonymousRead; } }

        /// <summary>Idle time after which a session ends (config http.sessionTimeoutS).</summary>
        public long SessionTimeoutMs { get { return _directory.Current.Http.SessionTimeoutS * 1000L; } }

        public long NowMs { get { return _clock.MonotonicMilliseconds; } }

        /// <summary>The user of that name in the configuration in force, or null.</summary>
        public UserConfig Find(string name)
        {
            return name == null ? null : _directory.Current.FindUser(name);
        }

        /// <summary>
        /// Checks a user name and password (UTF-8 bytes). VerifyOk with <paramref name="user"/> set;
        /// VerifyWrong; or VerifyLimited with <paramref name="retryAfterS"/> when too many attempts failed
        /// (then nothing is checked). An unknown name costs the same derivation as a known one.
        /// </summary>
        public int Verify(byte[] buffer, int userStart, int userLength, int passwordStart, int passwordLength,
            out UserConfig user, out int retryAfterS)
        {
            user = null;
            MeterConfig config = _directory.Current;
            int index = IndexOf(config.Users, buffer, userStart, userLength);
            int bucket = index < 0 ? LoginRateLimiter.Buckets - 1 : index;
            long now = _clock.MonotonicMilliseconds;
            retryAfterS = _limiter.RetryAfterSeconds(bucket, now);
            if (retryAfterS > 0)
            {
                return VerifyLimited;
            }

            UserConfig candidate = index < 0 ? null : config.Users[index];
            bool match;
            lock (_kdfLock)
            {
                if (candidate == null || candidate.Hash.Length == 0)
                {
                    // Same work as a real check, so the answer's timing does not tell which names exist.
                    _kdf.Derive(buffer, passwordStart, passwordLength, _dummySalt, 0, _dummySalt.Length,
                        UserConfig.DefaultIterations, _derived, 0, _derived.Length);
                    match = false;
                }
                else
                {
                    int saltLength = HexText.ParseInto(candidate.Salt, _storedSalt, 0);
                    _kdf.Derive(buffer, passwordStart, passwordLength, _storedSalt, 0, saltLength < 0 ? 0 : saltLength,
                        candidate.Iterations, _derived, 0, _derived.Length);
                    match = saltLength > 0 && HashEquals(candidate.Hash, _derived);
                }
            }

            if (!match)
            {
                _limiter.RecordFailure(bucket, now);
                return VerifyWrong;
            }

            user = candidate;
            return VerifyOk;
        }

        /// <summary>The session slot named by the request's Cookie field ("eprobe_session=..."), or -1.</summary>
        public int FindSession(byte[] buffer, int cookieStart, int cookieLength)
        {
            int end = cookieStart + cookieLength;
            int p = cookieStart;
            while (p < end)
            {
                while (p < end && (buffer[p] == (byte)' ' || buffer[p] == (byte)';'))
                {
                    p++;
                }

                int valueEnd = p;
                while (valueEnd < end && buffer[valueEnd] != (byte)';')
                {
                    valueEnd++;
                }

                if (valueEnd - p > CookiePrefix.Length && AsciiBytes.Equal(buffer, p, CookiePrefix.Length, CookiePrefix))
                {
                    int tokenStart = p + CookiePrefix.Length;
                    int slot = _sessions.Find(buffer, tokenStart, valueEnd - tokenStart, _clock.MonotonicMilliseconds, SessionTimeoutMs);
                    if (slot >= 0)
                    {
                        if (Find(_sessions.User(slot)) == null)
                        {
                            // The user was removed: the session goes with it.
                            _sessions.Close(slot);
                            return -1;
                        }

                        return slot;
                    }
                }

                p = valueEnd;
            }

            return -1;
        }

        /// <summary>Opens a session; writes the 32-character token into token and returns the slot.</summary>
        public int OpenSession(UserConfig user, byte[] token)
        {
            return _sessions.Open(user.Name, _random, _clock.MonotonicMilliseconds, token);
        }

        /// <summary>
        /// Changes the user's own password after checking the current one. Null when done, else the status
        /// and message through <paramref name="status"/>: 403 wrong current password, 400 weak or unchanged
        /// new one, 429 too many wrong attempts. Other sessions of the user end; keepSlot stays open.
        /// </summary>
        public string ChangePassword(string name, string current, string next, int keepSlot, out int status,
            out int retryAfterS)
        {
            status = HttpStatus.NoContent;
            // User names are ASCII without ':', so the name is the first name.Length bytes.
            byte[] both = Encoding.UTF8.GetBytes(name + ":" + current);
            UserConfig user;
            int verdict = Verify(both, 0, name.Length, name.Length + 1, both.Length - name.Length - 1, out user, out retryAfterS);
            if (verdict == VerifyLimited)
            {
                status = HttpStatus.TooManyRequests;
                return "too many failed attempts, try again later";
            }

            if (verdict != VerifyOk)
            {
                status = HttpStatus.Forbidden;
                return "current password is wrong";
            }

            string weak = Weakness(name, next);
            if (weak == null && next == current)
            {
                weak = "new password must differ from the current one";
            }

            if (weak != null)
            {
                status = HttpStatus.BadRequest;
                return weak;
            }

            string error = Store(name, -1, next, false);
            if (error != null)
            {
                status = HttpStatus.InternalServerError;
                return error;
            }

            _sessions.CloseUser(name, keepSlot);
            return null;
        }

        /// <summary>Null when the password is acceptable for that user, else why not.</summary>
        public static string Weakness(string name, string password)
        {
            if (password == null || password.Length < MinPasswordLength || password.Length > MaxPasswordLength)
            {
                return "password must be " + MinPasswordLength.ToString() + ".." + MaxPasswordLength.ToString() + " characters";
            }

            if (password == name || password == "adminadmin" || password == "password" || password == "12345678")
            {
                return "password is too easy to guess";
            }

            return null;
        }

        /// <summary>
        /// Creates or updates a user (admin through PUT /api/v1/users/name). role -1 keeps the role (new
        /// users need one); password null keeps it (new users need one). A password set by an admin must be
        /// changed by its user at the first login unless it is the admin's own account.
        /// </summary>
        public string PutUser(string name, int role, string password, bool mustChange)
        {
            UserConfig existing = Find(name);
            if (existing == null && (role < 0 || password == null))
            {
                return "a new user needs a role and a password";
            }

            if (password != null)
            {
                string weak = Weakness(name, password);
                if (weak != null)
                {
                    return weak;
                }
            }

            string error = Store(name, role, password, mustChange);
            if (error == null && password != null)
            {
                _sessions.CloseUser(name, -1);
            }

            return error;
        }

        /// <summary>Removes a user and its sessions; refused when it would leave no admin.</summary>
        public string DeleteUser(string name)
        {
            MeterConfig next = _directory.Current.Clone();
            int index = IndexOfName(next.Users, name);
            if (index < 0)
            {
                return null;
            }

            UserConfig[] users = new UserConfig[next.Users.Length - 1];
            int n = 0;
            for (int i = 0; i < next.Users.Length; i++)
            {
                if (i != index)
                {
                    users[n++] = next.Users[i];
                }
            }

            next.Users = users;
            string error = _directory.Commit(next);
            if (error == null)
            {
                _sessions.CloseUser(name, -1);
            }

            return error;
        }

        /// <summary>
        /// Start-up password for the factory admin (the virtual e-Probe's EPROBE_ADMIN_PASSWORD): sets it and
        /// clears mustChangePassword while the admin still has the factory password; otherwise does nothing.
        /// </summary>
        public string SetInitialAdminPassword(string password)
        {
            UserConfig admin = Find(UserConfig.DefaultAdminName);
            if (admin == null || !admin.MustChangePassword || admin.Hash != UserConfig.DefaultAdminHash
                || password == null || password.Length == 0)
            {
                return null;
            }

            return Store(admin.Name, -1, password, false);
        }

        // Saves the user with a new verifier (random salt) and/or role; role -1 keeps it.
        private string Store(string name, int role, string password, bool mustChange)
        {
            MeterConfig next = _directory.Current.Clone();
            UserConfig user = next.FindUser(name);
            if (user == null)
            {
                if (next.Users.Length >= UserConfig.MaxUsers)
                {
                    return "users: at most " + UserConfig.MaxUsers.ToString() + " users";
                }

                UserConfig[] users = new UserConfig[next.Users.Length + 1];
                for (int i = 0; i < next.Users.Length; i++)
                {
                    users[i] = next.Users[i];
                }

                user = new UserConfig(name, role, "", "", UserConfig.DefaultIterations, mustChange);
                users[next.Users.Length] = user;
                next.Users = users;
            }

            if (role >= 0)
            {
                user.Role = role;
            }

            if (password != null)
            {
                byte[] passwordBytes = Encoding.UTF8.GetBytes(password);
                lock (_kdfLock)
                {
                    _random.Fill(_salt, 0, _salt.Length);
                    _kdf.Derive(passwordBytes, 0, passwordBytes.Length, _salt, 0, _salt.Length, UserConfig.DefaultIterations,
                        _derived, 0, _derived.Length);
                    user.Salt = HexText.From(_salt, 0, _salt.Length);
                    user.Hash = HexText.From(_derived, 0, _derived.Length);
                }

                user.Iterations = UserConfig.DefaultIterations;
                user.MustChangePassword = mustChange;
            }

            return _directory.Commit(next);
        }

        private static int IndexOf(UserConfig[] users, byte[] buffer, int start, int length)
        {
            for (int i = 0; i < users.Length; i++)
            {
                string name = users[i].Name;
                if (name.Length != length)
                {
                    continue;
                }

                bool same = true;
                for (int c = 0; c < length && same; c++)
                {
                    same = buffer[start + c] == (byte)name[c];
                }

                if (same)
                {
                    return i;
                }
            }

            return -1;
        }

        private static int IndexOfName(UserConfig[] users, string name)
        {
            for (int i = 0; i < users.Length; i++)
            {
                if (users[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }

        // Compares the derived bytes with the stored hex text without stopping at the first difference.
        private static bool HashEquals(string hex, byte[] derived)
        {
            if (hex.Length != derived.Length * 2)
            {
                return false;
            }

            int diff = 0;
            for (int i = 0; i < derived.Length; i++)
            {
                int stored = (HexValue(hex[i * 2]) << 4) | HexValue(hex[i * 2 + 1]);
                diff |= stored ^ derived[i];
            }

            return diff == 0;
        }

        private static int HexValue(char c)
        {
            return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
        }
    }
}
