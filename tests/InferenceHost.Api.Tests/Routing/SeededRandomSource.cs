using InferenceHost.Api.Routing;

namespace InferenceHost.Api.Tests.Routing;

/// <summary>A repeatable <see cref="IRandomSource"/> for one test thread.</summary>
internal sealed class SeededRandomSource(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);

    public double NextDouble() => _random.NextDouble();
}
