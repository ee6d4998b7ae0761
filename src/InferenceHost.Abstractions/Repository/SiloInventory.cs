using InferenceHost.Abstractions.Models;

namespace InferenceHost.Abstractions.Repository;

/// <summary>One active silo as the cluster sees it: its accelerator and the state and device of every version it holds.</summary>
/// <param name="Silo">The silo, as <c>host:port@generation</c>.</param>
/// <param name="Name">Its configured name; null until it reports.</param>
/// <param name="Accelerator">Its accelerator; null until it reports.</param>
/// <param name="ReportedAt">When it last reported; null when it has not yet.</param>
/// <param name="Versions">Every version it holds, in model then version order.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.SiloInventory")]
public sealed record SiloInventory(
    [property: Id(0)] string Silo,
    [property: Id(1)] string? Name,
    [property: Id(2)] SiloAccelerator? Accelerator,
    [property: Id(3)] DateTimeOffset? ReportedAt,
    [property: Id(4)] IReadOnlyList<ModelVersionStatus> Versions);
