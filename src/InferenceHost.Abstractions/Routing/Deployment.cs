namespace InferenceHost.Abstractions.Routing;

/// <summary>
/// What a model serves: a version per slot with weights, which colour is active, and an optional shadow.
/// Validated by <see cref="DeploymentRules"/>.
/// </summary>
/// <param name="Blue">The blue colour, if deployed.</param>
/// <param name="Green">The green colour, if deployed.</param>
/// <param name="Canary">The canary, if any.</param>
/// <param name="Active">The active colour (<see cref="ServingSlot.Blue"/> or <see cref="ServingSlot.Green"/>); the other is standby.</param>
/// <param name="Shadow">The shadow, if any.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.Deployment")]
public sealed record Deployment(
    [property: Id(0)] SlotAssignment? Blue,
    [property: Id(1)] SlotAssignment? Green,
    [property: Id(2)] SlotAssignment? Canary,
    [property: Id(3)] ServingSlot Active,
    [property: Id(4)] ShadowAssignment? Shadow)
{
    /// <summary>The assignment of a serving slot, or null when the slot is empty.</summary>
    public SlotAssignment? this[ServingSlot slot] => slot switch
    {
        ServingSlot.Blue => Blue,
        ServingSlot.Green => Green,
        ServingSlot.Canary => Canary,
        _ => null,
    };

    /// <summary>The colour that is not active.</summary>
    public ServingSlot Standby => Active == ServingSlot.Blue ? ServingSlot.Green : ServingSlot.Blue;

    /// <summary>A deployment that serves one version with all traffic on blue.</summary>
    public static Deployment Single(string version) => new(new SlotAssignment(version, 100), null, null, ServingSlot.Blue, null);
}
