using System.Globalization;

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>
/// What every NGINX the run starts shares: one process without a master (<c>master_process off</c>), so its CPU
/// time is that of one process; its files under <c>prefix</c>; no access log.
/// </summary>
internal static class NginxConfig
{
    /// <summary>A whole configuration around <paramref name="http"/>, the body of its <c>http</c> block.</summary>
    public static string Around(string prefix, string http) => string.Create(CultureInfo.InvariantCulture, $$"""
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
        {{http}}
        }
        """);

    /// <summary>Writes the configuration to <c>prefix/nginx.conf</c> and starts NGINX on it, ready once <paramref name="readyUri"/> answers.</summary>
    public static async Task<ServerProcess> StartAsync(
        string name, string executable, string prefix, string http, string? serverCpus, Uri readyUri, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(prefix, "logs"));
        var config = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(config, Around(prefix, http), cancellationToken);
        return await ServerProcess.StartAsync(name, executable, ["-c", config, "-p", prefix + "/", "-g", "daemon off;"], prefix, serverCpus, readyUri, cancellationToken);
    }
}
