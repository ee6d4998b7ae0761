using InferenceHost.Api.Dashboard;
using InferenceHost.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace InferenceHost.Api;

/// <summary>Maps the operator dashboard.</summary>
public static class DashboardEndpointRouteBuilderExtensions
{
    /// <summary>The dashboard's address; its files are served beneath it.</summary>
    public const string Path = "/dashboard";

    private static readonly string[] ReadMethods = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>
    /// Maps the operator dashboard at <c>/dashboard</c>: static files embedded in this assembly, open to anyone,
    /// holding no data of their own. Every number and every action comes from the browser calling <c>/admin/v1</c>
    /// with the token the operator enters, so <see cref="AdminApiEndpointRouteBuilderExtensions.MapAdminApi"/> is
    /// needed beside it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The embedded files are incomplete (a build fault).</exception>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder endpoints)
    {
        var assets = DashboardAssets.Load(typeof(DashboardEndpointRouteBuilderExtensions).Assembly);
        var dashboard = endpoints.MapGroup(Path);
        dashboard.MapMethods("/", ReadMethods, assets.Index.WriteAsync);
        dashboard.MapMethods("/{file}", ReadMethods, context =>
        {
            var name = (string)context.Request.RouteValues["file"]!;
            return assets.TryGet(name) is { } asset
                ? asset.WriteAsync(context)
                : JsonResponses.WriteErrorAsync(context, StatusCodes.Status404NotFound, $"the dashboard has no file '{name}'");
        });
        return endpoints;
    }
}
