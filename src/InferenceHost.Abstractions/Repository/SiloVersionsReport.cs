using InferenceHost.Abstractions.Models;

namespace InferenceHost.Abstractions.Repository;

/// <summary>Everything one silo's catalog holds, as of one catalog revision.</summary>
/// <param name="Silo">The reporting silo.</param>
/// <param name="Revision">The silo's catalog revision; a higher one replaces a lower one.</param>
/// <param name="Versions">Every version the silo holds and its state.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.SiloVersionsReport")]
public sealed record SiloVersionsReport(
    [property: Id(0)] SiloAddress Silo,
    [property: Id(1)] long Revision,
    [property: Id(2)] IReadOnlyList<ModelVersionStatus> Versions);
