namespace InferenceHost.Abstractions.Repository;

/// <summary>
/// The silo-local first half of an upload, for the endpoints that receive model files (REST, gRPC): checks the
/// upload as far as it can be checked before its bytes arrive, then writes them to the shared repository's
/// staging area. The second half is <see cref="Management.IModelManagementGrain.UploadVersion"/>.
/// </summary>
public interface IVersionUploadStaging
{
    /// <summary>Refuses a doomed upload before reading <paramref name="content"/>, then stages it.</summary>
    /// <returns>The upload id for <see cref="Management.IModelManagementGrain.UploadVersion"/>.</returns>
    /// <exception cref="Routing.DeploymentException">Invalid ids, unknown model (NotFound) or an existing version (Conflict); nothing was written.</exception>
    Task<string> StageAsync(string model, string version, Stream content, CancellationToken cancellationToken);

    /// <summary>Removes a staged upload if it is still there (it is gone once the version was added).</summary>
    void Discard(string uploadId);
}
