using InferenceHost.Benchmarks.Hosting;
using InferenceHost.Benchmarks.Load;
using InferenceHost.Benchmarks.Targets;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.ScaleOut;

/// <summary>
/// One protocol against every cluster: a round-robin target per cluster, the smallest first (the baseline
/// the others are divided by). Requests name version 1 in the URL (or <c>model_version</c>), as the
/// comparison's host modes do.
/// </summary>
internal sealed class ScaleOutCell(string protocol, IReadOnlyList<RoundRobinTarget> clusters) : IAsyncDisposable
{
    /// <summary>The client mode, one of <see cref="TargetModes"/>.</summary>
    public string Protocol => protocol;

    /// <summary>One target per cluster, from the smallest.</summary>
    public IReadOnlyList<RoundRobinTarget> Clusters => clusters;

    public RoundRobinTarget Baseline => clusters[0];

    /// <summary>gRPC with <c>raw_input_contents</c> and HTTP JSON, each against every cluster.</summary>
    public static IReadOnlyList<ScaleOutCell> All(ModelWorkload workload, IReadOnlyList<SiloCluster> clusters) =>
    [
        Create(TargetModes.GrpcRaw, clusters, (mode, silo) => new GrpcRawTarget(mode, silo.GrpcAddress, workload, ModelWorkload.Version, silo)),
        Create(TargetModes.HttpJson, clusters, (mode, silo) =>
            new HttpInferTarget(mode, silo.HttpAddress, workload.Model, ModelWorkload.Version, new JsonInferEncoding(workload), silo)),
    ];

    /// <summary>The mode a cluster's row has in the report: "grpc-raw, 2 silos".</summary>
    public static string Mode(string protocol, int silos) => $"{protocol}, {silos} silo{(silos == 1 ? string.Empty : "s")}";

    public async ValueTask DisposeAsync()
    {
        foreach (var cluster in clusters)
        {
            await cluster.DisposeAsync();
        }
    }

    private static ScaleOutCell Create(string protocol, IReadOnlyList<SiloCluster> clusters, Func<string, DotnetServer, ILoadTarget> toSilo) => new(
        protocol,
        clusters.Select(cluster =>
        {
            var mode = Mode(protocol, cluster.Silos.Count);
            return new RoundRobinTarget(mode, cluster.Silos.Select(silo => toSilo($"{mode} ({silo.Name})", silo)).ToList(), cluster);
        }).ToList());
}
