using InferenceHost.Benchmarks.Hosting;
using InferenceHost.Benchmarks.Load;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.Targets;

/// <summary>
/// Everything that runs one model: the raw baseline, one target per host client mode (the host
/// pinned to version 1 by the URL) and, at the workload's comparison concurrency, the other servers.
/// </summary>
internal sealed class ModelTargets : IAsyncDisposable
{
    private ModelTargets(ModelWorkload workload, ILoadTarget raw, IReadOnlyList<ILoadTarget> host, IReadOnlyList<ILoadTarget> compared)
    {
        Workload = workload;
        Raw = raw;
        Host = host;
        Compared = compared;
    }

    public ModelWorkload Workload { get; }

    public ILoadTarget Raw { get; }

    /// <summary>The host's modes, in the order a forward round measures them.</summary>
    public IReadOnlyList<ILoadTarget> Host { get; }

    /// <summary>The other servers, measured after the host's modes at the comparison concurrency only.</summary>
    public IReadOnlyList<ILoadTarget> Compared { get; }

    public static ModelTargets Create(ModelWorkload workload, string modelPath, BenchmarkServers servers)
    {
        var host = servers.Host;
        const string Version = ModelWorkload.Version;
        var compared = new List<ILoadTarget>();
        if (workload.ComparisonConcurrency is not null)
        {
            compared.AddRange(
            [
                new HttpInferTarget(TargetModes.SplitHttpJson, host.HttpAddress, workload.Model, null, new JsonInferEncoding(workload), host),
                new GrpcRawTarget(TargetModes.SplitGrpcRaw, host.GrpcAddress, workload, null, host),
                new GrpcRawTarget(TargetModes.NoTelemetryGrpcRaw, servers.HostWithoutTelemetry.GrpcAddress, workload, Version, servers.HostWithoutTelemetry),
                new GrpcRawTarget(TargetModes.BatchingGrpcRaw, servers.HostWithBatching.GrpcAddress, workload, Version, servers.HostWithBatching),
                new HttpInferTarget(TargetModes.PlainHttpJson, servers.Plain.HttpAddress, workload.Model, Version, new JsonInferEncoding(workload), servers.Plain),
                new GrpcRawTarget(TargetModes.PlainGrpcRaw, servers.Plain.GrpcAddress, workload, Version, servers.Plain),
            ]);
            if (servers.Nginx is { } nginx)
            {
                compared.Add(new HttpInferTarget(TargetModes.NginxHttpJson, nginx.HttpAddress, workload.Model, Version, new JsonInferEncoding(workload), nginx));
            }

            if (servers.Ceiling is { } ceiling)
            {
                compared.AddRange(
                [
                    new HttpInferTarget(TargetModes.CeilingHttpBinary, ceiling.HttpAddress, workload.Model, Version, new BinaryInferEncoding(workload), ceiling),
                    new GrpcRawTarget(TargetModes.CeilingGrpcRaw, ceiling.GrpcAddress, workload, Version, ceiling),
                ]);
            }
        }

        List<ILoadTarget> hostModes =
        [
            new HttpInferTarget(TargetModes.HttpJson, host.HttpAddress, workload.Model, Version, new JsonInferEncoding(workload), host),
            new HttpInferTarget(TargetModes.HttpBinary, host.HttpAddress, workload.Model, Version, new BinaryInferEncoding(workload), host),
            new GrpcRawTarget(TargetModes.GrpcRaw, host.GrpcAddress, workload, Version, host),
        ];
        if (workload.OnCuda)
        {
            // A large tensor per request: one HTTP/2 connection carrying every stream may bound gRPC where HTTP/1.1's
            // connection per worker does not, so the GPU cells measure gRPC from several connections too.
            hostModes.Add(new GrpcRawTarget(TargetModes.GrpcRawEightConnections, host.GrpcAddress, workload, Version, host, channelCount: 8));
        }

        return new(workload, new RawOnnxTarget(modelPath, workload), hostModes, compared);
    }

    /// <summary>The targets measured between the two raw windows of a cell, in forward order.</summary>
    public IReadOnlyList<ILoadTarget> At(int concurrency) =>
        concurrency == Workload.ComparisonConcurrency ? [.. Host, .. Compared] : Host;

    /// <summary>Asks every host and compared target once and compares its answer with the raw one (<see cref="AnswerCheck"/>).</summary>
    /// <exception cref="InvalidOperationException">A target's answer differs from the raw answer.</exception>
    public Task EnsureHostAgreesWithRawAsync(CancellationToken cancellationToken) =>
        AnswerCheck.EnsureAgreeWithRawAsync(Workload, Raw, Host.Concat(Compared), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var target in Host.Concat(Compared).Prepend(Raw))
        {
            await target.DisposeAsync();
        }
    }
}
