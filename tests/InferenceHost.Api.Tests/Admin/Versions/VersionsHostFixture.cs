using InferenceHost.ModelBuilder;
using InferenceHost.Tests.Common;

namespace InferenceHost.Api.Tests.Admin.Versions;

/// <summary>
/// The real host with an admin token over a model repository of its own under the temp folder (copies of
/// <c>iris-mlp</c> and <c>dtype-echo</c>), so uploads and deletions never touch <c>models/</c>. Uploads are
/// limited to <see cref="MaxUploadBytes"/>, so an oversized one is cheap.
/// </summary>
public sealed class VersionsHostFixture : InferenceHostFixture
{
    public const string Token = "versions-tests-token-0123456789";

    public const string Principal = "version-operator";

    /// <summary>Far above the sample models (under 1 KB each).</summary>
    public const long MaxUploadBytes = 16 * 1024;

    public string RepositoryPath { get; } = Path.Combine(Path.GetTempPath(), $"InferenceHost.Api.Tests.Versions-{Guid.NewGuid():N}");

    public AdminClient Admin => new(Http, Token);

    /// <summary>A client with any token, or none.</summary>
    public AdminClient AdminWithToken(string? token) => new(Http, token);

    public override async Task InitializeAsync()
    {
        CopyModel(IrisMlpReference.ModelName);
        CopyModel(DtypeEchoReference.ModelName);
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(RepositoryPath, recursive: true);
    }

    /// <summary>The version's folder in this host's repository.</summary>
    public string VersionFolder(string model, string version) => Path.Combine(RepositoryPath, model, version);

    /// <summary>The uploads waiting in the staging area (none once every request has finished).</summary>
    public string[] StagedUploads()
    {
        var staging = Path.Combine(RepositoryPath, ".staging");
        return Directory.Exists(staging) ? Directory.GetDirectories(staging) : [];
    }

    protected override IEnumerable<string> ExtraArguments() =>
    [
        $"--InferenceHost:Inference:RepositoryPath={RepositoryPath}",
        $"--InferenceHost:Admin:Token={Token}",
        $"--InferenceHost:Admin:Principal={Principal}",
        $"--InferenceHost:Admin:MaxUploadBytes={MaxUploadBytes}",
    ];

    private void CopyModel(string model)
    {
        var source = Path.Combine(RepositoryPaths.Models, model);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(RepositoryPath, model, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
