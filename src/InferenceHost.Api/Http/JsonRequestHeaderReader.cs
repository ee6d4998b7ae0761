using System.Globalization;
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
    /// <param name="json">The JSON header.</param>
    /// <param name="routingParameter">The request parameter holding the sticky routing key (<c>RoutingOptions.StickyParameter</c>); null to read none.</param>
    /// <exception cref="JsonException">The JSON is malformed.</exception>
    public static JsonRequestHeader Read(ReadOnlySpan<byte> json, string? routingParameter = null)
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
        string? routingKey = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = ReadOptionalString(ref reader, "'id'");
            }
            else if (reader.ValueTextEquals("parameters"u8))
            {
                binaryByDefault = ReadRequestParameters(ref reader, routingParameter, out routingKey);
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
            outputs.Binary)
        {
            RoutingKey = routingKey,
        };
    }

    /// <summary>Reads a string or null; <paramref name="label"/> names the field in the 400 for anything else.</summary>
    internal static string? ReadOptionalString<TLabel>(ref Utf8JsonReader reader, TLabel label)
        where TLabel : notnull
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => CurrentString(ref reader, label),
            _ => throw Invalid($"{label} must be a string"),
        };
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
    /// <param name="reader">The reader, before the value.</param>
    /// <param name="problem">What a 400 says when the value is neither an object nor null; formatted only then.</param>
    internal static bool EnterObject<TProblem>(ref Utf8JsonReader reader, TProblem problem)
        where TProblem : notnull
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.StartObject => true,
            JsonTokenType.Null => false,
            _ => throw Invalid(problem.ToString()!),
        };
    }

    private static bool ReadRequestParameters(ref Utf8JsonReader reader, string? routingParameter, out string? routingKey)
    {
        var binary = false;
        routingKey = null;
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
            else if (routingParameter is not null && reader.ValueTextEquals(routingParameter))
            {
                routingKey = ReadRoutingKey(ref reader, routingParameter);
            }
            else
            {
                reader.Skip();
            }
        }

        return binary;
    }

    /// <summary>A routing key is a string, or an integer taken as its text (clients often key by a numeric user id).</summary>
    private static string? ReadRoutingKey(ref Utf8JsonReader reader, string parameter)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => CurrentString(ref reader, $"parameter '{parameter}'"),
            JsonTokenType.Number when reader.TryGetInt64(out var number) => number.ToString(CultureInfo.InvariantCulture),
            _ => throw Invalid($"parameter '{parameter}' must be a string or an integer"),
        };
    }

    private static string CurrentString<TLabel>(ref Utf8JsonReader reader, TLabel label)
        where TLabel : notnull
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // The reader checks UTF-8 only when a string is decoded.
            throw Invalid($"{label} is not valid UTF-8");
        }
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
