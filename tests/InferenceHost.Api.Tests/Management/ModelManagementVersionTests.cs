using System.Net;
using Grpc.Core;
using InferenceHost.Api.Management.Protocol;
using InferenceHost.Api.Tests.Admin.Versions;
using InferenceHost.Api.Tests.Hosting;
using InferenceHost.ModelBuilder;

namespace InferenceHost.Api.Tests.Management;

/// <summary>
/// The gRPC management service's version RPCs on the real host over a repository of its own: a chunked upload
/// becomes a version that serves over HTTP; a refused one changes nothing. Version ids are this class's own (4x).
/// </summary>
[Collection(VersionsHostCollection.Name)]
public sealed class ModelManagementVersionTests(VersionsHostFixture host)
{
    private const string Iris = IrisMlpReference.ModelName;

    private ManagementClient Management { get; } = new(host, VersionsHostFixture.Token);

    [Fact]
    public async Task UploadVersion_CopyInChunks_IsReadyListedAndServes()
    {
        var file = VersionRequests.SampleModel(Iris, 2);

        var uploaded = await Management.UploadVersionAsync(Iris, "41", file, chunkSize: file.Length / 3);

        AssertReady(uploaded, "41");
        AssertReady(await Management.GetVersionAsync(Iris, "41"), "41");
        var inferred = await HttpAssert.OkJsonAsync(await VersionRequests.InferIrisAsync(host.Http, "41"));
        Assert.Equal("41", inferred.GetProperty("model_version").GetString());
        Assert.Equal("[2]", inferred.GetProperty("outputs").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "label").GetProperty("data").GetRawText());
        Assert.Empty(host.StagedUploads());
    }

    [Fact]
    public async Task UploadVersion_Garbage_IsInvalidArgumentWithTheRestMessageAndChangesNothing()
    {
        var error = await Assert.ThrowsAsync<RpcException>(
            () => Management.UploadVersionAsync(Iris, "42", "this is not an ONNX model"u8.ToArray(), chunkSize: 8));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("ONNX Runtime cannot load the uploaded file: ", error.Status.Detail, StringComparison.Ordinal);
        await AssertAbsentAsync("42");
    }

    [Fact]
    public async Task UploadVersion_OverTheLimit_IsResourceExhaustedAndChangesNothing()
    {
        await ManagementClient.RefusedAsync(
            () => Management.UploadVersionAsync(Iris, "43", new byte[VersionsHostFixture.MaxUploadBytes + 1], chunkSize: 4096),
            StatusCode.ResourceExhausted,
            $"the uploaded file exceeds the limit of {VersionsHostFixture.MaxUploadBytes} bytes");
        await AssertAbsentAsync("43");
    }

    [Fact]
    public async Task UploadVersion_NoToken_IsUnauthenticatedAndChangesNothing()
    {
        var anonymous = new ManagementClient(host, token: null);

        await ManagementClient.RefusedAsync(
            () => anonymous.UploadVersionAsync(Iris, "44", VersionRequests.SampleModel(Iris, 2), chunkSize: 256),
            StatusCode.Unauthenticated,
            "missing bearer token");
        await AssertAbsentAsync("44");
    }

    [Fact]
    public async Task UploadVersion_ExistingVersion_IsFailedPreconditionWithTheRestMessage()
    {
        await ManagementClient.RefusedAsync(
            () => Management.UploadVersionAsync(Iris, "1", VersionRequests.SampleModel(Iris, 2), chunkSize: 256),
            StatusCode.FailedPrecondition,
            "model 'iris-mlp' already has version '1'; delete it first or upload under another id");
        Assert.Empty(host.StagedUploads());
    }

    [Fact]
    public async Task DeleteVersion_Uploaded_IsGoneEverywhere()
    {
        AssertReady(await Management.UploadVersionAsync(Iris, "45", VersionRequests.SampleModel(Iris, 3), chunkSize: 200), "45");

        await Management.DeleteVersionAsync(Iris, "45");

        await AssertAbsentAsync("45");
        await ManagementClient.RefusedAsync(() => Management.DeleteVersionAsync(Iris, "45"), StatusCode.NotFound, "model 'iris-mlp' has no version '45'");
    }

    private static void AssertReady(VersionStatusResponse status, string version)
    {
        Assert.Equal((Iris, version, true), (status.Model, status.Version, status.Ready));
        var silo = Assert.Single(status.Silos);
        Assert.Equal((VersionState.Ready, ""), (silo.State, silo.Reason));
        Assert.NotEmpty(silo.Silo);
    }

    /// <summary>Not known to GetVersion, no folder, not served, nothing staged.</summary>
    private async Task AssertAbsentAsync(string version)
    {
        await ManagementClient.RefusedAsync(
            () => Management.GetVersionAsync(Iris, version), StatusCode.NotFound, $"model 'iris-mlp' has no version '{version}'");
        Assert.False(Directory.Exists(host.VersionFolder(Iris, version)));
        Assert.Equal(HttpStatusCode.NotFound, (await VersionRequests.InferIrisAsync(host.Http, version)).StatusCode);
        Assert.Empty(host.StagedUploads());
    }
}
