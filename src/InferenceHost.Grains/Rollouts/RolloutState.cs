namespace InferenceHost.Grains.Rollouts;

/// <summary>What a model's rollout grain persists: its policy and its rollouts, the running one last.</summary>
[GenerateSerializer, Alias("InferenceHost.RolloutState")]
public sealed class RolloutState
{
    /// <summary>Finished rollouts kept with their decisions.</summary>
    public const int HistoryLimit = 20;

    /// <summary>Decisions kept per running rollout (the oldest waits go first).</summary>
    public const int DecisionLimit = 500;

    /// <summary>Waits a finished rollout keeps (its last ones); every other decision is kept.</summary>
    public const int FinishedWaitsKept = 20;

    /// <summary>The model's policy; null for the host's default.</summary>
    [Id(0)]
    public Abstractions.Rollouts.RolloutPolicy? Policy { get; set; }

    /// <summary>Rollouts, oldest first; the last may be running.</summary>
    [Id(1)]
    public List<RolloutRecord> Rollouts { get; set; } = [];

    /// <summary>The number the next rollout takes.</summary>
    [Id(2)]
    public long NextNumber { get; set; } = 1;
}
