using System.Globalization;
using InferenceHost.Abstractions.Management;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Api.Http;
using Microsoft.AspNetCore.Http;

namespace InferenceHost.Api.Admin;

/// <summary>Rollouts: the model's policy, starting one, following it (status, list, decisions) and steering it.</summary>
internal sealed partial class AdminHandlers
{
    /// <summary>Rollouts listed when the request names no <c>limit</c>.</summary>
    public const int DefaultRolloutLimit = 20;

    /// <summary>Decisions listed when the request names no <c>limit</c>: the newest, oldest first.</summary>
    public const int DefaultDecisionLimit = 100;

    public async Task GetRolloutPolicyAsync(HttpContext context) =>
        await WritePolicyAsync(context, await Management.GetRolloutPolicy(Model(context)));

    public async Task PutRolloutPolicyAsync(HttpContext context)
    {
        var policy = RolloutPolicyJsonReader.Read(await ReadJsonBodyAsync(context, "the rollout policy"));
        await WritePolicyAsync(context, await Management.SetRolloutPolicy(Model(context), policy, authenticator.Principal));
    }

    public async Task StartRolloutAsync(HttpContext context)
    {
        var model = Model(context);
        var (candidate, policy) = RolloutRequestJsonReader.ReadStart(await ReadJsonBodyAsync(context, "the rollout"));
        var status = await Management.StartRollout(model, candidate, policy, authenticator.Principal);
        context.Response.Headers.Location = $"{AdminRoutes.Prefix}/models/{Uri.EscapeDataString(model)}/rollout";
        await JsonResponses.WriteAsync(context, StatusCodes.Status201Created, status, RolloutJsonWriter.WriteStatus);
    }

    public async Task GetRolloutAsync(HttpContext context)
    {
        var model = Model(context);
        var status = await Management.GetRollout(model)
            ?? throw new HttpStatusException(StatusCodes.Status404NotFound, NoRolloutMessage(model));
        await WriteStatusAsync(context, status);
    }

    public async Task ListRolloutsAsync(HttpContext context)
    {
        var rollouts = await Management.ListRollouts(Model(context), QueryLimit(context, DefaultRolloutLimit));
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, rollouts, RolloutJsonWriter.WriteStatuses);
    }

    /// <summary>The decisions of the rollout the path numbers, or of the latest one when it numbers none.</summary>
    public async Task GetRolloutDecisionsAsync(HttpContext context)
    {
        var number = context.Request.RouteValues.TryGetValue("number", out var value) ? RolloutNumber((string)value!) : (long?)null;
        var decisions = await Management.GetRolloutHistory(Model(context), number, QueryLimit(context, DefaultDecisionLimit));
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, decisions, RolloutJsonWriter.WriteDecisions);
    }

    public async Task ControlRolloutAsync(HttpContext context)
    {
        var name = (string)context.Request.RouteValues["command"]!;
        if (!RolloutNames.TryParse(name, out RolloutCommand command))
        {
            throw new HttpStatusException(
                StatusCodes.Status404NotFound, $"no rollout command '{name}'; use one of {string.Join(", ", RolloutNames.CommandNames)}");
        }

        var reason = RolloutRequestJsonReader.ReadReason(await ReadJsonBodyAsync(context, "the command's reason"));
        await WriteStatusAsync(context, await Management.ControlRollout(Model(context), command, authenticator.Principal, reason));
    }

    public static string NoRolloutMessage(string model) => $"model '{model}' has never had a rollout";

    private static Task WritePolicyAsync(HttpContext context, RolloutPolicy policy) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status200OK, policy, RolloutJsonWriter.WritePolicy);

    private static Task WriteStatusAsync(HttpContext context, RolloutStatus status) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status200OK, status, RolloutJsonWriter.WriteStatus);

    /// <summary>A JSON body within the admin limit; <paramref name="what"/> names it in a 415.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadJsonBodyAsync(HttpContext context, string what)
    {
        var request = context.Request;
        if (request.ContentType is { } contentType && !IsJson(contentType))
        {
            throw new HttpStatusException(StatusCodes.Status415UnsupportedMediaType, $"{what} must be sent as application/json");
        }

        return await HttpRequestBodyReader.ReadAsync(request, AdminOptions.MaxRequestBodyBytes, context.RequestAborted);
    }

    /// <summary>The <c>limit</c> query parameter, when given; its range is the management grain's to judge.</summary>
    private static int QueryLimit(HttpContext context, int fallback)
    {
        if (!context.Request.Query.TryGetValue("limit", out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
            ? limit
            : throw BadRequest($"limit must be an integer from 1 to {IModelManagementGrain.MaxAuditLimit}, not '{text}'");
    }

    private static long RolloutNumber(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw BadRequest($"a rollout number is a positive integer, not '{text}'");
}
