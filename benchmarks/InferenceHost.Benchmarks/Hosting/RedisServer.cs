using System.Net;
using System.Net.Sockets;

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>
/// redis-server (the Debian package) on a free loopback port, working in a folder of the run's and
/// persisting nothing, as the clustered-mode tests start it; disposing it kills it.
/// </summary>
internal sealed class RedisServer(ServerProcess process, int port) : IChildServer
{
    public const string Executable = "redis-server";

    /// <summary>What <c>InferenceHost:Cluster:RedisConnectionString</c> takes.</summary>
    public string ConnectionString { get; } = $"127.0.0.1:{port}";

    public TimeSpan CpuTime => process.CpuTime;

    /// <exception cref="InvalidOperationException">redis-server is not on PATH, or did not answer PING.</exception>
    public static async Task<RedisServer> StartAsync(string directory, string? serverCpus, CancellationToken cancellationToken)
    {
        var executable = ExecutablePath.Find(Executable)
            ?? throw new InvalidOperationException($"{Executable} is not on PATH (Debian: apt-get install redis-server)");
        Directory.CreateDirectory(directory);
        var port = FreePorts.Take(1)[0];
        string[] arguments = ["--port", $"{port}", "--bind", "127.0.0.1", "--dir", directory, "--save", string.Empty, "--appendonly", "no"];
        var process = await ServerProcess.StartAsync("redis", executable, arguments, directory, serverCpus, token => AnswersPingAsync(port, token), cancellationToken);
        return new RedisServer(process, port);
    }

    public ValueTask DisposeAsync() => process.DisposeAsync();

    private static async Task<bool> AnswersPingAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var answer = new byte[16];
            var read = await stream.ReadAsync(answer, cancellationToken);
            return answer.AsSpan(0, read).StartsWith("+PONG"u8);
        }
        catch (Exception exception) when ((exception is SocketException or IOException) && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
