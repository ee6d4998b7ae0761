using System.Diagnostics;
using System.Net.Sockets;
using InferenceHost.Tests.Common;
using Xunit;

namespace InferenceHost.Silo.Tests;

/// <summary>
/// A real redis-server (the Debian package) on a free loopback port, started for the test run
/// and stopped after it, with nothing persisted to disk.
/// </summary>
public sealed class RedisServerFixture : IAsyncLifetime
{
    private Process? _server;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var port = FreePorts.Take(1)[0];
        var start = new ProcessStartInfo("redis-server", ["--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        try
        {
            _server = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("These tests need redis-server on PATH (Debian: apt-get install redis-server).", e);
        }

        ConnectionString = $"127.0.0.1:{port}";
        await Eventually.TrueAsync(() => Task.FromResult(Accepts(port)), TimeSpan.FromSeconds(20), $"redis-server on port {port}");
    }

    public Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill();
            _server.WaitForExit();
        }

        _server?.Dispose();
        return Task.CompletedTask;
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
