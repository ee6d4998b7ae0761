using System.Globalization;

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>
/// The ingress-canary setup users run today: NGINX sending a random 80% of requests to one plain
/// server and 20% to the other (<c>split_clients</c> on the request id), keep-alive to both. One
/// process without a master (<c>master_process off</c>), so its CPU time is that of one process.
/// HTTP only: gRPC through NGINX is not measured.
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
        Directory.CreateDirectory(Path.Combine(prefix, "logs"));
        var port = FreePorts.Take(1)[0];
        var config = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(config, Config(prefix, port, first.HttpAddress, second.HttpAddress), cancellationToken);
        var http = new Uri($"http://127.0.0.1:{port}/");
        var process = await ServerProcess.StartAsync(
            "nginx", executable, ["-c", config, "-p", prefix + "/", "-g", "daemon off;"], prefix, serverCpus, new Uri(http, "v2/health/ready"), cancellationToken);
        return new NginxSplit(process, http, first, second);
    }

    public async Task<ServerSample> SampleAsync(CancellationToken cancellationToken) =>
        new ServerSample(nginx.CpuTime, 0) + await first.SampleAsync(cancellationToken) + await second.SampleAsync(cancellationToken);

    public ValueTask DisposeAsync() => nginx.DisposeAsync();

    private static string Config(string prefix, int port, Uri first, Uri second) => string.Create(CultureInfo.InvariantCulture, $$"""
        master_process off;
        worker_processes 1;
        error_log {{prefix}}/logs/error.log warn;
        pid {{prefix}}/nginx.pid;
        events { worker_connections 4096; }
        http {
            access_log off;
            client_body_temp_path {{prefix}}/body;
            proxy_temp_path {{prefix}}/proxy;
            fastcgi_temp_path {{prefix}}/fastcgi;
            uwsgi_temp_path {{prefix}}/uwsgi;
            scgi_temp_path {{prefix}}/scgi;
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
        }
        """);
}
