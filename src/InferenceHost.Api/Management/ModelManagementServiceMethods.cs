using Grpc.AspNetCore.Server.Model;
using InferenceHost.Api.Grpc;
using InferenceHost.Api.Management.Protocol;

namespace InferenceHost.Api.Management;

/// <summary>
/// Binds <see cref="ModelManagementService"/> under the service name of <c>management.proto</c>, a
/// malformed request answering INVALID_ARGUMENT (<see cref="GrpcUnaryMethodBinder{TService}"/>).
/// </summary>
internal sealed class ModelManagementServiceMethods : IServiceMethodProvider<ModelManagementService>
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<ModelManagementService> context)
    {
        var methods = new GrpcUnaryMethodBinder<ModelManagementService>(context, ModelManagement.Descriptor.FullName);
        methods.Add(nameof(ModelManagementService.ListModels), ListModelsRequest.Parser, (s, r, c) => s.ListModels(r, c));
        methods.Add(nameof(ModelManagementService.GetDeployment), GetDeploymentRequest.Parser, (s, r, c) => s.GetDeployment(r, c));
        methods.Add(nameof(ModelManagementService.SetDeployment), SetDeploymentRequest.Parser, (s, r, c) => s.SetDeployment(r, c));
        methods.Add(nameof(ModelManagementService.Switch), SwitchRequest.Parser, (s, r, c) => s.Switch(r, c));
        methods.Add(nameof(ModelManagementService.Rollback), RollbackRequest.Parser, (s, r, c) => s.Rollback(r, c));
        methods.Add(nameof(ModelManagementService.ListAudit), ListAuditRequest.Parser, (s, r, c) => s.ListAudit(r, c));
        methods.AddClientStreaming(nameof(ModelManagementService.UploadVersion), UploadVersionChunk.Parser, (s, r, c) => s.UploadVersion(r, c));
        methods.Add(nameof(ModelManagementService.GetVersion), GetVersionRequest.Parser, (s, r, c) => s.GetVersion(r, c));
        methods.Add(nameof(ModelManagementService.DeleteVersion), DeleteVersionRequest.Parser, (s, r, c) => s.DeleteVersion(r, c));
        methods.Add(nameof(ModelManagementService.GetTelemetry), GetTelemetryRequest.Parser, (s, r, c) => s.GetTelemetry(r, c));
        methods.Add(nameof(ModelManagementService.CompareVersions), CompareVersionsRequest.Parser, (s, r, c) => s.CompareVersions(r, c));
        methods.Add(nameof(ModelManagementService.GetRolloutPolicy), GetRolloutPolicyRequest.Parser, (s, r, c) => s.GetRolloutPolicy(r, c));
        methods.Add(nameof(ModelManagementService.SetRolloutPolicy), SetRolloutPolicyRequest.Parser, (s, r, c) => s.SetRolloutPolicy(r, c));
        methods.Add(nameof(ModelManagementService.StartRollout), StartRolloutRequest.Parser, (s, r, c) => s.StartRollout(r, c));
        methods.Add(nameof(ModelManagementService.GetRollout), GetRolloutRequest.Parser, (s, r, c) => s.GetRollout(r, c));
        methods.Add(nameof(ModelManagementService.ListRollouts), ListRolloutsRequest.Parser, (s, r, c) => s.ListRollouts(r, c));
        methods.Add(nameof(ModelManagementService.GetRolloutHistory), GetRolloutHistoryRequest.Parser, (s, r, c) => s.GetRolloutHistory(r, c));
        methods.Add(nameof(ModelManagementService.ControlRollout), ControlRolloutRequest.Parser, (s, r, c) => s.ControlRollout(r, c));
    }
}
