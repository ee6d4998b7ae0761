using Grpc.Core;
using InferenceHost.Abstractions.Management;
using InferenceHost.Abstractions.Repository;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Api.Admin;
using InferenceHost.Api.Management.Protocol;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Management;

/// <summary>
/// <c>inferencehost.management.v1.ModelManagement</c> (bound by <see cref="ModelManagementServiceMethods"/>):
/// the REST admin API's operations, each one call to the management grain, changes made as the
/// admin principal. The token check and the mapping of refusals are <see cref="ManagementGuard"/>'s.
/// </summary>
internal sealed partial class ModelManagementService(
    IGrainFactory grains, AdminAuthenticator authenticator, IVersionUploadStaging uploads, IOptions<AdminOptions> options)
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

    /// <summary>
    /// As REST's upload: the chunks stream into the staging area (the model and version are checked first, so a
    /// doomed upload is refused before more than its first chunk is read), then the management grain validates
    /// and adds the version. The staged file is discarded whatever the outcome.
    /// </summary>
    public async Task<VersionStatusResponse> UploadVersion(IAsyncStreamReader<UploadVersionChunk> chunks, ServerCallContext context)
    {
        if (!await chunks.MoveNext(context.CancellationToken))
        {
            throw new DeploymentException(DeploymentErrorKind.Invalid, "the upload is empty; send the version's ONNX file, the first chunk naming the model and version");
        }

        var first = chunks.Current;
        var limit = options.Value.MaxUploadBytes;
        var uploadId = await uploads.StageAsync(
            first.Model, first.Version, new UploadChunkStream(first, chunks, limit), context.CancellationToken);
        try
        {
            return ManagementMessageWriter.Version(
                await Management.UploadVersion(first.Model, first.Version, uploadId, authenticator.Principal));
        }
        finally
        {
            uploads.Discard(uploadId);
        }
    }

    public async Task<VersionStatusResponse> GetVersion(GetVersionRequest request, ServerCallContext context) =>
        ManagementMessageWriter.Version(await Management.GetVersion(request.Model, request.Version));

    public async Task<DeleteVersionResponse> DeleteVersion(DeleteVersionRequest request, ServerCallContext context)
    {
        await Management.DeleteVersion(request.Model, request.Version, authenticator.Principal);
        return new DeleteVersionResponse();
    }
}
