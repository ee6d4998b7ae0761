namespace InferenceHost.Cli.Admin;

/// <summary>The rollout phases the API names; the last three are final.</summary>
internal static class RolloutPhases
{
    public const string Shadow = "shadow";

    public const string Canary = "canary";

    public const string Promoted = "promoted";

    public const string RolledBack = "rolled_back";

    public const string Aborted = "aborted";
}
