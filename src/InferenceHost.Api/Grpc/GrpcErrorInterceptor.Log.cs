using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace InferenceHost.Api.Grpc;

internal sealed partial class GrpcErrorInterceptor
{
    [LoggerMessage(1, LogLevel.Debug, "gRPC {Method} refused with {Code}: {Message}")]
    private static partial void LogClientError(ILogger logger, string method, StatusCode code, string message);

    [LoggerMessage(2, LogLevel.Error, "gRPC {Method} failed with {Code}")]
    private static partial void LogServerError(ILogger logger, string method, StatusCode code, Exception exception);
}
