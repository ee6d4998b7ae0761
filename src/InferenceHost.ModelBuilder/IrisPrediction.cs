namespace InferenceHost.ModelBuilder;

/// <summary>What the iris MLP outputs for one flower: the softmax probabilities and their argmax.</summary>
public readonly record struct IrisPrediction(float[] Probabilities, long Label);
