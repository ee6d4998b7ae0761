namespace InferenceHost.Abstractions.Inference;

/// <summary>Grain keys of <see cref="IModelReplicaGrain"/>: <c>model/version</c>.</summary>
public static class ModelReplicaKey
{
    public static string Of(string model, string version) => $"{model}/{version}";

    public static (string Model, string Version) Parse(string key)
    {
        var slash = key.LastIndexOf('/');
        return slash <= 0 || slash == key.Length - 1
            ? throw new ArgumentException($"Replica key '{key}' is not 'model/version'.", nameof(key))
            : (key[..slash], key[(slash + 1)..]);
    }
}
