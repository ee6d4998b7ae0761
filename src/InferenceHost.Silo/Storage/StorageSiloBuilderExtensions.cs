using InferenceHost.Grains;
using InferenceHost.Silo.Hosting;
using Orleans.Runtime.Hosting;
using StackExchange.Redis;

namespace InferenceHost.Silo.Storage;

/// <summary>
/// Chooses where persisted grain state and reminders live from <see cref="StorageOptions"/>: beside each other,
/// so a rollout's state and the reminder that keeps it running survive the same failures.
/// </summary>
public static class StorageSiloBuilderExtensions
{
    public static ISiloBuilder UseInferenceHostStorage(this ISiloBuilder silo, StorageOptions storage, ClusteringOptions clustering)
    {
        if (storage.Mode == StorageMode.File)
        {
            var root = Path.GetFullPath(storage.Path);
            silo.Services.AddGrainStorage(GrainStorage.Name, (_, _) => new FileGrainStorage(root));

            // File storage means one machine: reminders need not outlive the silo, since every start resumes running rollouts.
            return silo.UseInMemoryReminderService();
        }

        var redis = storage.RedisConnectionString ?? clustering.RedisConnectionString
            ?? throw new InvalidOperationException(
                "InferenceHost:Storage: Redis mode needs InferenceHost:Storage:RedisConnectionString or InferenceHost:Cluster:RedisConnectionString");
        return silo
            .AddRedisGrainStorage(GrainStorage.Name, options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis))
            .UseRedisReminderService(options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis));
    }
}
