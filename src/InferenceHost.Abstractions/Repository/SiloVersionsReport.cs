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
    [property: Id(2)] IReadOnlyList<ModelVersionStatus> Versions)
{
    /// <summary>The silo's name as configured (Orleans' <c>SiloName</c>), for people reading the cluster view.</summary>
    [Id(3)]
    public string? Name { get; init; }

    /// <summary>What accelerator the silo has, so operators see where GPU models can run.</summary>
    [Id(4)]
    public SiloAccelerator? Accelerator { get; init; }

    /// <summary>The signature of every ready version, so silos that cannot serve one can decode its requests and forward them here.</summary>
    [Id(5)]
    public IReadOnlyList<ModelVersionInfo> Ready { get; init; } = [];

    /// <summary>When the silo sent it.</summary>
    [Id(6)]
    public DateTimeOffset ReportedAt { get; init; }
}
