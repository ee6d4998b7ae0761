namespace InferenceHost.Api.Routing;

/// <summary>Why a request went to its version, as <see cref="RoutingHeaders.Reason"/> says it; in order of precedence.</summary>
public static class RouteReasons
{
    /// <summary>The URL named the version (<c>/v2/models/{m}/versions/{v}/infer</c>).</summary>
    public const string Url = "url";

    /// <summary>The request pinned a slot with <see cref="RoutingHeaders.Slot"/>.</summary>
    public const string Pinned = "pinned";

    /// <summary>The request's routing key hashed into a slot's share.</summary>
    public const string Sticky = "sticky";

    /// <summary>A random draw by the slots' weights.</summary>
    public const string Weighted = "weighted";

    /// <summary>Nothing was ever deployed (revision 0): the model's default (highest ready) version served.</summary>
    public const string Default = "default";
}
