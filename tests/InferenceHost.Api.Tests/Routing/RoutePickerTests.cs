using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Api.Routing;

namespace InferenceHost.Api.Tests.Routing;

public sealed class RoutePickerTests
{
    private static RouteHints NoHints => default;

    [Fact]
    public void Pick_EightyTwentySplit_TwentyThousandDrawsLandWithinOnePointFivePoints()
    {
        var table = RouteTables.BlueWithCanary(20);
        var random = new SeededRandomSource(20_000);
        var canary = 0;

        for (var i = 0; i < 20_000; i++)
        {
            var decision = RoutePicker.Pick(table, NoHints, random);
            Assert.Equal(RouteReasons.Weighted, decision.Reason);
            canary += decision.Slot == SlotNames.Canary ? 1 : 0;
        }

        Assert.InRange(canary / 200.0, 18.5, 21.5);
    }

    [Fact]
    public void Pick_EveryHint_UrlBeatsPinBeatsStickyBeatsWeighted()
    {
        var table = RouteTables.AllSlots();
        var random = new SeededRandomSource(1);

        Assert.Equal(
            new RouteDecision("3", SlotNames.Green, RouteReasons.Url, 7),
            RoutePicker.Pick(table, new RouteHints("3", SlotNames.Canary, "key"), random));
        Assert.Equal(
            new RouteDecision("2", SlotNames.Canary, RouteReasons.Pinned, 7),
            RoutePicker.Pick(table, new RouteHints(null, SlotNames.Canary, "key"), random));
        Assert.Equal(RouteReasons.Sticky, RoutePicker.Pick(table, new RouteHints(null, null, "key"), random).Reason);
        Assert.Equal(RouteReasons.Weighted, RoutePicker.Pick(table, NoHints, random).Reason);
    }

    [Fact]
    public void Pick_PinnedStandbyWithWeightZero_ServesIt()
    {
        var decision = RoutePicker.Pick(RouteTables.AllSlots(), new RouteHints(null, SlotNames.Green, null), new SeededRandomSource(1));

        Assert.Equal(new RouteDecision("3", SlotNames.Green, RouteReasons.Pinned, 7), decision);
    }

    [Fact]
    public void Pick_UrlVersionInNoSlot_ReportsSlotNone()
    {
        var decision = RoutePicker.Pick(RouteTables.BlueWithCanary(20), new RouteHints("3", null, null), new SeededRandomSource(1));

        Assert.Equal(new RouteDecision("3", RouteSlots.None, RouteReasons.Url, 7), decision);
    }

    [Fact]
    public void Pick_SameKey_AlwaysLandsOnTheSameVersion()
    {
        var table = RouteTables.BlueWithCanary(20);
        var seen = new HashSet<string>();
        for (var k = 0; k < 1000; k++)
        {
            var hints = new RouteHints(null, null, $"user-{k}");
            var first = RoutePicker.Pick(table, hints, new SeededRandomSource(k));
            for (var seed = 0; seed < 10; seed++)
            {
                Assert.Equal(first, RoutePicker.Pick(table, hints, new SeededRandomSource(seed)));
            }

            seen.Add(first.Version!);
        }

        Assert.Equal(["1", "2"], seen.Order());
    }

    [Fact]
    public void Pick_RaisingCanaryFromTwentyToFifty_MovesKeysOnlyToTheCanary()
    {
        var before = RouteTables.BlueWithCanary(20, revision: 1);
        var after = RouteTables.BlueWithCanary(50, revision: 2);
        var random = new SeededRandomSource(1);
        int canaryBefore = 0, canaryAfter = 0, moved = 0;

        for (var k = 0; k < 10_000; k++)
        {
            var hints = new RouteHints(null, null, $"customer:{k}");
            var was = RoutePicker.Pick(before, hints, random).Slot;
            var now = RoutePicker.Pick(after, hints, random).Slot;

            Assert.False(was == SlotNames.Canary && now != SlotNames.Canary, $"key customer:{k} left the canary");
            canaryBefore += was == SlotNames.Canary ? 1 : 0;
            canaryAfter += now == SlotNames.Canary ? 1 : 0;
            moved += was != now ? 1 : 0;
        }

        Assert.InRange(canaryBefore / 100.0, 18.5, 21.5);
        Assert.InRange(canaryAfter / 100.0, 48.5, 51.5);
        Assert.Equal(canaryAfter - canaryBefore, moved);
    }

