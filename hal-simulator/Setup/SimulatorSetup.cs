using System;
using System.IO;

namespace Ipenergy.Probe.Simulator
{
    /// <summary>
    /// Turns the command line into a <see cref="SimulatorPlan"/>, checking everything that can be checked before
    /// anything starts. Every problem is a <see cref="SetupException"/> with one line naming it.
    /// </summary>
    public static class SimulatorSetup
    {
        public static SimulatorPlan Prepare(string[] args)
        {
            SimulatorOptions options = OptionsParser.Parse(args);
            if (options.Help)
            {
                return new SimulatorPlan(options, null, null);
            }

            Scenario scenario;
            string source;
            if (options.ScenarioPath != null)
            {
                source = options.ScenarioPath;
                scenario = ScenarioLoader.LoadFile(source);
                // A scenario written for one model must not silently run on the other.
                if (options.Model != null && scenario.Model != null && scenario.Model != options.Model)
                {
                    throw new ScenarioException(source, "model", scenario.Model + " does not match --model " + options.Model +
                        " (drop one of them or make them agree)");
                }

                scenario.Model = options.Model ?? scenario.EffectiveModel;
            }
            else
            {
                source = DefaultScenario.SourceName;
                scenario = DefaultScenario.Create(options.Model ?? ProbeModel.Mpp18);
            }

            ScenarioValidator.Validate(scenario, source, options.SampleRateHz);
            if (options.DataDir != null && !options.PrintScenario)
            {
                CreateDataDir(options.DataDir);
            }

            return new SimulatorPlan(options, scenario, source);
        }

        private static void CreateDataDir(string path)
        {
            try
            {
                Directory.CreateDirectory(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                throw new SetupException("--data-dir: cannot create '" + path + "': " + e.Message);
            }
        }
    }
}
