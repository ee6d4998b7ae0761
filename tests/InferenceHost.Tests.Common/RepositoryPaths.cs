namespace InferenceHost.Tests.Common;

/// <summary>Folders of this checkout, found from the test binaries upwards.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InferenceHost.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No InferenceHost.sln above {AppContext.BaseDirectory}");
    });

    public static string Root => RootPath.Value;

    /// <summary>The committed model repository (plus ResNet18, copied there by the build).</summary>
    public static string Models => Path.Combine(Root, "models");
}
