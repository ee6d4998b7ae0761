using System.Text.Json;
using static InferenceHost.Api.Http.JsonErrors;

namespace InferenceHost.Api.Http;

/// <summary>Collects the <c>outputs</c> array of a JSON inference request.</summary>
internal sealed class RequestedOutputs
{
    private readonly List<string> names = [];

    public IReadOnlyList<string> Names => names;

    /// <summary>Per-output <c>binary_data</c>; null when no output set it.</summary>
    public Dictionary<string, bool>? Binary { get; private set; }

    public void Read(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Invalid("'outputs' must be an array of objects");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw Invalid("'outputs' must be an array of objects");
            }

            ReadOutput(ref reader);
        }
    }

    private void ReadOutput(ref Utf8JsonReader reader)
    {
        string? name = null;
        bool? binary = null;
        string? problem = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                name = JsonRequestHeaderReader.ReadOptionalString(ref reader, new JsonFieldLabel("output", names.Count, "name"));
            }
            else if (reader.ValueTextEquals("parameters"u8))
            {
                problem ??= ReadParameters(ref reader, ref binary);
            }
            else
            {
                reader.Skip();
            }
        }

        if (name is null)
        {
            throw Invalid($"output {names.Count} has no 'name'");
        }

        if (problem is not null)
        {
            throw Invalid($"output '{name}': {problem}");
        }

        names.Add(name);
        if (binary is { } value)
        {
            (Binary ??= new Dictionary<string, bool>(StringComparer.Ordinal))[name] = value;
        }
    }

    private static string? ReadParameters(ref Utf8JsonReader reader, ref bool? binary)
    {
        string? problem = null;
        if (!JsonRequestHeaderReader.EnterObject(ref reader, "'parameters' of an output must be an object"))
        {
            return problem;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("binary_data"u8))
            {
                if (JsonRequestHeaderReader.TryReadBoolean(ref reader, out var value))
                {
                    binary = value;
                }
                else
                {
                    problem ??= "parameter 'binary_data' must be true or false";
                }
            }
            else if (reader.ValueTextEquals("classification"u8))
            {
                problem ??= "the classification extension is not supported";
                reader.Skip();
            }
            else if (reader.ValueTextEquals("shared_memory_region"u8))
            {
                problem ??= "shared memory is not supported";
                reader.Skip();
            }
            else
            {
                reader.Skip();
            }
        }

        return problem;
    }
}
