using System.Globalization;
using InferenceHost.PlainServer;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// The baseline the benchmark compares the host with: v2 JSON over HTTP/1.1 and gRPC ModelInfer,
// one ONNX Runtime session per model, nothing else (no Orleans, no routing, no telemetry).
var builder = WebApplication.CreateSlimBuilder(args);
var settings = builder.Configuration.GetSection(PlainServerOptions.SectionName).Get<PlainServerOptions>() ?? new PlainServerOptions();
builder.Services.Configure<PlainServerOptions>(builder.Configuration.GetSection(PlainServerOptions.SectionName));
builder.Services.AddSingleton<OnnxModels>();
builder.Services.AddGrpc();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.ListenLocalhost(settings.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
    kestrel.ListenLocalhost(settings.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
});

var app = builder.Build();
app.Services.GetRequiredService<OnnxModels>();
app.MapGet("/v2/health/ready", () => Results.Ok());

// For the benchmark only: bytes this process has allocated so far, read before and after each window.
app.MapGet("/benchmark/allocated-bytes", () => Results.Text(GC.GetTotalAllocatedBytes().ToString(CultureInfo.InvariantCulture)));
app.MapPost("/v2/models/{model}/versions/{version}/infer", JsonInferEndpoint.HandleAsync);
app.MapGrpcService<PlainInferenceService>();
app.Run();
