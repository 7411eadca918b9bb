using System;
using System.Text;

namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// HTTP Basic credentials for the probes: --user / --password, else the environment (EPROBE_USER,
    /// EPROBE_PASSWORD) so a password need not appear in the process list. Reads work without any when the
    /// probes allow anonymous reads (their default).
    /// </summary>
    public sealed class Credentials
    {
        public Credentials(string user, string password)
        {
            User = user;
            Password = password;
        }

        public string User { get; }

        public string Password { get; }

        public bool IsEmpty { get { return string.IsNullOrEmpty(User); } }

        /// <summary>The Authorization header value, or null without a user.</summary>
        public string BasicHeaderValue()
        {
            if (IsEmpty)
            {
                return null;
            }

            return Convert.ToBase64String(Encoding.UTF8.GetBytes(User + ":" + (Password ?? "")));
        }

        public static Credentials From(string user, string password)
        {
            if (user == null)
            {
                user = Environment.GetEnvironmentVariable("EPROBE_USER");
            }

            if (password == null)
            {
                password = Environment.GetEnvironmentVariable("EPROBE_PASSWORD");
            }

            return new Credentials(user, password);
        }
    }
}
