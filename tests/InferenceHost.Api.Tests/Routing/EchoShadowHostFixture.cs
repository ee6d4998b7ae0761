using System.Text.Json.Nodes;
using InferenceHost.ModelBuilder;
using InferenceHost.Tests.Common;

namespace InferenceHost.Api.Tests.Routing;

/// <summary>
/// A real host over a repository of its own holding <c>dtype-echo</c> twice, as versions 1 and 2, both served:
/// a model with inputs of any length and two versions, so one can shadow the other with large tensors.
/// </summary>
public sealed class EchoShadowHostFixture : InferenceHostFixture
{
    public string RepositoryPath { get; } = Path.Combine(Path.GetTempPath(), $"InferenceHost.Api.Tests-echo-{Guid.NewGuid():N}");

    public override async Task InitializeAsync()
    {
        var source = Path.Combine(RepositoryPaths.Models, DtypeEchoReference.ModelName);
        var target = Path.Combine(RepositoryPath, DtypeEchoReference.ModelName);
        Directory.CreateDirectory(target);
        // Its own config serves only the latest version; both are needed here.
        var config = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(source, "config.json")))!.AsObject();
        config["version_policy"] = JsonNode.Parse("""{"all": true}""");
        await File.WriteAllTextAsync(Path.Combine(target, "config.json"), config.ToJsonString());
        foreach (var version in new[] { "1", "2" })
        {
            Directory.CreateDirectory(Path.Combine(target, version));
            File.Copy(Path.Combine(source, "1", "model.onnx"), Path.Combine(target, version, "model.onnx"));
        }

        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(RepositoryPath, recursive: true);
    }

    protected override IEnumerable<string> ExtraArguments() => [$"--InferenceHost:Inference:RepositoryPath={RepositoryPath}"];
}

/// <summary>The host of <see cref="EchoShadowHostFixture"/>, shared by its tests.</summary>
[CollectionDefinition(Name)]
public sealed class EchoShadowHostCollection : ICollectionFixture<EchoShadowHostFixture>
{
    public const string Name = "Echo shadow host";
}
