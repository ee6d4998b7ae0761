using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceHost.Api.Admin;

/// <summary>The <c>/admin/v1</c> routes (described by <c>openapi.json</c> beside this file); every one behind <see cref="AdminGuard"/>.</summary>
internal static class AdminRoutes
{
    public const string Prefix = "/admin/v1";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin");
        var v1 = admin.MapGroup("/v1");
        v1.MapGet("/openapi.json", Guard(static (_, c) => AdminHandlers.OpenApiAsync(c)));
        v1.MapGet("/models", Guard(static (h, c) => h.ListModelsAsync(c)));
        v1.MapGet("/audit", Guard(static (h, c) => h.AuditAsync(c)));
        v1.MapGet("/cluster", Guard(static (h, c) => h.GetClusterAsync(c)));

        var model = v1.MapGroup("/models/{model}");
        model.MapGet("/deployment", Guard(static (h, c) => h.GetDeploymentAsync(c)));
        model.MapPut("/deployment", Guard(static (h, c) => h.PutDeploymentAsync(c)));
        model.MapPost("/switch", Guard(static (h, c) => h.SwitchAsync(c)));
        model.MapPost("/rollback", Guard(static (h, c) => h.RollbackAsync(c)));
        model.MapPost("/versions", Guard(static (h, c) => h.UploadVersionAsync(c)));
        model.MapGet("/versions/{version}", Guard(static (h, c) => h.GetVersionAsync(c)));
        model.MapDelete("/versions/{version}", Guard(static (h, c) => h.DeleteVersionAsync(c)));
        model.MapGet("/telemetry", Guard(static (h, c) => h.GetTelemetryAsync(c)));
        model.MapGet("/telemetry/series", Guard(static (h, c) => h.GetTelemetrySeriesAsync(c)));
        model.MapGet("/compare", Guard(static (h, c) => h.CompareVersionsAsync(c)));
        model.MapGet("/rollout-policy", Guard(static (h, c) => h.GetRolloutPolicyAsync(c)));
        model.MapPut("/rollout-policy", Guard(static (h, c) => h.PutRolloutPolicyAsync(c)));
        model.MapPost("/rollouts", Guard(static (h, c) => h.StartRolloutAsync(c)));
        model.MapGet("/rollouts", Guard(static (h, c) => h.ListRolloutsAsync(c)));
        model.MapGet("/rollouts/{number}/decisions", Guard(static (h, c) => h.GetRolloutDecisionsAsync(c)));
        model.MapGet("/rollout", Guard(static (h, c) => h.GetRolloutAsync(c)));
        model.MapGet("/rollout/decisions", Guard(static (h, c) => h.GetRolloutDecisionsAsync(c)));
        model.MapPost("/rollout/{command}", Guard(static (h, c) => h.ControlRolloutAsync(c)));

        // Anything else under /admin still needs the token, and answers in the API's error shape.
        admin.Map("/{**rest}", Guard(static (_, c) => AdminHandlers.NoEndpointAsync(c)));
    }

    private static RequestDelegate Guard(Func<AdminHandlers, HttpContext, Task> handle) =>
        context => context.RequestServices.GetRequiredService<AdminGuard>().RunAsync(context, handle);
}
