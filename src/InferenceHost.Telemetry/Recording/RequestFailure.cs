namespace InferenceHost.Telemetry.Recording;

/// <summary>Why a request that reached a version failed, as <see cref="Abstractions.Telemetry.VersionAggregate"/> counts it.</summary>
public enum RequestFailure
{
    /// <summary>The request did not fit the model: the client's fault, not the version's.</summary>
    BadInput,

    /// <summary>The version failed while running it (or could not serve it).</summary>
    ModelFailure,

    /// <summary>The request ran out of time.</summary>
    Timeout,
}
