namespace Ipenergy.Probe.Simulator
{
    /// <summary>A checked start-up request: the options and the scenario to play, with the model settled.</summary>
    public sealed class SimulatorPlan
    {
        public SimulatorPlan(SimulatorOptions options, Scenario scenario, string scenarioSource)
        {
            Options = options;
            Scenario = scenario;
            ScenarioSource = scenarioSource;
        }

        public SimulatorOptions Options { get; }

        /// <summary>Validated, with <see cref="Scenario.Model"/> set; null when only --help was asked.</summary>
        public Scenario Scenario { get; }

        /// <summary>The scenario file as given, or "built-in scenario".</summary>
        public string ScenarioSource { get; }
    }
}
