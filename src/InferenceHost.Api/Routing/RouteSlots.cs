using InferenceHost.Abstractions.Routing;

namespace InferenceHost.Api.Routing;

/// <summary>
/// Slot names a response can report: the serving slots' <see cref="SlotNames"/>, plus two for a
/// version that no slot chose.
/// </summary>
public static class RouteSlots
{
    /// <summary>Nothing was ever deployed (revision 0): the model's default version served.</summary>
    public const string Default = "default";

    /// <summary>The URL named a version that no serving slot of the deployment holds.</summary>
    public const string None = "none";
}
