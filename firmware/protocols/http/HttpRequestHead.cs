namespace Ipenergy.Probe.Protocols.Http
{
    /// <summary>
    /// What the server needs from a parsed request line and header section. One instance is reused
    /// for every request of a connection handler; positions point into the receive buffer and are
    /// valid only until that buffer moves on.
    /// </summary>
    public sealed class HttpRequestHead
    {
        public const int MethodOther = 0;
        public const int MethodGet = 1;
        public const int MethodHead = 2;
        public const int MethodPut = 3;
        public const int MethodPost = 4;
        public const int MethodDelete = 5;

        /// <summary>MethodGet, MethodHead, MethodPut, MethodPost, MethodDelete or MethodOther (methods are case-sensitive: "get" is other).</summary>
        public int Method { get; internal set; }

        /// <summary>The request-target as sent (origin-form, absolute-form, authority-form or "*").</summary>
        public int TargetStart { get; internal set; }

        public int TargetLength { get; internal set; }

        /// <summary>The path the server routes on: the target without scheme, authority and query.</summary>
        public int PathStart { get; internal set; }

        public int PathLength { get; internal set; }

        /// <summary>0 for HTTP/1.0, 1 for HTTP/1.1 (and later 1.x minors, answered as 1.1).</summary>
        public int VersionMinor { get; internal set; }

        /// <summary>Whether the client wants the connection kept open after this exchange.</summary>
        public bool KeepAlive { get; internal set; }

        /// <summary>Announced body length; 0 when there is none. Huge values are capped at long.MaxValue.</summary>
        public long ContentLength { get; internal set; }

        /// <summary>"Expect: 100-continue" was sent.</summary>
        public bool ExpectContinue { get; internal set; }

        /// <summary>The Authorization field's value (start 0 and length 0 when absent).</summary>
        public int AuthorizationStart { get; internal set; }

        public int AuthorizationLength { get; internal set; }

        /// <summary>The Cookie field's value (length 0 when absent; several Cookie fields: the last).</summary>
        public int CookieStart { get; internal set; }

        public int CookieLength { get; internal set; }

        /// <summary>The X-Requested-With field's value (the page's CSRF guard; length 0 when absent).</summary>
        public int RequestedWithStart { get; internal set; }

        public int RequestedWithLength { get; internal set; }

        /// <summary>The If-None-Match field's value (length 0 when absent; several such fields: the last).</summary>
        public int IfNoneMatchStart { get; internal set; }

        public int IfNoneMatchLength { get; internal set; }

        /// <summary>The query after '?' in the target, without the '?' (length 0 when none).</summary>
        public int QueryStart { get; internal set; }

        public int QueryLength { get; internal set; }

        internal void Clear()
        {
            Method = MethodOther;
            TargetStart = 0;
            TargetLength = 0;
            PathStart = 0;
            PathLength = 0;
            VersionMinor = 1;
            KeepAlive = false;
            ContentLength = 0;
            ExpectContinue = false;
            AuthorizationStart = 0;
            AuthorizationLength = 0;
            QueryStart = 0;
            QueryLength = 0;
            CookieStart = 0;
            CookieLength = 0;
            RequestedWithStart = 0;
            RequestedWithLength = 0;
            IfNoneMatchStart = 0;
            IfNoneMatchLength = 0;
        }
    }
}
