namespace InferenceHost.Api.Routing;

/// <summary>
/// Names of the routing headers. Requests may carry <see cref="Slot"/> and <see cref="RoutingKey"/>
/// (HTTP headers, gRPC metadata); responses carry the others (HTTP headers; gRPC response
/// parameters and trailers under the same names).
/// </summary>
public static class RoutingHeaders
{
    /// <summary>Request: pins a serving slot (<c>blue</c>, <c>green</c>, <c>canary</c>). Response: the slot that served.</summary>
    public const string Slot = "x-inference-slot";

    /// <summary>Request: the sticky routing key; equal keys land on the same version while the weights allow.</summary>
    public const string RoutingKey = "x-routing-key";

    /// <summary>Response: the version that served.</summary>
    public const string ModelVersion = "x-model-version";

    /// <summary>Response: why that version was chosen, one of <see cref="RouteReasons"/>.</summary>
    public const string Reason = "x-route-reason";

    /// <summary>Response: the route table revision the choice was made on.</summary>
    public const string Revision = "x-route-revision";
}
