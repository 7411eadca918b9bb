using System;

namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// One probe could not do what was asked: unreachable, timed out, refused (HTTP 4xx/5xx with the probe's
    /// {"error"} message) or answered something unreadable. Reported for that probe; the others go on.
    /// </summary>
    public sealed class ProbeException : Exception
    {
        public ProbeException(string message)
            : base(message)
        {
        }

        public ProbeException(string message, int httpStatus)
            : base(message)
        {
            HttpStatus = httpStatus;
        }

        /// <summary>The HTTP status when the probe answered one, else 0.</summary>
        public int HttpStatus { get; }
    }
}
