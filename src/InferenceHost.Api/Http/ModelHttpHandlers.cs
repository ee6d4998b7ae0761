using InferenceHost.Abstractions.Models;
using InferenceHost.Abstractions.Repository;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Http;

/// <summary>
/// Model metadata, readiness, configuration and the repository index. All answer from the
/// silo-local <see cref="IModelDirectory"/>; unknown or unready models fail through its exceptions.
/// Metadata also says where the version is loaded across the cluster, from the repository grain.
/// </summary>
internal sealed class ModelHttpHandlers(IModelDirectory directory, IGrainFactory grains, IOptions<InferenceApiOptions> options)
{
    public async Task MetadataAsync(HttpContext context)
    {
        var info = Resolve(context);
        var versions = directory.ReadyVersions(info.Model);
        var placement = (await grains.GetGrain<IModelRepositoryGrain>(IModelRepositoryGrain.DefaultKey).GetVersions(info.Model, [info.Version]))[0];
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, (info, versions, placement), static (writer, state) =>
            ModelJsonWriter.WriteMetadata(writer, state.info, state.versions, state.placement));
    }

    public Task ReadyAsync(HttpContext context)
    {
        var info = Resolve(context);
        return JsonResponses.WriteAsync(context, StatusCodes.Status200OK, info.Model, static (writer, name) =>
        {
            writer.WriteStartObject();
            writer.WriteString("name"u8, name);
            writer.WriteBoolean("ready"u8, true);
            writer.WriteEndObject();
        });
    }

    public Task ConfigAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status200OK, Resolve(context), ModelJsonWriter.WriteConfig);

    public async Task RepositoryIndexAsync(HttpContext context)
    {
        var body = await HttpRequestBodyReader.ReadAsync(context.Request, options.Value.MaxRequestBodyBytes, context.RequestAborted);
        var readyOnly = RepositoryIndexRequestReader.ReadReadyOnly(body.Span);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, (directory.ListVersions(), readyOnly), static (writer, state) =>
            ModelJsonWriter.WriteIndex(writer, state.Item1, state.readyOnly));
    }

    private ModelVersionInfo Resolve(HttpContext context)
    {
        var (model, version) = V2Routes.Target(context);
        var info = directory.Resolve(model, version);
        context.Response.Headers[V2Routes.ModelVersionHeader] = info.Version;
        return info;
    }
}
