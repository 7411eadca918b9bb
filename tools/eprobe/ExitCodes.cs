namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// The tool's exit codes (also in --help and README.md). A fleet command runs every probe to the end, so
    /// "some failed" is its own code: a script can tell a partial result from a usage mistake.
    /// </summary>
    public static class ExitCodes
    {
        /// <summary>Everything asked was done on every probe.</summary>
        public const int Ok = 0;

        /// <summary>At least one probe failed (unreachable, refused, bad answer); the others were done and reported.</summary>
        public const int SomeProbesFailed = 1;

        /// <summary>Bad command line or bad input file: nothing was sent.</summary>
        public const int Usage = 2;

        /// <summary>No probe to work on: the target list is empty or discovery found none.</summary>
        public const int NoProbe = 3;

        /// <summary>Every probe failed.</summary>
        public const int AllProbesFailed = 4;

        /// <summary>
        /// `eprobe alarms --fail-on LEVEL` only: every probe was read and at least one has an active alarm at
        /// that level or above (a switch for cron and Nagios-style checks; without --fail-on alarms are not an error).
        /// </summary>
        public const int AlarmActive = 5;

        /// <summary>Interrupted (Ctrl-C) before the end.</summary>
        public const int Interrupted = 130;

        /// <summary>The exit code of a fleet operation from its per-probe outcomes.</summary>
        public static int FromOutcomes(int succeeded, int failed)
        {
            if (succeeded + failed == 0)
            {
                return NoProbe;
            }

            if (failed == 0)
            {
                return Ok;
            }

            return succeeded == 0 ? AllProbesFailed : SomeProbesFailed;
        }
    }
}
