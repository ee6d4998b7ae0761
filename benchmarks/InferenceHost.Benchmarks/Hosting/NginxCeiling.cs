using System.Globalization;

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>
/// The measurement ceiling: NGINX answering every request with the host's <see cref="RecordedAnswer"/>, over
/// HTTP/1.1 (binary extension) and over gRPC (HTTP/2 without TLS), a static file each, without looking at
/// the request. The load generator does all it does against a real server while the server does next to
/// nothing, so this is the most throughput this machine and load generator can measure for any server.
/// </summary>
internal sealed class NginxCeiling(ServerProcess nginx, Uri httpAddress, Uri grpcAddress) : IServerProbe, IChildServer
{
    public Uri HttpAddress { get; } = httpAddress;

    public Uri GrpcAddress { get; } = grpcAddress;

    public TimeSpan CpuTime => nginx.CpuTime;

    public static async Task<NginxCeiling> StartAsync(
        string executable, string prefix, RecordedAnswer answer, string? serverCpus, CancellationToken cancellationToken)
    {
        var answers = Path.Combine(prefix, "answers");
        Directory.CreateDirectory(answers);
        await File.WriteAllBytesAsync(Path.Combine(answers, "http.answer"), answer.HttpBinaryBody, cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(answers, "grpc.answer"), answer.GrpcFrame, cancellationToken);
        var ports = FreePorts.Take(2);
        var http = new Uri($"http://127.0.0.1:{ports[0]}/");
        var process = await NginxConfig.StartAsync(
            "nginx-ceiling", executable, prefix, Config(answers, ports[0], ports[1], answer.HttpBinaryHeaderLength), serverCpus, new Uri(http, "v2/health/ready"), cancellationToken);
        return new NginxCeiling(process, http, new Uri($"http://127.0.0.1:{ports[1]}/"));
    }

    public Task<ServerSample> SampleAsync(CancellationToken cancellationToken) => Task.FromResult(new ServerSample(nginx.CpuTime, 0));

    public ValueTask DisposeAsync() => nginx.DisposeAsync();

    // NGINX serves static files to GET only: a POST gets 405, which error_page turns into the file with a 200.
    private static string Config(string answers, int httpPort, int grpcPort, int headerLength) => string.Create(CultureInfo.InvariantCulture, $$"""
            root {{answers}};
            open_file_cache max=16;
            etag off;
            server {
                listen 127.0.0.1:{{httpPort}} backlog=4096;
                keepalive_requests 100000000;
                default_type application/octet-stream;
                location / { rewrite ^ /http.answer last; }
                location = /http.answer {
                    add_header Inference-Header-Content-Length {{headerLength}} always;
                    error_page 405 =200 $uri;
                }
            }
            server {
                listen 127.0.0.1:{{grpcPort}} http2 backlog=4096;
                keepalive_requests 100000000;
                default_type application/grpc;
                location / { rewrite ^ /grpc.answer last; }
                location = /grpc.answer {
                    add_trailer grpc-status 0 always;
                    error_page 405 =200 $uri;
                }
            }
        """);
}
