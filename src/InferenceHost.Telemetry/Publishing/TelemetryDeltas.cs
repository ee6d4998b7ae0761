using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Telemetry.Publishing;

/// <summary>Merges a delta that could not be sent into the next one, so nothing recorded is lost to a failed send.</summary>
public static class TelemetryDeltas
{
    /// <summary>
    /// One delta holding both: counts added per (version, slot), the newer time, and the served answers
    /// of both, the newest <paramref name="maxServed"/> kept so a long outage holds bounded memory.
    /// </summary>
    public static TelemetryDelta Merge(TelemetryDelta older, TelemetryDelta newer, int maxServed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxServed);
        var slots = new List<SlotTelemetry>(older.Slots.Count + newer.Slots.Count);
        var positions = new Dictionary<(string Version, string Slot), int>();
        foreach (var slot in older.Slots.Concat(newer.Slots))
        {
            if (positions.TryGetValue((slot.Version, slot.Slot), out var position))
            {
                slots[position] = slots[position] with { Counts = slots[position].Counts.Merge(slot.Counts) };
            }
            else
            {
                positions[(slot.Version, slot.Slot)] = slots.Count;
                slots.Add(slot);
            }
        }

        var served = older.Served.Concat(newer.Served).ToList();
        if (served.Count > maxServed)
        {
            served.RemoveRange(0, served.Count - maxServed);
        }

        return new TelemetryDelta(newer.Silo, newer.At, slots, served) { RecordedFrom = older.RecordedFrom ?? older.At };
    }
}
