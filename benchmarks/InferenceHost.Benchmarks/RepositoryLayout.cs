using System.Reflection;

namespace InferenceHost.Benchmarks;

/// <summary>Where the repository, the built host and the model repository are, as this build saw them.</summary>
internal sealed record RepositoryLayout(string Root, string Configuration)
{
    public string ModelsDirectory => Path.Combine(Root, "models");

    public string SiloAssembly => Path.Combine(Root, "src", "InferenceHost.Silo", "bin", Configuration, "net10.0", "InferenceHost.Silo.dll");

    public string PlainServerAssembly => Path.Combine(Root, "benchmarks", "InferenceHost.PlainServer", "bin", Configuration, "net10.0", "InferenceHost.PlainServer.dll");

    public string DefaultResultsPath => Path.Combine(Root, "benchmarks", "RESULTS.md");

    public string DefaultScaleOutPath => Path.Combine(Root, "benchmarks", "SCALEOUT.md");

    public string DefaultGpuPath => Path.Combine(Root, "benchmarks", "GPU.md");

    public string ModelPath(string model) => Path.Combine(ModelsDirectory, model, "1", "model.onnx");

    /// <summary>
    /// Copies <paramref name="model"/>'s folder (every version, its config) into <paramref name="repository"/>, a model
    /// repository of the caller's with only that model; returns the copy's folder.
    /// </summary>
    public string CopyModel(string model, string repository)
    {
        var source = Path.Combine(ModelsDirectory, model);
        var target = Path.Combine(repository, model);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    public static RepositoryLayout FromBuild()
    {
        var metadata = typeof(RepositoryLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .ToDictionary(attribute => attribute.Key, attribute => attribute.Value, StringComparer.Ordinal);
        return new RepositoryLayout(
            metadata.GetValueOrDefault("RepoRoot") ?? throw new InvalidOperationException("the build recorded no RepoRoot"),
            metadata.GetValueOrDefault("Configuration") ?? "Release");
    }

    /// <exception cref="FileNotFoundException">The host or a model is missing; the message says how to build it.</exception>
    public void EnsureBuilt(IEnumerable<string> models)
    {
        const string Build = "build it with `dotnet build -c {0} benchmarks/InferenceHost.Benchmarks` (which builds the host and the plain server and copies ResNet18)";
        foreach (var path in models.Select(ModelPath).Prepend(PlainServerAssembly).Prepend(SiloAssembly))
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"{path} is missing: " + string.Format(null, Build, Configuration), path);
            }
        }
    }
}
