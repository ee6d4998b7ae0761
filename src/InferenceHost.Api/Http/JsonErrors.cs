using System.Text.Json;
using InferenceHost.Abstractions.Inference;

namespace InferenceHost.Api.Http;

/// <summary>Turns JSON syntax errors into client-facing 400s that say where the JSON broke.</summary>
internal static class JsonErrors
{
    public static InferenceException Malformed(JsonException exception)
    {
        // The reader appends its own zero-based position; report it one-based instead.
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        return InferenceException.InvalidInput(exception.LineNumber is { } line
            ? $"malformed JSON at line {line + 1}, byte {exception.BytePositionInLine + 1}: {message}"
            : $"malformed JSON: {message}");
    }

    public static InferenceException Invalid(string message) => InferenceException.InvalidInput(message);
}
