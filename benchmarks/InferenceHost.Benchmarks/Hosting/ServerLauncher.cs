namespace InferenceHost.Benchmarks.Hosting;

/// <summary>Starts the host, the plain server, the NGINXs and Redis as child processes on free loopback ports.</summary>
internal sealed class ServerLauncher(RepositoryLayout layout, string? serverCpus, string scratch)
{
    /// <summary>The host over <paramref name="modelsDirectory"/>, with a state folder of its own and <paramref name="settings"/> added.</summary>
    public async Task<DotnetServer> StartHostAsync(string name, string modelsDirectory, string adminToken, IEnumerable<string> settings, CancellationToken cancellationToken)
    {
        var ports = HostPorts.Free();
        string[] arguments =
        [
            layout.SiloAssembly,
            "--InferenceHost:Endpoints:ListenAddress=127.0.0.1",
            $"--InferenceHost:Endpoints:HttpPort={ports.Http}",
            $"--InferenceHost:Endpoints:GrpcPort={ports.Grpc}",
            $"--InferenceHost:Cluster:SiloPort={ports.Silo}",
            $"--InferenceHost:Cluster:GatewayPort={ports.Gateway}",
            $"--InferenceHost:Inference:RepositoryPath={modelsDirectory}",
            $"--InferenceHost:Storage:Path={Path.Combine(scratch, name, "state")}",
            $"--InferenceHost:Admin:Token={adminToken}",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];

        // The host reads appsettings.json from its working directory.
        var http = new Uri($"http://127.0.0.1:{ports.Http}/");
        var process = await ServerProcess.StartAsync(
            name, "dotnet", arguments, Path.GetDirectoryName(layout.SiloAssembly)!, serverCpus, new Uri(http, "v2/health/ready"), cancellationToken);
        return new DotnetServer(process, http, new Uri($"http://127.0.0.1:{ports.Grpc}/"), HostMetrics.AllocatedBytesAsync);
    }

    /// <summary>
    /// One silo of the cluster <paramref name="clusterId"/>, joined through <paramref name="redis"/> with its grain state
    /// there too: the settings deploy/local-cluster.sh gives its silos, on this run's free ports.
    /// </summary>
    public Task<DotnetServer> StartSiloAsync(
        string name, string modelsDirectory, string adminToken, RedisServer redis, string clusterId, CancellationToken cancellationToken) =>
        StartHostAsync(
            name,
            modelsDirectory,
            adminToken,
            [
                "--InferenceHost:Cluster:Mode=Redis",
                $"--InferenceHost:Cluster:RedisConnectionString={redis.ConnectionString}",
                $"--InferenceHost:Cluster:ClusterId={clusterId}",
                $"--InferenceHost:Cluster:ServiceId={clusterId}",
                "--InferenceHost:Cluster:AdvertisedAddress=127.0.0.1",
                "--InferenceHost:Storage:Mode=Redis",
            ],
            cancellationToken);

    /// <summary>The plain ASP.NET Core + ONNX Runtime server with one model, version 1.</summary>
    public async Task<DotnetServer> StartPlainAsync(string name, string model, CancellationToken cancellationToken)
    {
        var ports = HostPorts.Free();
        string[] arguments =
        [
            layout.PlainServerAssembly,
            $"--PlainServer:HttpPort={ports.Http}",
            $"--PlainServer:GrpcPort={ports.Grpc}",
            $"--PlainServer:Models:{model}={layout.ModelPath(model)}",
            "--Logging:LogLevel:Default=Warning",
        ];
        var http = new Uri($"http://127.0.0.1:{ports.Http}/");
        var process = await ServerProcess.StartAsync(
            name, "dotnet", arguments, Path.GetDirectoryName(layout.PlainServerAssembly)!, serverCpus, new Uri(http, "v2/health/ready"), cancellationToken);
        return new DotnetServer(process, http, new Uri($"http://127.0.0.1:{ports.Grpc}/"), DotnetServer.PlainAllocatedBytesAsync);
    }

    /// <summary>NGINX splitting 80/20 over two plain servers; null (with the reason) when <c>nginx</c> is not on PATH.</summary>
    public async Task<NginxSplit?> StartNginxAsync(DotnetServer first, DotnetServer second, CancellationToken cancellationToken) =>
        ExecutablePath.Find("nginx") is { } nginx
            ? await NginxSplit.StartAsync(nginx, Path.Combine(scratch, "nginx"), first, second, serverCpus, cancellationToken)
            : null;

    /// <summary>NGINX replaying <paramref name="answer"/> (<see cref="NginxCeiling"/>); null when <c>nginx</c> is not on PATH.</summary>
    public async Task<NginxCeiling?> StartNginxCeilingAsync(RecordedAnswer answer, CancellationToken cancellationToken) =>
        ExecutablePath.Find("nginx") is { } nginx
            ? await NginxCeiling.StartAsync(nginx, Path.Combine(scratch, "nginx-ceiling"), answer, serverCpus, cancellationToken)
            : null;

    /// <summary>redis-server on a free port, in a folder of its own under the run's scratch folder.</summary>
    public Task<RedisServer> StartRedisAsync(CancellationToken cancellationToken) =>
        RedisServer.StartAsync(Path.Combine(scratch, "redis"), serverCpus, cancellationToken);
}
