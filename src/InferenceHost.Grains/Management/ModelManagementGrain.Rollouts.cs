using InferenceHost.Abstractions.Management;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Grains.Management;

/// <summary>Telemetry and rollouts: forwarded to the model's telemetry and rollout grains after the model is known.</summary>
public sealed partial class ModelManagementGrain
{
    /// <summary>The longest window a telemetry query may ask for.</summary>
    public static readonly TimeSpan MaxTelemetryWindow = TimeSpan.FromDays(1);

    public Task<TelemetryWindow> GetTelemetry(string model, TimeSpan window) =>
        GrainFactory.GetGrain<IModelTelemetryGrain>(Known(model)).GetWindow(Since(window));

    public async Task<VersionComparison> CompareVersions(string model, string candidate, string baseline, TimeSpan window)
    {
        if (!DeploymentRules.IsVersionId(candidate) || !DeploymentRules.IsVersionId(baseline))
        {
            throw Invalid($"versions are ids (positive integers), not '{candidate}' and '{baseline}'");
        }

        if (candidate == baseline)
        {
            throw Invalid($"compare two different versions, not '{candidate}' with itself");
        }

        var since = Since(window);
        var policy = RolloutPolicyRules.WithEveryGate(await Rollouts(Known(model)).GetPolicy());
        return await GrainFactory.GetGrain<IModelTelemetryGrain>(model).Compare(candidate, baseline, since, policy);
    }

    private static DateTimeOffset Since(TimeSpan window) =>
        window < TimeSpan.FromSeconds(1) || window > MaxTelemetryWindow
            ? throw Invalid($"the window must be from 1 second to {MaxTelemetryWindow.TotalHours:0} hours, not {window}")
            : DateTimeOffset.UtcNow - window;

    public Task<RolloutPolicy> GetRolloutPolicy(string model) => Rollouts(Known(model)).GetPolicy();

    public Task<RolloutPolicy> SetRolloutPolicy(string model, RolloutPolicy policy, string actor)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Rollouts(Known(model)).SetPolicy(policy, Actor(actor));
    }

    public Task<RolloutStatus> StartRollout(string model, string candidate, RolloutPolicy? policy, string actor)
    {
        if (!DeploymentRules.IsVersionId(candidate))
        {
            throw Invalid($"candidate version '{candidate}' is not a version id (a positive integer)");
        }

        return Rollouts(Known(model)).Start(candidate, policy, Actor(actor));
    }

    public Task<RolloutStatus?> GetRollout(string model) => Rollouts(Known(model)).GetStatus();

    public Task<IReadOnlyList<RolloutStatus>> ListRollouts(string model, int limit) =>
        Rollouts(Known(model)).List(Limit(limit));

    public Task<IReadOnlyList<RolloutDecision>> GetRolloutHistory(string model, long? number, int limit) =>
        Rollouts(Known(model)).GetHistory(number, Limit(limit));

    public Task<RolloutStatus> ControlRollout(string model, RolloutCommand command, string actor, string? reason) =>
        Rollouts(Known(model)).Control(command, Actor(actor), reason);

    private static int Limit(int limit) => limit is < 1 or > IModelManagementGrain.MaxAuditLimit
        ? throw Invalid($"limit must be from 1 to {IModelManagementGrain.MaxAuditLimit}, not {limit}")
        : limit;

    private IModelRolloutGrain Rollouts(string model) => GrainFactory.GetGrain<IModelRolloutGrain>(model);
}
