using Grpc.Core;
using InferenceHost.Abstractions.Management;
using InferenceHost.Api.Admin;
using InferenceHost.Api.Management.Protocol;

namespace InferenceHost.Api.Management;

/// <summary>
/// <c>inferencehost.management.v1.ModelManagement</c> (bound by <see cref="ModelManagementServiceMethods"/>):
/// the REST admin API's operations, each one call to the management grain, changes made as the
/// admin principal. The token check and the mapping of refusals are <see cref="ManagementGuard"/>'s.
/// </summary>
internal sealed class ModelManagementService(IGrainFactory grains, AdminAuthenticator authenticator)
{
    private IModelManagementGrain Management => grains.GetGrain<IModelManagementGrain>(IModelManagementGrain.DefaultKey);

    public async Task<ListModelsResponse> ListModels(ListModelsRequest request, ServerCallContext context) =>
        ManagementMessageWriter.Models(await Management.ListModels());

    public async Task<ModelDeployment> GetDeployment(GetDeploymentRequest request, ServerCallContext context) =>
        ManagementMessageWriter.Deployment(await Management.GetDeployment(request.Model));

    public async Task<ModelDeployment> SetDeployment(SetDeploymentRequest request, ServerCallContext context)
    {
        var desired = DeploymentMessageReader.Read(request.Deployment);
        long? expectedRevision = request.HasExpectedRevision ? request.ExpectedRevision : null;
        return ManagementMessageWriter.Deployment(
            await Management.Deploy(request.Model, desired, expectedRevision, authenticator.Principal));
    }

    public async Task<ModelDeployment> Switch(SwitchRequest request, ServerCallContext context) =>
        ManagementMessageWriter.Deployment(await Management.Switch(request.Model, authenticator.Principal));

    public async Task<ModelDeployment> Rollback(RollbackRequest request, ServerCallContext context) =>
        ManagementMessageWriter.Deployment(await Management.Rollback(request.Model, authenticator.Principal));

    /// <summary>proto3 cannot tell an unset field from zero or empty: those ask for REST's defaults, 100 entries of every model.</summary>
    public async Task<ListAuditResponse> ListAudit(ListAuditRequest request, ServerCallContext context)
    {
        var limit = request.Limit == 0 ? AdminHandlers.DefaultAuditLimit : request.Limit;
        var model = request.Model.Length == 0 ? null : request.Model;
        return ManagementMessageWriter.Audit(await Management.Audit(limit, model));
    }
}
