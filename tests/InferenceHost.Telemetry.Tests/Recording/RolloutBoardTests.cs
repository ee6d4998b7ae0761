using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Telemetry.Publishing;

namespace InferenceHost.Telemetry.Tests.Recording;

public sealed class RolloutBoardTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Current_WithinExpiry_ShowsTheLatestPublishPerModel()
    {
        var time = new ManualTimeProvider(Start);
        var board = new RolloutBoard(time);

        board.Publish(Status("a", step: 0));
        board.Publish(Status("a", step: 1));
        board.Publish(Status("b", step: 2));

        Assert.Equal([("a", 1), ("b", 2)], board.Current().Select(s => (s.Model, s.Step)).Order());
    }

    [Fact]
    public void Current_NotRefreshedWithinExpiry_IsGone()
    {
        var time = new ManualTimeProvider(Start);
        var board = new RolloutBoard(time);
        board.Publish(Status("a", step: 0));
        time.Advance(RolloutBoard.Expiry / 2);
        board.Publish(Status("b", step: 0));

        time.Advance(RolloutBoard.Expiry / 2);

        Assert.Equal(["b"], board.Current().Select(s => s.Model));
    }

    private static RolloutStatus Status(string model, int step) => new(
        model,
        1,
        "2",
        "1",
        RolloutPhase.Canary,
        step,
        10,
        false,
        Start,
        Start,
        null,
        "tester",
        RolloutPolicyRules.Default,
        new RolloutDecision(1, Start, RolloutAction.Start, "tester", RolloutPhase.Canary, 10, "started", RolloutEvidence.None));
}
