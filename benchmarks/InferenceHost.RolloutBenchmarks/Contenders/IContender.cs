using InferenceHost.RolloutBenchmarks.Simulation;

namespace InferenceHost.RolloutBenchmarks.Contenders;

/// <summary>A rollout policy driven over a simulated stream until it promotes, rolls back or runs out of time.</summary>
internal interface IContender
{
    string Name { get; }

    RunOutcome Run(TrafficSimulator traffic, TimeSpan interval, TimeSpan limit);
}
