namespace InferenceHost.Benchmarks.Hosting;

/// <summary>Finds a program on PATH, as the shell would, for the servers that come from Debian packages (nginx, redis-server).</summary>
internal static class ExecutablePath
{
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
