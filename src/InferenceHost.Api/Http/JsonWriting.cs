using System.Text.Encodings.Web;
using System.Text.Json;

namespace InferenceHost.Api.Http;

/// <summary>Writer settings shared by every JSON response.</summary>
internal static class JsonWriting
{
    /// <summary>
    /// Non-ASCII text (BYTES outputs, names) goes out as UTF-8 rather than \u escapes: these
    /// bodies are API responses, never embedded in HTML, so the relaxed encoder is safe.
    /// </summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
