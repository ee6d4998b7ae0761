using Microsoft.Extensions.Options;

namespace InferenceHost.Inference.Repository;

/// <summary>
/// The repository's staging folder, <c>&lt;root&gt;/.staging/&lt;id&gt;/</c>: uploads wait there while they are
/// validated, and deleted versions pass through it. It sits beside the models on the same volume, so a
/// folder moves in or out of the repository by one atomic rename and a scan never sees half a version.
/// </summary>
public sealed class StagingArea(IOptions<InferenceOptions> options, TimeProvider time)
{
    /// <summary>Staged folders older than this are left-overs of a silo that stopped mid-upload, and are removed.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(1);

    /// <summary>The staging folder's full path.</summary>
    public string Root => Path.Combine(Path.GetFullPath(options.Value.RepositoryPath), ModelRepositoryScanner.StagingFolderName);

    /// <summary>Writes <paramref name="content"/> as the <c>model.onnx</c> of a new staged folder; nothing stays behind on failure.</summary>
    /// <returns>The staged upload's id.</returns>
    public async Task<string> WriteAsync(Stream content, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var folder = Directory.CreateDirectory(FolderOf(id)).FullName;
        try
        {
            await using var file = new FileStream(
                Path.Combine(folder, ModelRepositoryScanner.ModelFileName), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await content.CopyToAsync(file, cancellationToken);
            return id;
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>True when <paramref name="id"/> names a staged upload; ids are checked, so no path can be smuggled in.</summary>
    public bool TryGetModelPath(string id, out string modelPath)
    {
        modelPath = IsId(id) ? Path.Combine(FolderOf(id), ModelRepositoryScanner.ModelFileName) : string.Empty;
        return modelPath.Length > 0 && File.Exists(modelPath);
    }

    /// <summary>The folder of a staged upload (which <see cref="WriteAsync"/> created).</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not an upload id.</exception>
    public string FolderOf(string id) =>
        IsId(id) ? Path.Combine(Root, id) : throw new ArgumentException($"'{id}' is not an upload id", nameof(id));

    /// <summary>Removes a staged upload, if it is still there.</summary>
    public void Discard(string id)
    {
        if (IsId(id) && Directory.Exists(FolderOf(id)))
        {
            Directory.Delete(FolderOf(id), recursive: true);
        }
    }

    /// <summary>
    /// Takes <paramref name="folder"/> out of the repository in one rename, then deletes it; if the delete fails
    /// half-way, the rest is removed with the stale uploads, out of any scan's sight.
    /// </summary>
    public void Trash(string folder)
    {
        var trash = FolderOf(Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Directory.Move(folder, trash);
        try
        {
            Directory.Delete(trash, recursive: true);
        }
        catch (IOException)
        {
            // Left for RemoveStale.
        }
        catch (UnauthorizedAccessException)
        {
            // Left for RemoveStale.
        }
    }

    /// <summary>Removes staged folders older than <see cref="StaleAfter"/>.</summary>
    public void RemoveStale()
    {
        if (!Directory.Exists(Root))
        {
            return;
        }

        var cutoff = time.GetUtcNow().UtcDateTime - StaleAfter;
        foreach (var folder in Directory.GetDirectories(Root))
        {
            if (IsId(Path.GetFileName(folder)) && Directory.GetLastWriteTimeUtc(folder) < cutoff)
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static bool IsId(string? id) => id is { Length: 32 } && Guid.TryParseExact(id, "N", out _);
}
