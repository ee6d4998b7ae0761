using System.Net;
using StackExchange.Redis;

namespace InferenceHost.Silo.Hosting;

/// <summary>Chooses cluster membership from <see cref="ClusteringOptions"/>.</summary>
public static class ClusteringSiloBuilderExtensions
{
    /// <exception cref="InvalidOperationException">Redis mode and Redis cannot be reached.</exception>
    public static ISiloBuilder UseInferenceHostClustering(this ISiloBuilder silo, ClusteringOptions options)
    {
        if (options.Mode == ClusteringMode.Localhost)
        {
            return silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        }

        var redis = options.RedisConnectionString!;
        EnsureReachable(redis);
        silo.Configure<Orleans.Configuration.ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        silo.UseRedisClustering(redis);
        if (options.AdvertisedAddress is { Length: > 0 } address)
        {
            silo.ConfigureEndpoints(IPAddress.Parse(address), options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        }
        else if (options.Kubernetes)
        {
            // Ports only: Kubernetes hosting fills in the pod's IP (POD_IP) and listens on every address.
            silo.Configure<Orleans.Configuration.EndpointOptions>(endpoints =>
            {
                endpoints.SiloPort = options.SiloPort;
                endpoints.GatewayPort = options.GatewayPort;
            });
        }
        else
        {
            silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
        }

        return options.Kubernetes ? silo.UseKubernetesHosting() : silo;
    }

    /// <summary>
    /// Fails fast with the address and Redis' own words: left to Orleans, an unreachable Redis
    /// surfaces later as a membership timeout that does not say what is wrong.
    /// </summary>
    private static void EnsureReachable(string connectionString)
    {
        ConfigurationOptions configuration;
        try
        {
            configuration = ConfigurationOptions.Parse(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"InferenceHost:Cluster:RedisConnectionString '{connectionString}' is not a Redis connection string: {e.Message}", e);
        }

        configuration.AbortOnConnectFail = true;
        configuration.ConnectTimeout = 5000;
        configuration.ConnectRetry = 1;
        try
        {
            using var connection = ConnectionMultiplexer.Connect(configuration);
            connection.GetDatabase().Ping();
        }
        catch (RedisException e)
        {
            throw new InvalidOperationException($"Redis clustering: cannot reach Redis at '{connectionString}': {e.Message}", e);
        }
    }
}
