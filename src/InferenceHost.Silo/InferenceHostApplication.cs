using InferenceHost.Api;
using InferenceHost.Grains;
using InferenceHost.Inference;
using InferenceHost.Silo.Hosting;
using InferenceHost.Silo.Storage;

namespace InferenceHost.Silo;

/// <summary>
/// Builds the host: an Orleans silo that loads the model repository and serves the
/// Open Inference Protocol over HTTP and gRPC. Tests build it the same way.
/// </summary>
public static class InferenceHostApplication
{
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">Endpoint, cluster or admin settings are invalid.</exception>
    /// <exception cref="InvalidOperationException">Redis clustering is chosen and Redis cannot be reached.</exception>
    public static WebApplication Create(string[] args)
    {
        // appsettings.json ships beside the binaries; relative paths in settings (the model
        // repository) stay relative to the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var endpoints = StartupOptions.Read<EndpointOptions>(builder.Configuration, EndpointOptions.SectionName);
        var clustering = StartupOptions.Read<ClusteringOptions>(builder.Configuration, ClusteringOptions.SectionName);
        var storage = StartupOptions.Read<StorageOptions>(builder.Configuration, StorageOptions.SectionName);

        builder.ListenForInferenceProtocols(endpoints);
        builder.UseOrleans(silo => silo.UseInferenceHostClustering(clustering).UseInferenceHostStorage(storage, clustering));
        builder.Services.AddOnnxInference(builder.Configuration);
        builder.Services.AddModelServing();
        builder.Services.AddInferenceApi(builder.Configuration);
        builder.Services.AddFeedbackApi();
        builder.Services.AddAdminApi(builder.Configuration);
        builder.AddGracefulDrain(endpoints);

        var app = builder.Build();
        app.MapInferenceApi();
        app.MapFeedbackApi();
        app.MapAdminApi();
        app.MapDashboard();
        return app.LogListeningAddresses(endpoints);
    }
}
