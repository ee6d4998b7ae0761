using InferenceHost.Grains;
using InferenceHost.Silo.Hosting;
using Orleans.Runtime.Hosting;
using StackExchange.Redis;

namespace InferenceHost.Silo.Storage;

/// <summary>Chooses where persisted grain state lives from <see cref="StorageOptions"/>.</summary>
public static class StorageSiloBuilderExtensions
{
    public static ISiloBuilder UseInferenceHostStorage(this ISiloBuilder silo, StorageOptions storage, ClusteringOptions clustering)
    {
        if (storage.Mode == StorageMode.File)
        {
            var root = Path.GetFullPath(storage.Path);
            silo.Services.AddGrainStorage(GrainStorage.Name, (_, _) => new FileGrainStorage(root));
            return silo;
        }

        var redis = storage.RedisConnectionString ?? clustering.RedisConnectionString
            ?? throw new InvalidOperationException(
                "InferenceHost:Storage: Redis mode needs InferenceHost:Storage:RedisConnectionString or InferenceHost:Cluster:RedisConnectionString");
        return silo.AddRedisGrainStorage(GrainStorage.Name, options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis));
    }
}
