namespace InferenceHost.ModelBuilder.Tests;

public sealed class SampleModelWriterTests : IDisposable
{
    private readonly DirectoryInfo first = Directory.CreateTempSubdirectory("modelbuilder-a-");
    private readonly DirectoryInfo second = Directory.CreateTempSubdirectory("modelbuilder-b-");

    [Fact]
    public void WriteAll_TwiceIntoFreshDirectories_WritesIdenticalBytes()
    {
        var a = SampleModelWriter.WriteAll(first.FullName);
        var b = SampleModelWriter.WriteAll(second.FullName);

        Assert.Equal(a.Select(p => Path.GetRelativePath(first.FullName, p)), b.Select(p => Path.GetRelativePath(second.FullName, p)));
        Assert.All(a.Zip(b), pair => Assert.Equal(File.ReadAllBytes(pair.First), File.ReadAllBytes(pair.Second)));
    }

    [Fact]
    public void WriteAll_FreshBuild_MatchesCommittedModels()
    {
        var written = SampleModelWriter.WriteAll(first.FullName);

        Assert.All(written, path =>
        {
            var committed = Path.Combine(RepoPaths.Models, Path.GetRelativePath(first.FullName, path));
            Assert.True(File.Exists(committed), $"{committed} is missing; run: dotnet run --project src/InferenceHost.ModelBuilder -- models");
            Assert.True(
                File.ReadAllBytes(path).AsSpan().SequenceEqual(File.ReadAllBytes(committed)),
                $"{committed} is stale; run: dotnet run --project src/InferenceHost.ModelBuilder -- models");
        });
    }

    [Fact]
    public void WriteAll_EveryModel_StaysSmall()
    {
        var written = SampleModelWriter.WriteAll(first.FullName);

        Assert.Equal(5, written.Count);
        Assert.All(written, path => Assert.InRange(new FileInfo(path).Length, 1, 4096));
    }

    public void Dispose()
    {
        first.Delete(recursive: true);
        second.Delete(recursive: true);
    }
}
