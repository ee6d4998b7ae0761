using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace InferenceHost.Silo.Storage;

/// <summary>
/// Grain state as one JSON file per grain (<c>&lt;root&gt;/&lt;state&gt;/&lt;grain&gt;.json</c>), readable
/// by operators. Writes go to a temporary file renamed over the old one, so a crash leaves the
/// old state or the new, never half of one; an ETag (a write counter) catches conflicting writers.
/// </summary>
public sealed class FileGrainStorage(string root) : IGrainStorage
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },

        // Rollout evidence holds NaN where a metric has no value yet (e.g. latency before any request).
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        if (!File.Exists(path))
        {
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        await using var file = File.OpenRead(path);
        var stored = await JsonSerializer.DeserializeAsync<StoredState<T>>(file, Json)
            ?? throw new InvalidDataException($"{path} holds no state");
        grainState.State = stored.State;
        grainState.ETag = stored.ETag;
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var path = PathOf(stateName, grainId);
        var onDisk = await StoredETagAsync(path);
        if (onDisk != grainState.ETag)
        {
            throw new InconsistentStateException($"{path} changed underneath this grain", onDisk, grainState.ETag);
        }

        var etag = (long.Parse(onDisk ?? "0", CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        await using (var file = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(file, new StoredState<T>(etag, grainState.State!), Json);

            // On disk before the rename: otherwise a power loss can persist the rename first and
            // leave an empty file where the state was.
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        File.Delete(PathOf(stateName, grainId));
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private string PathOf(string stateName, GrainId grainId) =>
        System.IO.Path.Combine(root, Uri.EscapeDataString(stateName), Uri.EscapeDataString(grainId.ToString()) + ".json");

    private static async Task<string?> StoredETagAsync(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        await using var file = File.OpenRead(path);
        using var document = await JsonDocument.ParseAsync(file);
        return document.RootElement.GetProperty("etag").GetString();
    }

    private sealed record StoredState<T>([property: JsonPropertyName("etag")] string ETag, [property: JsonPropertyName("state")] T State);
}
