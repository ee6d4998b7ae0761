using Grpc.Core;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Api.Admin;
using InferenceHost.Api.Management.Protocol;

namespace InferenceHost.Api.Management;

/// <summary>Telemetry, version comparisons and rollouts, as REST's; proto3's zero values ask for REST's defaults.</summary>
internal sealed partial class ModelManagementService
{
    public async Task<TelemetryResponse> GetTelemetry(GetTelemetryRequest request, ServerCallContext context)
    {
        var window = request.Window?.ToTimeSpan() ?? AdminHandlers.DefaultTelemetryWindow;
        return TelemetryMessages.Write(await Management.GetTelemetry(request.Model, window), window);
    }

    public async Task<VersionComparisonResponse> CompareVersions(CompareVersionsRequest request, ServerCallContext context)
    {
        var window = request.Window?.ToTimeSpan() ?? AdminHandlers.DefaultTelemetryWindow;
        return RolloutMessages.Write(await Management.CompareVersions(request.Model, request.Candidate, request.Baseline, window), window);
    }

    public async Task<RolloutPolicy> GetRolloutPolicy(GetRolloutPolicyRequest request, ServerCallContext context) =>
        RolloutMessages.Write(await Management.GetRolloutPolicy(request.Model));

    public async Task<RolloutPolicy> SetRolloutPolicy(SetRolloutPolicyRequest request, ServerCallContext context)
    {
        var policy = RolloutMessages.Read(request.Policy ?? throw Invalid("'policy' is missing: send the policy (an empty one for the default)"));
        return RolloutMessages.Write(await Management.SetRolloutPolicy(request.Model, policy, authenticator.Principal));
    }

    public async Task<RolloutStatus> StartRollout(StartRolloutRequest request, ServerCallContext context)
    {
        var policy = request.Policy is { } given ? RolloutMessages.Read(given) : null;
        return RolloutMessages.Write(await Management.StartRollout(request.Model, request.Candidate, policy, authenticator.Principal));
    }

    public async Task<RolloutStatus> GetRollout(GetRolloutRequest request, ServerCallContext context) =>
        RolloutMessages.Write(await Management.GetRollout(request.Model)
            ?? throw new DeploymentException(DeploymentErrorKind.NotFound, AdminHandlers.NoRolloutMessage(request.Model)));

    public async Task<ListRolloutsResponse> ListRollouts(ListRolloutsRequest request, ServerCallContext context)
    {
        var limit = request.Limit == 0 ? AdminHandlers.DefaultRolloutLimit : request.Limit;
        var response = new ListRolloutsResponse();
        response.Rollouts.AddRange((await Management.ListRollouts(request.Model, limit)).Select(RolloutMessages.Write));
        return response;
    }

    public async Task<RolloutHistoryResponse> GetRolloutHistory(GetRolloutHistoryRequest request, ServerCallContext context)
    {
        var limit = request.Limit == 0 ? AdminHandlers.DefaultDecisionLimit : request.Limit;
        long? number = request.HasNumber ? request.Number : null;
        var response = new RolloutHistoryResponse();
        response.Decisions.AddRange((await Management.GetRolloutHistory(request.Model, number, limit)).Select(RolloutMessages.Write));
        return response;
    }

    public async Task<RolloutStatus> ControlRollout(ControlRolloutRequest request, ServerCallContext context)
    {
        var command = RolloutMessages.Read(request.Command);
        var reason = request.Reason.Length == 0 ? null : request.Reason;
        return RolloutMessages.Write(await Management.ControlRollout(request.Model, command, authenticator.Principal, reason));
    }

    private static DeploymentException Invalid(string problem) => new(DeploymentErrorKind.Invalid, problem);
}
