using System.Text.Json;
using static InferenceHost.Api.Http.JsonErrors;

namespace InferenceHost.Api.Http;

/// <summary>
/// Reads the JSON header of an inference request with <see cref="Utf8JsonReader"/>: no DOM,
/// and each input's <c>data</c> is only located here, to be decoded once its datatype is known.
/// Unknown fields are skipped, as the protocol allows extensions.
/// </summary>
internal static class JsonRequestHeaderReader
{
    /// <exception cref="JsonException">The JSON is malformed.</exception>
    public static JsonRequestHeader Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw Invalid("the request body must be a JSON object");
        }

        string? id = null;
        List<JsonInputDraft>? inputs = null;
        var outputs = new RequestedOutputs();
        var binaryByDefault = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = ReadOptionalString(ref reader, "'id'");
            }
            else if (reader.ValueTextEquals("parameters"u8))
            {
                binaryByDefault = ReadRequestParameters(ref reader);
            }
            else if (reader.ValueTextEquals("inputs"u8))
            {
                inputs = ReadInputs(ref reader);
            }
            else if (reader.ValueTextEquals("outputs"u8))
            {
                outputs.Read(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        // Reading past the closing brace makes the reader reject anything trailing it.
        reader.Read();
        return new JsonRequestHeader(
            id,
            inputs ?? throw Invalid("the request has no 'inputs'"),
            outputs.Names,
            binaryByDefault,
            outputs.Binary);
    }

    /// <summary>Reads a string or null; <paramref name="label"/> names the field in the 400 for anything else.</summary>
    internal static string? ReadOptionalString(ref Utf8JsonReader reader, string label)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                try
                {
                    return reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    // The reader checks UTF-8 only when a string is decoded.
                    throw Invalid($"{label} is not valid UTF-8");
                }

            default:
                throw Invalid($"{label} must be a string");
        }
    }

    /// <summary>True when the value is a JSON boolean (stored in <paramref name="value"/>); skips anything else.</summary>
    internal static bool TryReadBoolean(ref Utf8JsonReader reader, out bool value)
    {
        reader.Read();
        value = reader.TokenType == JsonTokenType.True;
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False)
        {
            return true;
        }

        reader.Skip();
        return false;
    }

    /// <summary>Moves to an object value; false for null, a 400 for anything else.</summary>
    internal static bool EnterObject(ref Utf8JsonReader reader, string problem)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.StartObject => true,
            JsonTokenType.Null => false,
            _ => throw Invalid(problem),
        };
    }

    private static bool ReadRequestParameters(ref Utf8JsonReader reader)
    {
        var binary = false;
        if (!EnterObject(ref reader, "'parameters' must be an object"))
        {
            return binary;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("binary_data_output"u8))
            {
                if (!TryReadBoolean(ref reader, out binary))
                {
                    throw Invalid("parameter 'binary_data_output' must be true or false");
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return binary;
    }

    private static List<JsonInputDraft> ReadInputs(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Invalid("'inputs' must be an array of objects");
        }

        var inputs = new List<JsonInputDraft>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Invalid("'inputs' must be an array of objects");
            }

            inputs.Add(JsonInputDraftReader.Read(ref reader, inputs.Count));
        }

        return inputs;
    }
}
