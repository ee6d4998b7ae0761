namespace InferenceHost.Cli.Admin;

/// <summary>The serving slots; a null slot holds no version.</summary>
internal sealed record SlotSet(SlotAssignment? Blue, SlotAssignment? Green, SlotAssignment? Canary)
{
    public SlotAssignment? this[string slot] => slot switch
    {
        SlotNames.Blue => Blue,
        SlotNames.Green => Green,
        SlotNames.Canary => Canary,
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "not a serving slot"),
    };

    /// <summary>The same slots with <paramref name="slot"/> replaced.</summary>
    public SlotSet With(string slot, SlotAssignment? assignment) => slot switch
    {
        SlotNames.Blue => this with { Blue = assignment },
        SlotNames.Green => this with { Green = assignment },
        SlotNames.Canary => this with { Canary = assignment },
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "not a serving slot"),
    };
}
