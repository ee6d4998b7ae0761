using Orleans.Placement;

namespace InferenceHost.Grains.Placement;

/// <summary>Marks a grain class whose activations go to the silo named by the key (<see cref="KeyedSiloPlacementDirector"/>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class KeyedSiloPlacementAttribute() : PlacementAttribute(KeyedSiloPlacement.Instance);
