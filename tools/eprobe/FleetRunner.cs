using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Ipenergy.Probe.Cli
{
    /// <summary>
    /// Runs one piece of work on every probe, at most --parallel at once. A probe's failure is caught and kept
    /// as its outcome: it never stops the others. Outcomes come back in target order, whatever finished first.
    /// Progress ("[3/12] 10.0.0.5:80 ok") goes to stderr when asked for.
    /// </summary>
    public sealed class FleetRunner
    {
        private readonly FleetOptions _options;
        private readonly TextWriter _progress;

        /// <param name="progress">Where progress lines go, or null for none.</param>
        public FleetRunner(FleetOptions options, TextWriter progress)
        {
            _options = options;
            _progress = progress;
        }

        public List<ProbeOutcome> Run(IList<ProbeTarget> targets, IProbeWork work, CancellationToken cancel)
        {
            var outcomes = new ProbeOutcome[targets.Count];
            int done = 0;
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.Parallel };
            try
            {
                Parallel.For(0, targets.Count, parallel, i =>
                {
                    outcomes[i] = RunOne(targets[i], work, cancel);
                    int finished = Interlocked.Increment(ref done);
                    if (_progress != null)
                    {
                        lock (_progress)
                        {
                            _progress.WriteLine("[" + finished + "/" + targets.Count + "] " + targets[i].Name + " "
                                + (outcomes[i].Ok ? "ok" : "FAILED: " + outcomes[i].Error));
                        }
                    }
                });
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C: the probes not reached stay marked as not done.
            }

            var result = new List<ProbeOutcome>(targets.Count);
            for (int i = 0; i < targets.Count; i++)
            {
                result.Add(outcomes[i] ?? new ProbeOutcome(targets[i], null, "not done (interrupted)"));
            }

            return result;
        }

        private ProbeOutcome RunOne(ProbeTarget target, IProbeWork work, CancellationToken cancel)
        {
            if (cancel.IsCancellationRequested)
            {
                return new ProbeOutcome(target, null, "not done (interrupted)");
            }

            using var client = new ProbeClient(target, _options.Credentials, _options.Timeout);
            try
            {
                return new ProbeOutcome(target, work.Run(client, cancel), null);
            }
            catch (ProbeException e)
            {
                return new ProbeOutcome(target, null, e.Message);
            }
            catch (OperationCanceledException)
            {
                return new ProbeOutcome(target, null, "not done (interrupted)");
            }
            catch (Exception e) when (e is InvalidOperationException || e is FormatException || e is System.Text.Json.JsonException
                || e is NullReferenceException || e is InvalidCastException || e is KeyNotFoundException || e is ArgumentException)
            {
                // An answer of an unexpected shape (an older firmware, a different device on that port).
                return new ProbeOutcome(target, null, "bad answer (" + e.Message + ")");
            }
        }
    }
}
