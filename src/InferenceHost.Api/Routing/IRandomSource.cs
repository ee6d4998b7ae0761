namespace InferenceHost.Api.Routing;

/// <summary>Where weighted draws and shadow draws get their randomness, so tests can make them exact.</summary>
public interface IRandomSource
{
    /// <summary>A uniformly distributed number in [0, 1); safe to call from many threads at once.</summary>
    double NextDouble();
}
