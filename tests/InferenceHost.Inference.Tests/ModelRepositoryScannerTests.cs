using InferenceHost.Inference.Repository;
using InferenceHost.ModelBuilder;

namespace InferenceHost.Inference.Tests;

public sealed class ModelRepositoryScannerTests : IDisposable
{
    private readonly TempRepository _repository = new();

    [Fact]
    public void Scan_NoVersionPolicy_LoadsOnlyNumericallyHighestVersion()
    {
        CopyIrisAs(1, 2, 10);

        var source = Assert.Single(_repository.Scan());

        Assert.Equal(TestModels.Iris, source.Model);
        Assert.Equal("10", source.Version);
        Assert.Equal(_repository.ModelPath(TestModels.Iris, 10), source.ModelPath);
        Assert.Null(source.ConfigError);
    }

    [Fact]
    public void Scan_LatestTwo_LoadsTwoHighestVersionsAscending()
    {
        CopyIrisAs(1, 2, 10);
        _repository.WriteConfig(TestModels.Iris, """{ "version_policy": { "latest": 2 } }""");

        Assert.Equal(["2", "10"], _repository.Scan().Select(s => s.Version));
    }

    [Fact]
    public void Scan_LatestMoreThanPresent_LoadsEveryVersion()
    {
        CopyIrisAs(1, 2);
        _repository.WriteConfig(TestModels.Iris, """{ "version_policy": { "latest": 5 } }""");

        Assert.Equal(["1", "2"], _repository.Scan().Select(s => s.Version));
    }

    [Fact]
    public void Scan_AllVersions_LoadsEveryVersionAscending()
    {
        CopyIrisAs(10, 1, 2);
        _repository.WriteConfig(TestModels.Iris, """{ "version_policy": { "all": true } }""");

        var sources = _repository.Scan();

        Assert.Equal(["1", "2", "10"], sources.Select(s => s.Version));
        Assert.All(sources, s => Assert.Null(s.ConfigError));
    }

    [Fact]
    public void Scan_SpecificVersionThatIsMissing_ReportsItWithReason()
    {
        CopyIrisAs(1, 2, 3);
        _repository.WriteConfig(TestModels.Iris, """{ "version_policy": { "specific": ["7", "1"] } }""");

        var sources = _repository.Scan();

        Assert.Equal(["1", "7"], sources.Select(s => s.Version));
        Assert.Null(sources[0].ConfigError);
        Assert.Equal("version_policy lists version 7, which the repository does not hold", sources[1].ConfigError);
    }

    [Fact]
    public void Scan_NonNumericAndZeroVersionFolders_SkippedAndReported()
    {
        CopyIrisAs(1);
        var latest = _repository.CreateFolder(TestModels.Iris, "latest");
        var zero = _repository.CreateFolder(TestModels.Iris, "0");
        var skipped = new List<(string Path, string Why)>();

        var source = Assert.Single(ModelRepositoryScanner.Scan(_repository.Root, (path, why) => skipped.Add((path, why))));

        Assert.Equal("1", source.Version);
        Assert.Equal([zero, latest], skipped.Select(s => s.Path).Order(StringComparer.Ordinal));
        Assert.All(skipped, s => Assert.Equal("version folders are named by positive integers", s.Why));
    }

    [Fact]
    public void Scan_BadModelNames_SkippedAndReported()
    {
        CopyIrisAs(1);
        var spaced = _repository.CreateFolder("two words", "1");
        var skipped = new List<(string Path, string Why)>();

        var source = Assert.Single(ModelRepositoryScanner.Scan(_repository.Root, (path, why) => skipped.Add((path, why))));

        Assert.Equal(TestModels.Iris, source.Model);
        Assert.Equal((Path.GetDirectoryName(spaced), "model names use letters, digits, '-', '_' and '.'"), Assert.Single(skipped));
    }

    [Fact]
    public void Scan_DotFolders_PassedOverSilently()
    {
        CopyIrisAs(1);
        _repository.CreateFolder(".hidden", "1");
        _repository.CreateFolder(ModelRepositoryScanner.StagingFolderName, Guid.NewGuid().ToString("N"));
        _repository.CreateFolder(TestModels.Iris, ".2-copying");
        var skipped = new List<(string Path, string Why)>();

        var source = Assert.Single(ModelRepositoryScanner.Scan(_repository.Root, (path, why) => skipped.Add((path, why))));

        Assert.Equal(TestModels.Iris, source.Model);
        Assert.Empty(skipped);
    }

