namespace InferenceHost.Abstractions.Telemetry;

/// <summary>How a version's first output is summarised for drift and agreement.</summary>
public enum OutputKind
{
    /// <summary>Nothing summarised yet (no successful request), or an output that is neither of the below.</summary>
    None,

    /// <summary>Scores or probabilities per class, shape [batch, classes]: the predicted class is the largest.</summary>
    Classifier,

    /// <summary>Any other numeric output: its values are summarised in a histogram.</summary>
    Regressor,
}
