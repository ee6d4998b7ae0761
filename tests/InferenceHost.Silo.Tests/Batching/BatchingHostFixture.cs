using System.Text.Json.Nodes;
using InferenceHost.ModelBuilder;
using InferenceHost.Tests.Common;

namespace InferenceHost.Silo.Tests.Batching;

/// <summary>
/// The host over a repository of its own: iris-mlp with dynamic batching on (a long queue delay and a preferred
/// size, so concurrent requests are batched), everything else as the sample config says.
/// </summary>
public sealed class BatchingHostFixture : InferenceHostFixture
{
    public const int PreferredBatchSize = 8;

    private readonly string _repository = Path.Combine(Path.GetTempPath(), $"InferenceHost.Silo.Tests-batching-{Guid.NewGuid():N}");

    public override Task InitializeAsync()
    {
        var source = Path.Combine(RepositoryPaths.Models, IrisMlpReference.ModelName);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_repository, IrisMlpReference.ModelName, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var configPath = Path.Combine(_repository, IrisMlpReference.ModelName, "config.json");
        var config = JsonNode.Parse(File.ReadAllText(configPath))!.AsObject();
        config["dynamic_batching"] = new JsonObject
        {
            ["max_queue_delay_microseconds"] = 20_000,
            ["preferred_batch_size"] = new JsonArray(PreferredBatchSize),
            ["max_queue_size"] = 1024,
        };
        File.WriteAllText(configPath, config.ToJsonString());
        return base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_repository, recursive: true);
    }

    protected override IEnumerable<string> ExtraArguments() => [$"--InferenceHost:Inference:RepositoryPath={_repository}"];
}
