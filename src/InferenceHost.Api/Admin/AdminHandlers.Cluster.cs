using InferenceHost.Abstractions.Repository;
using InferenceHost.Api.Http;
using Microsoft.AspNetCore.Http;

namespace InferenceHost.Api.Admin;

/// <summary>The cluster: every active silo, its accelerator, and where each version is loaded on what device.</summary>
internal sealed partial class AdminHandlers
{
    public async Task GetClusterAsync(HttpContext context)
    {
        var silos = await grains.GetGrain<IModelRepositoryGrain>(IModelRepositoryGrain.DefaultKey).GetInventory();
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, silos, PlacementJsonWriter.WriteCluster);
    }
}
