namespace Ipenergy.Probe.Config
{
    /// <summary>HTTP API access: whether reads need a login, and how long an idle session lives.</summary>
    public sealed class HttpConfig
    {
        public const int MinSessionTimeoutS = 60;
        public const int MaxSessionTimeoutS = 86400;

        public HttpConfig()
        {
            AnonymousRead = true;
            SessionTimeoutS = 1800;
        }

        /// <summary>True: GET requests are answered without credentials; false: they need a viewer or better.</summary>
        public bool AnonymousRead { get; set; }

        /// <summary>Seconds a session may stay unused before it ends, 60..86400.</summary>
        public int SessionTimeoutS { get; set; }

        public HttpConfig Clone()
        {
            HttpConfig copy = new HttpConfig();
            copy.AnonymousRead = AnonymousRead;
            copy.SessionTimeoutS = SessionTimeoutS;
            return copy;
        }
    }
}
