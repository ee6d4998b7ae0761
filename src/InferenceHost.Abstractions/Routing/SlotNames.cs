namespace InferenceHost.Abstractions.Routing;

/// <summary>Slot names as they appear on the wire: headers, JSON and the CLI.</summary>
public static class SlotNames
{
    public const string Blue = "blue";
    public const string Green = "green";
    public const string Canary = "canary";
    public const string Shadow = "shadow";

    public static string Of(ServingSlot slot) => slot switch
    {
        ServingSlot.Blue => Blue,
        ServingSlot.Green => Green,
        ServingSlot.Canary => Canary,
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, null),
    };

    public static bool TryParse(string? name, out ServingSlot slot)
    {
        (var known, slot) = name switch
        {
            Blue => (true, ServingSlot.Blue),
            Green => (true, ServingSlot.Green),
            Canary => (true, ServingSlot.Canary),
            _ => (false, default),
        };
        return known;
    }
}