    [Theory]
    [InlineData("", "x-inference-slot is empty; use blue, green or canary")]
    [InlineData("purple", "x-inference-slot 'purple' is not a serving slot; use blue, green or canary")]
    [InlineData("Blue", "x-inference-slot 'Blue' is not a serving slot; use blue, green or canary")]
    [InlineData("shadow", "x-inference-slot 'shadow' is not a serving slot; use blue, green or canary")]
    [InlineData("green", "x-inference-slot 'green': model 'iris-mlp' has no version in that slot (revision 7)")]
    public void Pick_BadOrEmptyPinnedSlot_IsInvalidInputSayingWhy(string pinned, string message)
    {
        var error = Assert.Throws<InferenceException>(
            () => RoutePicker.Pick(RouteTables.BlueWithCanary(20), new RouteHints(null, pinned, null), new SeededRandomSource(1)));

        Assert.Equal((InferenceErrorKind.InvalidInput, message), (error.Kind, error.Message));
    }

    [Fact]
    public void Pick_RevisionZero_LeavesTheDefaultVersionToTheDirectory()
    {
        var initial = RouteTable.Initial(RouteTables.Model);
        var random = new SeededRandomSource(1);

        Assert.Equal(new RouteDecision(null, RouteSlots.Default, RouteReasons.Default, 0), RoutePicker.Pick(initial, NoHints, random));
        Assert.Equal(new RouteDecision(null, RouteSlots.Default, RouteReasons.Default, 0), RoutePicker.Pick(initial, new RouteHints(null, null, "k"), random));
        Assert.Equal(new RouteDecision("2", RouteSlots.Default, RouteReasons.Url, 0), RoutePicker.Pick(initial, new RouteHints("2", null, null), random));
    }

    [Fact]
    public void Pick_EmptyRoutingKey_IsAWeightedDraw()
    {
        var decision = RoutePicker.Pick(RouteTables.BlueWithCanary(20), new RouteHints(null, null, string.Empty), new SeededRandomSource(1));

        Assert.Equal(RouteReasons.Weighted, decision.Reason);
    }

    [Fact]
    public void Pick_CanaryAtFullWeight_TakesEveryKeyAndDraw()
    {
        var table = RouteTables.Of(new Deployment(new SlotAssignment("1", 0), null, new SlotAssignment("2", 100), ServingSlot.Blue, null));
        var random = new SeededRandomSource(3);

        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal("2", RoutePicker.Pick(table, NoHints, random).Version);
            Assert.Equal("2", RoutePicker.Pick(table, new RouteHints(null, null, $"k{i}"), random).Version);
        }
    }

    [Fact]
    public void Pick_StickyAndWeighted_AllocateNothing()
    {
        var table = RouteTables.AllSlots();
        var random = new SeededRandomSource(5);
        var sticky = new RouteHints(null, null, "a-routing-key-of-moderate-length-0123456789");
        var longKey = new RouteHints(null, null, new string('k', 1000));
        RoutePicker.Pick(table, sticky, random);
        RoutePicker.Pick(table, longKey, random);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            RoutePicker.Pick(table, sticky, random);
            RoutePicker.Pick(table, NoHints, random);
            RoutePicker.Pick(table, longKey, random);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void StickyPoint_IsInTheUnitIntervalAndStable()
    {
        var point = RoutePicker.StickyPoint("user-42");

        Assert.True(point is >= 0 and < 1, $"{point} is outside [0, 1)");
        Assert.Equal(point, RoutePicker.StickyPoint(new string(['u', 's', 'e', 'r', '-', '4', '2'])));
        Assert.NotEqual(point, RoutePicker.StickyPoint("user-43"));
    }

    [Theory]
    [InlineData(0, "2", 0)]
    [InlineData(100, "2", 1000)]
    [InlineData(100, "3", 0)]
    public void PickShadow_DrawsAtThePercentAndNeverMirrorsAVersionToItself(int percent, string served, int expected)
    {
        var deployment = Deployment.Single("2") with { Shadow = new ShadowAssignment("3", percent) };
        var random = new SeededRandomSource(9);
        var mirrored = 0;

        for (var i = 0; i < 1000; i++)
        {
            mirrored += RoutePicker.PickShadow(deployment, served, random) is "3" ? 1 : 0;
        }

        Assert.Equal(expected, mirrored);
    }

    [Fact]
    public void PickShadow_TenPercent_MirrorsAboutOneInTen()
    {
        var deployment = Deployment.Single("1") with { Shadow = new ShadowAssignment("2", 10) };
        var random = new SeededRandomSource(11);
        var mirrored = 0;

        for (var i = 0; i < 20_000; i++)
        {
            mirrored += RoutePicker.PickShadow(deployment, "1", random) is null ? 0 : 1;
        }

        Assert.InRange(mirrored / 200.0, 8.5, 11.5);
    }
}
