namespace InferenceHost.Abstractions.Routing;

/// <summary>A slot of a model's deployment that serves client traffic.</summary>
public enum ServingSlot
{
    /// <summary>One of the two colours of blue/green.</summary>
    Blue,

    /// <summary>The other colour of blue/green.</summary>
    Green,

    /// <summary>A candidate taking a share of traffic beside the active colour.</summary>
    Canary,
}
