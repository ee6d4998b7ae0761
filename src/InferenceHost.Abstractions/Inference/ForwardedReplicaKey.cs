namespace InferenceHost.Abstractions.Inference;

/// <summary>Grain keys of <see cref="IForwardedReplicaGrain"/>: <c>silo|model/version</c>, the silo as <see cref="SiloAddress.ToParsableString"/>.</summary>
public static class ForwardedReplicaKey
{
    private const char Separator = '|';

    public static string Of(SiloAddress silo, string model, string version) => $"{silo.ToParsableString()}{Separator}{ModelReplicaKey.Of(model, version)}";

    /// <summary>The silo the key names.</summary>
    /// <exception cref="ArgumentException">The key is not <c>silo|model/version</c>.</exception>
    public static SiloAddress SiloOf(string key) => SiloAddress.FromParsableString(Split(key).Silo);

    /// <summary>The replica key (<c>model/version</c>) the key names.</summary>
    /// <exception cref="ArgumentException">The key is not <c>silo|model/version</c>.</exception>
    public static string ReplicaOf(string key) => Split(key).Replica;

    private static (string Silo, string Replica) Split(string key)
    {
        var separator = key.IndexOf(Separator, StringComparison.Ordinal);
        return separator <= 0 || separator == key.Length - 1
            ? throw new ArgumentException($"Forwarded replica key '{key}' is not 'silo|model/version'.", nameof(key))
            : (key[..separator], key[(separator + 1)..]);
    }
}
