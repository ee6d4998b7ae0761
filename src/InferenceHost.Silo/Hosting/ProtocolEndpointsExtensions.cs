using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace InferenceHost.Silo.Hosting;

/// <summary>Kestrel listeners for the two protocols, and a log line naming each address.</summary>
public static partial class ProtocolEndpointsExtensions
{
    public static WebApplicationBuilder ListenForInferenceProtocols(this WebApplicationBuilder builder, EndpointOptions endpoints)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            Listen(kestrel, endpoints.ListenAddress, endpoints.HttpPort, HttpProtocols.Http1);
            Listen(kestrel, endpoints.ListenAddress, endpoints.GrpcPort, HttpProtocols.Http2);
        });
        return builder;
    }

    public static WebApplication LogListeningAddresses(this WebApplication app, EndpointOptions endpoints)
    {
        app.Lifetime.ApplicationStarted.Register(() => LogListening(app.Logger, endpoints.ListenAddress, endpoints.HttpPort, endpoints.GrpcPort));
        return app;
    }

    private static void Listen(KestrelServerOptions kestrel, string address, int port, HttpProtocols protocols)
    {
        if (address == "localhost")
        {
            kestrel.ListenLocalhost(port, o => o.Protocols = protocols);
        }
        else
        {
            kestrel.Listen(IPAddress.Parse(address), port, o => o.Protocols = protocols);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Open Inference Protocol: HTTP/REST on http://{Address}:{HttpPort}, gRPC on http://{Address}:{GrpcPort}")]
    private static partial void LogListening(ILogger logger, string address, int httpPort, int grpcPort);
}
