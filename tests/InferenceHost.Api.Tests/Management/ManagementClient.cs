using Grpc.Core;
using InferenceHost.Api.Management.Protocol;
using InferenceHost.Api.Tests.Admin;

namespace InferenceHost.Api.Tests.Management;

/// <summary>
/// The gRPC management service as an operator's client calls it: the generated client on the host's
/// real channel, every call carrying <c>authorization: Bearer &lt;token&gt;</c> (or no such metadata).
/// </summary>
public sealed class ManagementClient(AdminHostFixture host, string? token)
{
    public ModelManagement.ModelManagementClient Stub { get; } = new(host.GrpcChannel);

    public Metadata Headers { get; } = token is null ? [] : new Metadata { { "authorization", $"Bearer {token}" } };

    public async Task<ModelDeployment> GetDeploymentAsync(string model) =>
        await Stub.GetDeploymentAsync(new GetDeploymentRequest { Model = model }, Headers);

    public async Task<ModelDeployment> SetDeploymentAsync(string model, Deployment deployment, long? expectedRevision = null)
    {
        var request = new SetDeploymentRequest { Model = model, Deployment = deployment };
        if (expectedRevision is { } revision)
        {
            request.ExpectedRevision = revision;
        }

        return await Stub.SetDeploymentAsync(request, Headers);
    }

    public async Task<ModelDeployment> SwitchAsync(string model) => await Stub.SwitchAsync(new SwitchRequest { Model = model }, Headers);

    public async Task<ModelDeployment> RollbackAsync(string model) => await Stub.RollbackAsync(new RollbackRequest { Model = model }, Headers);

    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string model, int limit = 1000) =>
        (await Stub.ListAuditAsync(new ListAuditRequest { Model = model, Limit = limit }, Headers)).Entries;

    /// <summary>Asserts the call fails with exactly this code and message.</summary>
    public static async Task RefusedAsync(Func<Task> call, StatusCode code, string message)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal((code, message), (error.StatusCode, error.Status.Detail));
    }
}
