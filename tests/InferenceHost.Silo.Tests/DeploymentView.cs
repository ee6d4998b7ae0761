using System.Text.Json;

namespace InferenceHost.Silo.Tests;

/// <summary>
/// A deployment as <c>/admin/v1</c> returns it, reduced to what a version-less request's routing
/// depends on: the revision and the serving slots that hold a version.
/// </summary>
public sealed record DeploymentView(long Revision, IReadOnlyDictionary<string, (string Version, int Weight)> Slots)
{
    public static DeploymentView From(JsonElement deployment)
    {
        var slots = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        foreach (var slot in deployment.GetProperty("slots").EnumerateObject())
        {
            if (slot.Value.ValueKind != JsonValueKind.Null)
            {
                slots[slot.Name] = (slot.Value.GetProperty("version").GetString()!, slot.Value.GetProperty("weight").GetInt32());
            }
        }

        return new DeploymentView(deployment.GetProperty("revision").GetInt64(), slots);
    }

    /// <summary>
    /// Whether this table can have served <paramref name="response"/> to a request that named no
    /// version or slot: a slot holding the served version with a weight above 0 was drawn, or,
    /// with nothing deployed, the model's default version served.
    /// </summary>
    public bool Explains(ServedResponse response, string defaultVersion) =>
        Slots.Count == 0
            ? response is { Slot: "default", Reason: "default" } && response.Version == defaultVersion
            : response.Reason == "weighted"
              && response.Slot is { } slot
              && Slots.TryGetValue(slot, out var held)
              && held.Version == response.Version
              && held.Weight > 0;
}
