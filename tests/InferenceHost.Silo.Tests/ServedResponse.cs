using System.Net;

namespace InferenceHost.Silo.Tests;

/// <summary>
/// What one v2 inference response told the client: its status and the routing headers saying what
/// served it (null where absent). <see cref="Error"/> holds the body or exception of a failure, or
/// says how a 200's body contradicted its headers.
/// </summary>
public sealed record ServedResponse(HttpStatusCode Status, string? Version, string? Slot, string? Reason, long? Revision, string? Error)
{
    /// <summary>200, with a body that agrees with the headers.</summary>
    public bool Succeeded => Status == HttpStatusCode.OK && Error is null;

    public override string ToString() =>
        Succeeded
            ? $"version {Version} from slot {Slot} ({Reason}) at revision {Revision}"
            : $"{(int)Status} {Error}";
}
