using Grpc.Core;
using InferenceHost.Abstractions.Models;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Api.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Grpc;

/// <summary>
/// Triton's <c>inference.GRPCInferenceService</c>, the RPCs InferenceHost serves (bound by
/// <see cref="GrpcInferenceServiceMethods"/>). Failures become status codes in
/// <see cref="GrpcErrorInterceptor"/>; RPCs not here answer UNIMPLEMENTED.
/// </summary>
internal sealed class GrpcInferenceService(
    IModelDirectory directory,
    InferenceDispatcher dispatcher,
    ServerInfo server,
    IOptions<RoutingOptions> routing,
    IHostApplicationLifetime lifetime)
{
#pragma warning disable CA1822 // Bound as an instance method like every RPC of the service.
    public Task<ServerLiveResponse> ServerLive(ServerLiveRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerLiveResponse { Live = true });
#pragma warning restore CA1822

    public Task<ServerReadyResponse> ServerReady(ServerReadyRequest request, ServerCallContext context) =>
        Task.FromResult(new ServerReadyResponse { Ready = ServerReadiness.IsReady(directory, lifetime) });

    public Task<ModelReadyResponse> ModelReady(ModelReadyRequest request, ServerCallContext context) =>
        Task.FromResult(new ModelReadyResponse { Ready = directory.IsReady(request.Name, VersionOf(request.Version)) });

    public Task<ServerMetadataResponse> ServerMetadata(ServerMetadataRequest request, ServerCallContext context)
    {
        var response = new ServerMetadataResponse { Name = server.Name, Version = server.Version };
        response.Extensions.AddRange(ServerInfo.Extensions);
        return Task.FromResult(response);
    }

    public Task<ModelMetadataResponse> ModelMetadata(ModelMetadataRequest request, ServerCallContext context)
    {
        var info = directory.Resolve(request.Name, VersionOf(request.Version));
        return Task.FromResult(GrpcModelMessages.Metadata(info, directory.ReadyVersions(info.Model)));
    }

    public Task<ModelConfigResponse> ModelConfig(ModelConfigRequest request, ServerCallContext context)
    {
        var info = directory.Resolve(request.Name, VersionOf(request.Version));
        return Task.FromResult(new ModelConfigResponse { Config = GrpcModelMessages.Config(info) });
    }

    public Task<RepositoryIndexResponse> RepositoryIndex(RepositoryIndexRequest request, ServerCallContext context) =>
        Task.FromResult(GrpcModelMessages.Index(directory.ListVersions(), request.Ready));

    /// <summary>
    /// Reads a <see cref="GrpcInferRequest"/> (a <see cref="ModelInferRequest"/> parsed by hand) and answers with a
    /// <see cref="GrpcInferReply"/>, which its marshaller writes as a <see cref="ModelInferResponse"/>.
    /// </summary>
    public async Task<GrpcInferReply> ModelInfer(GrpcInferRequest request, ServerCallContext context)
    {
        try
        {
            // As over HTTP, an unknown model is NOT_FOUND whatever the request holds.
            var table = await dispatcher.GetRouteTableAsync(request.ModelName, VersionOf(request.ModelVersion));
            var decoded = GrpcInferCodec.Decode(request, out var usedRaw);
            var route = dispatcher.Route(table, GrpcRouting.Hints(request, context, routing.Value.StickyParameter));
            if (route.ShadowVersion is not null)
            {
                request.Detach();
            }

            var response = await dispatcher.InferAsync(route, decoded);
            var served = GrpcRouting.Served(route.Decision, response.ModelVersion);
            var reply = GrpcInferCodec.Encode(response, usedRaw, served);
            GrpcRouting.AddTrailers(context, served);
            return reply;
        }
        finally
        {
            // The inputs are views over the message; the reply holds none of them.
            request.Release();
        }
    }

    /// <summary>proto3 strings cannot be null: an empty version means "let the server choose".</summary>
    private static string? VersionOf(string version) => version.Length > 0 ? version : null;
}
