using InferenceHost.Abstractions.Routing;

namespace InferenceHost.Api.Tests.Routing;

/// <summary>Route tables for picker tests: blue is active unless said otherwise.</summary>
internal static class RouteTables
{
    public const string Model = "iris-mlp";

    public static RouteTable Of(Deployment deployment, long revision = 7) =>
        new(Model, revision, deployment, DateTimeOffset.UnixEpoch, "test");

    /// <summary>Blue on version 1 and a canary on version 2, with the canary's weight.</summary>
    public static RouteTable BlueWithCanary(int canaryWeight, long revision = 7) => Of(
        new Deployment(new SlotAssignment("1", 100 - canaryWeight), null, new SlotAssignment("2", canaryWeight), ServingSlot.Blue, null),
        revision);

    /// <summary>Every slot filled: blue 1 (active, 80), green 3 (standby, 0), canary 2 (20).</summary>
    public static RouteTable AllSlots() => Of(
        new Deployment(new SlotAssignment("1", 80), new SlotAssignment("3", 0), new SlotAssignment("2", 20), ServingSlot.Blue, null));
}
