using System.Globalization;

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>
/// The ingress-canary setup users run today: NGINX sending a random 80% of requests to one plain
/// server and 20% to the other (<c>split_clients</c> on the request id), keep-alive to both, one process
/// (<see cref="NginxConfig"/>). HTTP only: gRPC through NGINX is not measured.
/// </summary>
internal sealed class NginxSplit(ServerProcess nginx, Uri httpAddress, DotnetServer first, DotnetServer second) : IServerProbe, IChildServer
{
    public const int FirstPercent = 80;

    public Uri HttpAddress { get; } = httpAddress;

    /// <summary>NGINX alone: each plain server behind it is a child server of its own.</summary>
    public TimeSpan CpuTime => nginx.CpuTime;

    public static async Task<NginxSplit> StartAsync(
        string executable, string prefix, DotnetServer first, DotnetServer second, string? serverCpus, CancellationToken cancellationToken)
    {
        var port = FreePorts.Take(1)[0];
        var http = new Uri($"http://127.0.0.1:{port}/");
        var process = await NginxConfig.StartAsync(
            "nginx", executable, prefix, Config(port, first.HttpAddress, second.HttpAddress), serverCpus, new Uri(http, "v2/health/ready"), cancellationToken);
        return new NginxSplit(process, http, first, second);
    }

    public async Task<ServerSample> SampleAsync(CancellationToken cancellationToken) =>
        new ServerSample(nginx.CpuTime, 0) + await first.SampleAsync(cancellationToken) + await second.SampleAsync(cancellationToken);

    public ValueTask DisposeAsync() => nginx.DisposeAsync();

    private static string Config(int port, Uri first, Uri second) => string.Create(CultureInfo.InvariantCulture, $$"""
            upstream first { server {{first.Authority}}; keepalive 128; }
            upstream second { server {{second.Authority}}; keepalive 128; }
            split_clients "${request_id}" $backend {
                {{FirstPercent}}% first;
                * second;
            }
            server {
                listen 127.0.0.1:{{port}};
                keepalive_requests 1000000;
                location / {
                    proxy_pass http://$backend;
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                }
            }
        """);
}
