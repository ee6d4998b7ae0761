namespace InferenceHost.Grains.Placement;

/// <summary>Places a grain on the silo its key names (<see cref="KeyedSiloPlacementDirector"/>).</summary>
[Serializable, GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class KeyedSiloPlacement : PlacementStrategy
{
    internal static readonly KeyedSiloPlacement Instance = new();
}
