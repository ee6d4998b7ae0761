using InferenceHost.Api.Feedback;
using InferenceHost.Api.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceHost.Api.Http;

/// <summary>The v2 REST routes, each guarded so every failure answers <c>{"error": ...}</c>.</summary>
internal static class V2Routes
{
    /// <summary>Response header naming the version that served (or describes) the request.</summary>
    public const string ModelVersionHeader = RoutingHeaders.ModelVersion;

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var v2 = endpoints.MapGroup("/v2");
        v2.MapGet("", Guard<ServerHttpHandlers>(static (h, c) => h.MetadataAsync(c)));
        v2.MapGet("/health/live", (RequestDelegate)ServerHttpHandlers.LiveAsync);
        v2.MapGet("/health/ready", Guard<ServerHttpHandlers>(static (h, c) => h.ReadyAsync(c)));
        v2.MapPost("/repository/index", Guard<ModelHttpHandlers>(static (h, c) => h.RepositoryIndexAsync(c)));

        foreach (var model in new[] { v2.MapGroup("/models/{model}"), v2.MapGroup("/models/{model}/versions/{version}") })
        {
            model.MapGet("", Guard<ModelHttpHandlers>(static (h, c) => h.MetadataAsync(c)));
            model.MapGet("/ready", Guard<ModelHttpHandlers>(static (h, c) => h.ReadyAsync(c)));
            model.MapGet("/config", Guard<ModelHttpHandlers>(static (h, c) => h.ConfigAsync(c)));
            model.MapPost("/infer", Guard<InferHttpHandler>(static (h, c) => h.InferAsync(c)));
        }

        // Ground truth for an answered request names it by id, so the version is the one that answered, never the URL's.
        v2.MapPost("/models/{model}/feedback", Guard<FeedbackHttpHandler>(static (h, c) => h.PostAsync(c)));

        // Unknown v2 paths still answer in the protocol's error shape, not an empty 404.
        v2.Map("/{**rest}", static context => JsonResponses.WriteErrorAsync(
            context, StatusCodes.Status404NotFound, $"no v2 endpoint {context.Request.Method} {context.Request.Path}"));
    }

    /// <summary>The model and (optional) version named by the route.</summary>
    public static (string Model, string? Version) Target(HttpContext context) =>
        ((string)context.Request.RouteValues["model"]!, context.Request.RouteValues["version"] as string);

    private static RequestDelegate Guard<THandler>(Func<THandler, HttpContext, Task> handle)
        where THandler : notnull =>
        async context =>
        {
            try
            {
                await handle(context.RequestServices.GetRequiredService<THandler>(), context);
            }
            catch (Exception exception)
            {
                await context.RequestServices.GetRequiredService<HttpErrorResponder>().WriteAsync(context, exception);
            }
        };
}
