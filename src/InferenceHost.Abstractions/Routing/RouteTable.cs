namespace InferenceHost.Abstractions.Routing;

/// <summary>
/// An immutable, revisioned snapshot of a model's deployment, published by its router grain and
/// cached by every silo. A higher <see cref="Revision"/> always wins.
/// </summary>
/// <param name="Model">Model name.</param>
/// <param name="Revision">Grows by one with every change; 0 means nothing was ever deployed.</param>
/// <param name="Deployment">What serves; null at revision 0, when the model's default (highest ready) version serves.</param>
/// <param name="ChangedAt">When this revision was made.</param>
/// <param name="ChangedBy">Who made it.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.RouteTable")]
public sealed record RouteTable(
    [property: Id(0)] string Model,
    [property: Id(1)] long Revision,
    [property: Id(2)] Deployment? Deployment,
    [property: Id(3)] DateTimeOffset ChangedAt,
    [property: Id(4)] string ChangedBy)
{
    public static RouteTable Initial(string model) => new(model, 0, null, DateTimeOffset.UnixEpoch, "nobody");
}
