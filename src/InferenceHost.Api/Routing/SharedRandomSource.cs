namespace InferenceHost.Api.Routing;

/// <summary>The production <see cref="IRandomSource"/>: <see cref="Random.Shared"/>, thread-safe and lock-free.</summary>
public sealed class SharedRandomSource : IRandomSource
{
    public double NextDouble() => Random.Shared.NextDouble();
}
