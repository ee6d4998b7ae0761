using InferenceHost.Tests.Common;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace InferenceHost.Silo.Tests.Placement;

/// <summary>
/// Two silos clustered through a real Redis, as a CPU node and a node that can serve every version: the
/// first silo's repository asks for the GPU for iris-mlp version 3 (<c>"device": "gpu"</c>), which no silo on
/// this machine has, so the version is UNAVAILABLE there; the second silo's repository runs it on the CPU.
/// </summary>
public sealed class GpuOnlyVersionClusterFixture : IAsyncLifetime
{
    public const string Model = "iris-mlp";

    public const string GpuOnlyVersion = "3";

    private readonly RedisServerFixture _redis = new();
    private readonly string _cpuNodeRepository = Path.Combine(Path.GetTempPath(), $"inferencehost-cpu-node-{Guid.NewGuid():N}");

    /// <summary>The silo that cannot serve <see cref="GpuOnlyVersion"/> and forwards it.</summary>
    public RedisSiloFixture CpuNode { get; private set; } = null!;

    /// <summary>The silo that serves every version.</summary>
    public RedisSiloFixture ServingNode { get; private set; } = null!;

    public static string AddressOf(RedisSiloFixture silo) => silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();

    public async Task InitializeAsync()
    {
        CopyModel(Path.Combine(RepositoryPaths.Models, Model), Path.Combine(_cpuNodeRepository, Model));
        await File.WriteAllTextAsync(Path.Combine(_cpuNodeRepository, Model, GpuOnlyVersion, "config.json"), """{"device": "gpu"}""");
        await _redis.InitializeAsync();
        var cluster = $"test-{Guid.NewGuid():N}";
        ServingNode = new RedisSiloFixture(_redis.ConnectionString, cluster, cluster);
        await ServingNode.InitializeAsync();
        CpuNode = new RedisSiloFixture(_redis.ConnectionString, cluster, cluster, [$"--InferenceHost:Inference:RepositoryPath={_cpuNodeRepository}"]);
        await CpuNode.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            await CpuNode.DisposeAsync();
            await ServingNode.DisposeAsync();
        }
        finally
        {
            await _redis.DisposeAsync();
            Directory.Delete(_cpuNodeRepository, recursive: true);
        }
    }

    private static void CopyModel(string source, string target)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }
}
