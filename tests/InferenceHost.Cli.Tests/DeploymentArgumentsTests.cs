using InferenceHost.Cli.Admin;
using InferenceHost.Cli.CommandLine;
using InferenceHost.Cli.Commands;

namespace InferenceHost.Cli.Tests;

public sealed class DeploymentArgumentsTests
{
    [Fact]
    public void Read_OneColourWithoutWeight_TakesWhatTheCanaryLeaves()
    {
        var desired = Read("--blue", "1", "--canary", "2:20");

        Assert.Equal(new DesiredDeployment("blue", new SlotSet(new("1", 80), null, new("2", 20)), null), desired);
    }

    [Fact]
    public void Read_BothColoursWithoutWeights_ActiveTakesTheRestStandbyZero()
    {
        var desired = Read("--blue", "1", "--green", "2", "--active", "green", "--shadow", "3:10");

        Assert.Equal(new DesiredDeployment("green", new SlotSet(new("1", 0), new("2", 100), null), new("3", 10)), desired);
    }

    [Fact]
    public void Read_OneColourWeighted_TheOtherTakesTheRest()
    {
        var desired = Read("--blue", "1:30", "--green", "2", "--canary", "3:20", "--active", "blue");

        Assert.Equal(new SlotSet(new("1", 30), new("2", 50), new("3", 20)), desired.Slots);
    }

    [Fact]
    public void Read_EveryWeightGiven_PassesThemOnForTheServerToJudge()
    {
        var desired = Read("--blue", "1:70", "--canary", "2:20");

        Assert.Equal(new SlotSet(new("1", 70), null, new("2", 20)), desired.Slots);
    }

    [Fact]
    public void Read_WeightsAbove100WithAColourOpen_IsAUsageError()
    {
        var error = Assert.Throws<UsageException>(() => Read("--blue", "1:90", "--green", "2", "--canary", "3:20", "--active", "blue"));

        Assert.Equal("the weights given add up to 110, leaving nothing for green", error.Message);
    }

    [Theory]
    [InlineData("give the active colour a version: --blue V[:W] or --green V[:W]", "--canary", "2:100")]
    [InlineData("--active must be blue or green, not 'canary'", "--blue", "1", "--active", "canary")]
    [InlineData("--blue must be V[:W] (e.g. 2 or 2:80), not '1:x'", "--blue", "1:x")]
    [InlineData("--shadow must be V:P (e.g. 2:20), not ':5'", "--blue", "1", "--shadow", ":5")]
    public void Read_Malformed_IsAUsageError(string message, params string[] args)
    {
        Assert.Equal(message, Assert.Throws<UsageException>(() => Read(args)).Message);
    }

    private static DesiredDeployment Read(params string[] args) =>
        DeploymentArguments.Read(ArgumentParser.Parse(args, GlobalOptions.FlagNames, GlobalOptions.Help.Name));
}
