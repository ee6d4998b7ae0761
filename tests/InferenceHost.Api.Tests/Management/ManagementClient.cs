using Grpc.Core;
using InferenceHost.Api.Management.Protocol;
using Google.Protobuf;
using InferenceHost.Tests.Common;

namespace InferenceHost.Api.Tests.Management;

/// <summary>
/// The gRPC management service as an operator's client calls it: the generated client on the host's
/// real channel, every call carrying <c>authorization: Bearer &lt;token&gt;</c> (or no such metadata).
/// </summary>
public sealed class ManagementClient(InferenceHostFixture host, string? token)
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

    /// <summary>Uploads <paramref name="file"/> in chunks of <paramref name="chunkSize"/> bytes, the first naming the model and version.</summary>
    public async Task<VersionStatusResponse> UploadVersionAsync(string model, string version, byte[] file, int chunkSize)
    {
        using var call = Stub.UploadVersion(Headers);
        try
        {
            var first = new UploadVersionChunk { Model = model, Version = version };
            for (var offset = 0; offset < file.Length || first is not null; offset += chunkSize)
            {
                var chunk = first ?? new UploadVersionChunk();
                chunk.Data = ByteString.CopyFrom(file, offset, Math.Min(chunkSize, file.Length - offset));
                await call.RequestStream.WriteAsync(chunk);
                first = null;
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server refused before reading everything, and a write after its answer fails as CANCELLED:
            // the answer itself says why.
        }

        return await call;
    }

    public async Task<VersionStatusResponse> GetVersionAsync(string model, string version) =>
        await Stub.GetVersionAsync(new GetVersionRequest { Model = model, Version = version }, Headers);

    public async Task DeleteVersionAsync(string model, string version) =>
        await Stub.DeleteVersionAsync(new DeleteVersionRequest { Model = model, Version = version }, Headers);

    /// <summary>Asserts the call fails with exactly this code and message.</summary>
    public static async Task RefusedAsync(Func<Task> call, StatusCode code, string message)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal((code, message), (error.StatusCode, error.Status.Detail));
    }
}
