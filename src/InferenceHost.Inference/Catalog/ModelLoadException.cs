namespace InferenceHost.Inference.Catalog;

/// <summary>A version cannot serve; the message is the reason operators and clients see.</summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException()
    {
    }

    public ModelLoadException(string message)
        : base(message)
    {
    }

    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
