using System.Buffers;
using System.IO.Hashing;
using System.Text;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Routing;

namespace InferenceHost.Api.Routing;

/// <summary>
/// Picks the version for one request from a route table: the URL's version, else a pinned slot,
/// else the sticky key's slot, else a weighted draw. Pure and allocation-free; randomness comes in.
/// </summary>
/// <remarks>
/// Sticky keys and draws are points in [0, 1) laid out as the canary's share first, then the
/// standby colour's, then the active colour's. Raising the canary weight only widens its
/// interval from 0, so a key can move to the canary as it grows but never away from it.
/// </remarks>
public static class RoutePicker
{
    private const int StackKeyBytes = 256;

    /// <exception cref="InferenceException">The pinned slot is unknown, empty, or holds no version (InvalidInput).</exception>
    public static RouteDecision Pick(RouteTable table, in RouteHints hints, IRandomSource random)
    {
        var deployment = table.Deployment;
        if (hints.Version is { } version)
        {
            return new RouteDecision(version, SlotHolding(deployment, version), RouteReasons.Url, table.Revision);
        }

        if (hints.PinnedSlot is { } pinned)
        {
            var slot = ParsePin(pinned);
            return deployment?[slot] is { } assignment
                ? new RouteDecision(assignment.Version, SlotNames.Of(slot), RouteReasons.Pinned, table.Revision)
                : throw InferenceException.InvalidInput(
                    $"{RoutingHeaders.Slot} '{pinned}': model '{table.Model}' has no version in that slot (revision {table.Revision})");
        }

        if (deployment is null)
        {
            return new RouteDecision(null, RouteSlots.Default, RouteReasons.Default, table.Revision);
        }

        return hints.RoutingKey is { Length: > 0 } key
            ? Place(table, deployment, StickyPoint(key), RouteReasons.Sticky)
            : Place(table, deployment, random.NextDouble(), RouteReasons.Weighted);
    }

    /// <summary>The shadow version to mirror a request to, drawn at the shadow's percent; null for none.</summary>
    /// <remarks>A request served by the shadow version itself is never mirrored: the pair would compare a version with itself.</remarks>
    public static string? PickShadow(Deployment? deployment, string servedVersion, IRandomSource random) =>
        deployment?.Shadow is { Percent: > 0 } shadow
        && !string.Equals(shadow.Version, servedVersion, StringComparison.Ordinal)
        && random.NextDouble() * 100 < shadow.Percent
            ? shadow.Version
            : null;

    /// <summary>A routing key's point in [0, 1): XxHash3 of its UTF-8 bytes, top 53 bits.</summary>
    public static double StickyPoint(string key)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(key.Length);
        byte[]? rented = null;
        var buffer = maxBytes <= StackKeyBytes ? stackalloc byte[StackKeyBytes] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var length = Encoding.UTF8.GetBytes(key, buffer);
            return (XxHash3.HashToUInt64(buffer[..length]) >> 11) * (1.0 / (1UL << 53));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static RouteDecision Place(RouteTable table, Deployment deployment, double point, string reason)
    {
        var percent = point * 100;
        var canary = deployment.Canary?.Weight ?? 0;
        var slot = percent < canary ? ServingSlot.Canary
            : percent < canary + (deployment[deployment.Standby]?.Weight ?? 0) ? deployment.Standby
            : deployment.Active;
        var assignment = deployment[slot]
            ?? throw InferenceException.Unavailable($"model '{table.Model}' has no version in its active slot (revision {table.Revision})");
        return new RouteDecision(assignment.Version, SlotNames.Of(slot), reason, table.Revision);
    }

    /// <summary>The slot a URL's version is in, the active colour first, then the canary, then standby.</summary>
    private static string SlotHolding(Deployment? deployment, string version)
    {
        if (deployment is null)
        {
            return RouteSlots.Default;
        }

        return Holds(deployment[deployment.Active], version) ? SlotNames.Of(deployment.Active)
            : Holds(deployment.Canary, version) ? SlotNames.Canary
            : Holds(deployment[deployment.Standby], version) ? SlotNames.Of(deployment.Standby)
            : RouteSlots.None;
    }

    private static bool Holds(SlotAssignment? assignment, string version) =>
        assignment is not null && string.Equals(assignment.Version, version, StringComparison.Ordinal);

    private static ServingSlot ParsePin(string pinned)
    {
        if (pinned.Length == 0)
        {
            throw InferenceException.InvalidInput($"{RoutingHeaders.Slot} is empty; use {SlotNames.Blue}, {SlotNames.Green} or {SlotNames.Canary}");
        }

        return SlotNames.TryParse(pinned, out var slot)
            ? slot
            : throw InferenceException.InvalidInput(
                $"{RoutingHeaders.Slot} '{pinned}' is not a serving slot; use {SlotNames.Blue}, {SlotNames.Green} or {SlotNames.Canary}");
    }
}
