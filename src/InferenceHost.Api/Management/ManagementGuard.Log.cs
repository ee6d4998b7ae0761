using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace InferenceHost.Api.Management;

internal sealed partial class ManagementGuard
{
    [LoggerMessage(1, LogLevel.Warning, "Management RPC {Method} from {Peer} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, string peer, string reason);

    [LoggerMessage(2, LogLevel.Information, "Management RPC {Method} refused with {Code}: {Message}")]
    private static partial void LogDeploymentRefused(ILogger logger, string method, StatusCode code, string message);
}
