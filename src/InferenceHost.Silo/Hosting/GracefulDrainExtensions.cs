namespace InferenceHost.Silo.Hosting;

/// <summary>Graceful shutdown: readiness false first, a drain period of serving, then Orleans hands its grains over.</summary>
public static class GracefulDrainExtensions
{
    /// <summary>
    /// Time Orleans is given, after the drain, to deactivate grains and leave the cluster (Orleans' own
    /// default shutdown allowance), so the host's shutdown timeout never cuts the hand-over short.
    /// </summary>
    private static readonly TimeSpan SiloShutdownAllowance = TimeSpan.FromSeconds(30);

    /// <summary>Call after every other hosted service is added, so the drain precedes all of their stops.</summary>
    public static WebApplicationBuilder AddGracefulDrain(this WebApplicationBuilder builder, EndpointOptions endpoints)
    {
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = endpoints.DrainPeriod + SiloShutdownAllowance);
        builder.Services.AddHostedService(provider => new GracefulDrain(
            endpoints.DrainPeriod,
            provider.GetRequiredService<IHostApplicationLifetime>(),
            TimeProvider.System,
            provider.GetRequiredService<ILogger<GracefulDrain>>()));
        return builder;
    }
}
