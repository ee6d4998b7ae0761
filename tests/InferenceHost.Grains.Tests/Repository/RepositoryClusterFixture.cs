using InferenceHost.Inference;
using InferenceHost.ModelBuilder;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Xunit;

namespace InferenceHost.Grains.Tests.Repository;

/// <summary>
/// A real two-silo cluster over a model repository of its own under the temp folder (a copy of <c>iris-mlp</c>, and
/// <c>dtype-echo</c>, whose policy serves only its latest version, with its one version as <see cref="EchoVersion"/>),
/// so uploads and deletions never touch <c>models/</c>. Shared: both silos read the same folder, as silos on a
/// shared volume do; split: each silo has its own copy, so a version can be on one silo and not the other.
/// Rescans run every second, so healing is quick to observe.
/// </summary>
public abstract class RepositoryClusterFixture(bool shared) : IAsyncLifetime
{
    public const string Model = IrisMlpReference.ModelName;

    public const string Echo = DtypeEchoReference.ModelName;

    /// <summary>The one version of <see cref="Echo"/> at start.</summary>
    public const string EchoVersion = "5";

    private const string RepositoryKey = "Tests:Repository:";

    private readonly string _root = Path.Combine(Path.GetTempPath(), $"InferenceHost.Grains.Tests-{Guid.NewGuid():N}");

    public TestCluster Cluster { get; private set; } = null!;

    /// <summary>The service provider of each silo, in silo order (the primary first).</summary>
    public IReadOnlyList<IServiceProvider> Silos { get; private set; } = [];

    /// <summary>The repository folder silo <paramref name="index"/> reads.</summary>
    public string RepositoryOf(int index) => Path.Combine(_root, shared ? "shared" : $"silo{index}");

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        foreach (var repository in new[] { RepositoryOf(0), RepositoryOf(1) }.Distinct())
        {
            CopyIris(repository);
            CopyEcho(repository);
        }

        builder.Properties[RepositoryKey + "Primary"] = RepositoryOf(0);
        builder.Properties[RepositoryKey + "Secondary_1"] = RepositoryOf(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        (Cluster, Silos) = await ClusterStart.DeployAsync(builder);
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Copies a committed iris-mlp version into silo <paramref name="index"/>'s repository as <paramref name="asVersion"/>.</summary>
    public void CopyVersion(int index, int version, string asVersion)
    {
        var target = Path.Combine(RepositoryOf(index), Model, asVersion, "model.onnx");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(SampleModelWriter.ModelPath(RepositoryPaths.Models, Model, version), target);
    }

    private static void CopyIris(string repository)
    {
        var source = Path.Combine(RepositoryPaths.Models, Model);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(repository, Model, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static void CopyEcho(string repository)
    {
        var folder = Directory.CreateDirectory(Path.Combine(repository, Echo, EchoVersion)).FullName;
        File.Copy(Path.Combine(RepositoryPaths.Models, Echo, "config.json"), Path.Combine(repository, Echo, "config.json"));
        File.Copy(SampleModelWriter.ModelPath(RepositoryPaths.Models, Echo, 1), Path.Combine(folder, "model.onnx"));
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var silo = siloBuilder.Configuration["Orleans:Name"];
            var repository = siloBuilder.Configuration[RepositoryKey + silo]
                ?? throw new InvalidOperationException($"the fixture names no repository for silo '{silo}'");
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(
                [
                    new($"{InferenceOptions.SectionName}:RepositoryPath", repository),
                    new($"{InferenceOptions.SectionName}:RescanInterval", "00:00:01"),
                ])
                .Build();
            siloBuilder.Services.AddOnnxInference(configuration).AddModelServing();
            siloBuilder.AddMemoryGrainStorage(GrainStorage.Name).UseInMemoryReminderService();
        }
    }
}

/// <summary>Both silos read one repository folder, as on a shared volume.</summary>
public sealed class SharedRepositoryClusterFixture() : RepositoryClusterFixture(shared: true);

/// <summary>Each silo reads a repository folder of its own.</summary>
public sealed class SplitRepositoryClusterFixture() : RepositoryClusterFixture(shared: false);
