using System.Globalization;
using Grpc.Core;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Api.Routing;

namespace InferenceHost.Api.Grpc;

/// <summary>
/// The routing half of <c>ModelInfer</c>: hints come from metadata (<c>x-inference-slot</c>,
/// <c>x-routing-key</c>) and the request's <c>parameters</c>; the decision goes back both as
/// response parameters and as trailers, under the HTTP headers' names.
/// </summary>
internal static class GrpcRouting
{
    /// <summary>The <c>x-routing-key</c> metadata wins over the request's routing parameter.</summary>
    /// <exception cref="InferenceException">The routing parameter is neither a string nor an integer (InvalidInput).</exception>
    public static RouteHints Hints(ModelInferRequest request, ServerCallContext context, string routingParameter)
    {
        var headers = context.RequestHeaders;
        return new RouteHints(
            request.ModelVersion.Length > 0 ? request.ModelVersion : null,
            headers.GetValue(RoutingHeaders.Slot),
            headers.GetValue(RoutingHeaders.RoutingKey) ?? ParameterKey(request, routingParameter));
    }

    public static void Describe(ModelInferResponse response, ServerCallContext context, RouteDecision decision)
    {
        var version = decision.Version ?? response.ModelVersion;
        response.Parameters[RoutingHeaders.ModelVersion] = new InferParameter { StringParam = version };
        response.Parameters[RoutingHeaders.Slot] = new InferParameter { StringParam = decision.Slot };
        response.Parameters[RoutingHeaders.Reason] = new InferParameter { StringParam = decision.Reason };
        response.Parameters[RoutingHeaders.Revision] = new InferParameter { Int64Param = decision.Revision };

        var trailers = context.ResponseTrailers;
        trailers.Add(RoutingHeaders.ModelVersion, version);
        trailers.Add(RoutingHeaders.Slot, decision.Slot);
        trailers.Add(RoutingHeaders.Reason, decision.Reason);
        trailers.Add(RoutingHeaders.Revision, decision.Revision.ToString(CultureInfo.InvariantCulture));
    }

    private static string? ParameterKey(ModelInferRequest request, string name)
    {
        if (!request.Parameters.TryGetValue(name, out var parameter))
        {
            return null;
        }

        return parameter.ParameterChoiceCase switch
        {
            InferParameter.ParameterChoiceOneofCase.StringParam => parameter.StringParam,
            InferParameter.ParameterChoiceOneofCase.Int64Param => parameter.Int64Param.ToString(CultureInfo.InvariantCulture),
            InferParameter.ParameterChoiceOneofCase.Uint64Param => parameter.Uint64Param.ToString(CultureInfo.InvariantCulture),
            InferParameter.ParameterChoiceOneofCase.None => null,
            _ => throw InferenceException.InvalidInput($"parameter '{name}' must be a string or an integer"),
        };
    }
}
