namespace Ipenergy.Probe.Simulator
{
    /// <summary>A scenario that cannot be simulated; the message names the source and the path of the culprit.</summary>
    public sealed class ScenarioException : SetupException
    {
        public ScenarioException(string source, string path, string problem)
            : base(source + ": " + (string.IsNullOrEmpty(path) ? "" : path + ": ") + problem)
        {
            Source = source;
            Path = path;
        }

        /// <summary>File name (or "built-in scenario") the scenario came from.</summary>
        public new string Source { get; }

        /// <summary>JSON path such as channels[3].phase; empty for the whole document.</summary>
        public string Path { get; }
    }
}
