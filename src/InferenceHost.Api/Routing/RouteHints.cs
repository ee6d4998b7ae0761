namespace InferenceHost.Api.Routing;

/// <summary>What a request says about where it should go, in order of precedence.</summary>
/// <param name="Version">The version the URL (or gRPC <c>model_version</c>) names; null when none.</param>
/// <param name="PinnedSlot">The <see cref="RoutingHeaders.Slot"/> header as sent; null when absent.</param>
/// <param name="RoutingKey">The sticky routing key (header, else request parameter); null or empty when none.</param>
public readonly record struct RouteHints(string? Version, string? PinnedSlot, string? RoutingKey);
