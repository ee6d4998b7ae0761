namespace InferenceHost.Cli.Admin;

/// <summary>The slot names the API uses.</summary>
internal static class SlotNames
{
    public const string Blue = "blue";

    public const string Green = "green";

    public const string Canary = "canary";

    public const string Shadow = "shadow";

    /// <summary>The slots that serve requests, in the order tables list them.</summary>
    public static IReadOnlyList<string> Serving { get; } = [Blue, Green, Canary];

    public static bool IsColour(string name) => name is Blue or Green;
}
