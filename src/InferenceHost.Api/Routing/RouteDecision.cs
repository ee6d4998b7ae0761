namespace InferenceHost.Api.Routing;

/// <summary>Which version serves a request, from which slot, and why.</summary>
/// <param name="Version">
/// The version; null only as <see cref="RoutePicker"/> returns it at revision 0, meaning the model's
/// default version, which <see cref="InferenceDispatcher"/> resolves and fills in.
/// </param>
/// <param name="Slot">
/// <c>blue</c>, <c>green</c> or <c>canary</c>; <see cref="RouteSlots.Default"/> at revision 0;
/// <see cref="RouteSlots.None"/> for a URL version that no serving slot holds.
/// </param>
/// <param name="Reason">One of <see cref="RouteReasons"/>.</param>
/// <param name="Revision">The route table revision the decision was made on.</param>
public readonly record struct RouteDecision(string? Version, string Slot, string Reason, long Revision);
