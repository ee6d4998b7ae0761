using InferenceHost.Api;
using InferenceHost.Grains;
using InferenceHost.Inference;
using InferenceHost.Silo.Hosting;

namespace InferenceHost.Silo;

/// <summary>
/// Builds the host: an Orleans silo that loads the model repository and serves the
/// Open Inference Protocol over HTTP and gRPC. Tests build it the same way.
/// </summary>
public static class InferenceHostApplication
{
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">Endpoint or cluster settings are invalid.</exception>
    /// <exception cref="InvalidOperationException">Redis clustering is chosen and Redis cannot be reached.</exception>
    public static WebApplication Create(string[] args)
    {
        // appsettings.json ships beside the binaries; relative paths in settings (the model
        // repository) stay relative to the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var endpoints = StartupOptions.Read<EndpointOptions>(builder.Configuration, EndpointOptions.SectionName);
        var clustering = StartupOptions.Read<ClusteringOptions>(builder.Configuration, ClusteringOptions.SectionName);

        builder.ListenForInferenceProtocols(endpoints);
        builder.UseOrleans(silo => silo.UseInferenceHostClustering(clustering));
        builder.Services.AddOnnxInference(builder.Configuration);
        builder.Services.AddModelServing();
        builder.Services.AddInferenceApi(builder.Configuration);

        var app = builder.Build();
        app.MapInferenceApi();
        return app.LogListeningAddresses(endpoints);
    }
}
