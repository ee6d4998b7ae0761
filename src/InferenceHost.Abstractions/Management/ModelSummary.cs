using InferenceHost.Abstractions.Models;

namespace InferenceHost.Abstractions.Management;

/// <summary>A model as the operator lists it.</summary>
/// <param name="Name">Model name.</param>
/// <param name="Versions">Its versions and their status on the silo that answered, in version order.</param>
/// <param name="Revision">Its deployment's revision; 0 when nothing was ever deployed (the highest ready version serves).</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.ModelSummary")]
public sealed record ModelSummary(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<ModelVersionStatus> Versions,
    [property: Id(2)] long Revision);
