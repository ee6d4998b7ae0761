using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Grains.Telemetry;
using Xunit;

namespace InferenceHost.Grains.Tests.Telemetry;

public sealed class ServedRequestIndexTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Add_PastCapacity_ForgetsTheOldestFirst()
    {
        var index = new ServedRequestIndex(capacity: 2, TimeSpan.FromHours(1));

        index.Add(Served("a", Start), Start);
        index.Add(Served("b", Start), Start);
        index.Add(Served("c", Start), Start);

        Assert.False(index.TryGet("a", Start, out _, out _));
        Assert.True(index.TryGet("b", Start, out _, out _));
        Assert.True(index.TryGet("c", Start, out _, out _));
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void TryGet_PastRetention_IsExpired()
    {
        var index = new ServedRequestIndex(capacity: 10, TimeSpan.FromMinutes(5));
        index.Add(Served("old", Start), Start);
        index.Add(Served("new", Start.AddMinutes(4)), Start.AddMinutes(4));

        Assert.False(index.TryGet("old", Start.AddMinutes(6), out _, out _));
        Assert.True(index.TryGet("new", Start.AddMinutes(6), out var served, out _));
        Assert.Equal("new", served.Id);
    }

    [Fact]
    public void Add_ReusedId_NamesTheNewestRequestAndSurvivesTheOldSlot()
    {
        var index = new ServedRequestIndex(capacity: 2, TimeSpan.FromHours(1));
        index.Add(Served("x", Start, "1"), Start);
        index.Add(Served("x", Start, "2"), Start);
        index.Add(Served("y", Start), Start);

        Assert.True(index.TryGet("x", Start, out var served, out _));
        Assert.Equal("2", served.Version);
        Assert.True(index.TryGet("y", Start, out _, out _));
    }

    [Fact]
    public void MarkLabelled_IsRemembered()
    {
        var index = new ServedRequestIndex(capacity: 2, TimeSpan.FromHours(1));
        index.Add(Served("a", Start), Start);

        index.MarkLabelled("a");

        Assert.True(index.TryGet("a", Start, out _, out var labelled));
        Assert.True(labelled);
    }

    private static ServedPrediction Served(string id, DateTimeOffset at, string version = "1") =>
        new(id, version, "blue", OutputKind.Classifier, [0], at);
}
