namespace InferenceHost.ModelBuilder.Tests;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Models => Path.Combine(Root, "models");

    public static string Model(string name, int version) => SampleModelWriter.ModelPath(Models, name, version);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InferenceHost.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No InferenceHost.sln above {AppContext.BaseDirectory}.");
    }
}