    [Fact]
    public void ScanModel_OneModel_IsWhatTheWholeScanChoseForIt()
    {
        CopyIrisAs(1);
        CopyIrisAs(2);
        _repository.CopyModel(TestModels.DtypeEcho, 1);

        Assert.Equal(
            _repository.Scan().Where(s => s.Model == TestModels.Iris),
            ModelRepositoryScanner.ScanModel(_repository.Root, TestModels.Iris));
        Assert.Empty(ModelRepositoryScanner.ScanModel(_repository.Root, "no-such-model"));
    }

    [Theory]
    [InlineData("""{ "version_policy": { "all": true } }""", "5", new[] { "2", "3", "5" })]
    [InlineData("""{ "version_policy": { "latest": 2 } }""", "5", new[] { "3", "5" })]
    [InlineData("""{ "version_policy": { "latest": 1 } }""", "1", new[] { "3" })]
    [InlineData("""{ "version_policy": { "specific": ["2"] } }""", "5", new[] { "2" })]
    public void Candidate_NewVersion_KnowsWhatThePolicyServesWithIt(string config, string version, string[] served)
    {
        CopyIrisAs(2, 3);
        _repository.WriteConfig(TestModels.Iris, config);

        var candidate = ModelRepositoryScanner.Candidate(_repository.Root, TestModels.Iris, version, "/staged/model.onnx");

        Assert.Equal(served, candidate.ServedAfter);
        Assert.Equal(served.Contains(version), candidate.IsServed);
        Assert.Equal((TestModels.Iris, version, "/staged/model.onnx", null), (candidate.Source.Model, candidate.Source.Version, candidate.Source.ModelPath, candidate.Source.ConfigError));
        Assert.NotNull(candidate.Source.Config.VersionPolicy);
    }

    [Fact]
    public void Scan_MalformedModelConfig_EveryVersionCarriesErrorNamingTheFile()
    {
        CopyIrisAs(1, 2);
        var configPath = _repository.WriteConfig(TestModels.Iris, """{ "version_policy": { "all": true }, """);

        var sources = _repository.Scan();

        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.StartsWith($"{configPath}: ", s.ConfigError, StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_MalformedVersionConfig_OnlyThatVersionCarriesError()
    {
        CopyIrisAs(1, 2);
        _repository.WriteConfig(TestModels.Iris, """{ "version_policy": { "all": true } }""");
        var configPath = _repository.WriteVersionConfig(TestModels.Iris, 2, "not json");

        var sources = _repository.Scan();

        Assert.Null(sources[0].ConfigError);
        Assert.StartsWith($"{configPath}: ", sources[1].ConfigError, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_VersionFolderWithoutModelFile_CarriesErrorNamingTheFolder()
    {
        CopyIrisAs(1);
        var empty = _repository.CreateFolder(TestModels.Iris, "2");

        var source = Assert.Single(_repository.Scan());

        Assert.Equal("2", source.Version);
        Assert.Equal($"{empty} has no model.onnx", source.ConfigError);
    }

    [Fact]
    public void Scan_VersionConfig_OverridesModelConfigForThatVersionOnly()
    {
        CopyIrisAs(1, 2);
        _repository.WriteConfig(TestModels.Iris, """{ "max_batch_size": 64, "device": "cpu", "version_policy": { "all": true } }""");
        _repository.WriteVersionConfig(TestModels.Iris, 2, """{ "max_batch_size": 8 }""");

        var sources = _repository.Scan();

        Assert.Equal([64, 8], sources.Select(s => s.Config.MaxBatchSize));
        Assert.All(sources, s => Assert.Equal(Execution.DevicePreference.Cpu, s.Config.Device));
    }

    [Fact]
    public void Scan_MissingRepository_ThrowsDirectoryNotFound()
    {
        var missing = Path.Combine(_repository.Root, "nowhere");

        var error = Assert.Throws<DirectoryNotFoundException>(() => ModelRepositoryScanner.Scan(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _repository.Dispose();

    private void CopyIrisAs(params int[] versions)
    {
        foreach (var version in versions)
        {
            _repository.CopyModel(IrisMlpReference.ModelName, 1, version);
        }
    }
}
