using System.Net;
using Grpc.Net.Client;
using InferenceHost.Abstractions.Models;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InferenceHost.Api.Tests.Hosting;

/// <summary>
/// The API alone, wired exactly as the silo wires it (<c>AddInferenceApi</c>, <c>MapInferenceApi</c>)
/// on Kestrel with an HTTP/1.1 and an HTTP/2 port, over <see cref="FakeModelDirectory"/> and
/// fake replicas. The body limit is lowered to <see cref="MaxRequestBodyBytes"/> so 413s are cheap.
/// </summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    public const long MaxRequestBodyBytes = 64 * 1024;

    private WebApplication? app;

    public HttpClient Http { get; private set; } = null!;

    public GrpcChannel GrpcChannel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["InferenceHost:Api:MaxRequestBodyBytes"] = MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Configuration["InferenceHost:Api:ServerVersion"] = "9.9.9";
        builder.Logging.ClearProviders();
        ListenOptions? http = null;
        ListenOptions? grpc = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, o => (http = o).Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, 0, o => (grpc = o).Protocols = HttpProtocols.Http2);
        });
        builder.Services.AddSingleton<IModelDirectory, FakeModelDirectory>();
        builder.Services.AddSingleton(FakeGrainFactory.Create());
        builder.Services.AddInferenceApi(builder.Configuration);

        app = builder.Build();
        app.MapInferenceApi();
        await app.StartAsync();

        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http!.IPEndPoint!.Port}") };
        GrpcChannel = GrpcChannel.ForAddress($"http://127.0.0.1:{grpc!.IPEndPoint!.Port}");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        GrpcChannel.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
