using InferenceHost.Inference.Catalog;
using InferenceHost.Inference.Repository;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InferenceHost.Inference.Tests;

/// <summary>Runs the hosted <see cref="ModelRepositoryLoader"/> over a repository as the host does.</summary>
internal static class RepositoryLoading
{
    /// <summary>A catalog the loader has settled; the caller disposes it (and so every session in it).</summary>
    /// <exception cref="TimeoutException">The loader neither settled the catalog nor stopped.</exception>
    public static async Task<ModelCatalog> LoadAsync(string root)
    {
        var catalog = new ModelCatalog();
        var options = Options.Create(new InferenceOptions { RepositoryPath = root });
        using var synchronizer = NewSynchronizer(catalog, options);
        using var service = new ModelRepositoryLoader(
            catalog, synchronizer, [], options, TimeProvider.System, NullLogger<ModelRepositoryLoader>.Instance);
        await service.StartAsync(CancellationToken.None);
        try
        {
            // A loader that fails stops without settling: waiting on it too turns a hang into its exception.
            await Eventually.TrueAsync(
                () => Task.FromResult(catalog.IsSettled || service.ExecuteTask is { IsCompleted: true }),
                TimeSpan.FromSeconds(60),
                "the repository loader to settle the catalog");
            if (service.ExecuteTask is { IsFaulted: true } failed)
            {
                await failed;
            }

            await service.StopAsync(CancellationToken.None);
            return catalog;
        }
        catch
        {
            catalog.Dispose();
            throw;
        }
    }

    /// <summary>The synchronizer the host would make for <paramref name="catalog"/> over the repository <paramref name="options"/> name.</summary>
    public static RepositorySynchronizer NewSynchronizer(ModelCatalog catalog, IOptions<InferenceOptions> options) => new(
        catalog, TestModels.NewLoader(), new StagingArea(options, TimeProvider.System), options, NullLogger<RepositorySynchronizer>.Instance);
}
