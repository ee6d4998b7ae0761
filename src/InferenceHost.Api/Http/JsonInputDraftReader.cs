using System.Text.Json;

namespace InferenceHost.Api.Http;

/// <summary>Reads one object of the <c>inputs</c> array into a <see cref="JsonInputDraft"/>.</summary>
internal static class JsonInputDraftReader
{
    /// <summary>Reads the object the reader stands on the start of; leaves it on the object's end.</summary>
    public static JsonInputDraft Read(ref Utf8JsonReader reader, int index)
    {
        var draft = new JsonInputDraft(index);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                draft.Name = JsonRequestHeaderReader.ReadOptionalString(ref reader, new JsonFieldLabel("input", index, "name"));
            }
            else if (reader.ValueTextEquals("datatype"u8))
            {
                draft.Datatype = JsonRequestHeaderReader.ReadOptionalString(ref reader, new JsonFieldLabel("input", index, "datatype"));
            }
            else if (reader.ValueTextEquals("shape"u8))
            {
                draft.Shape = ReadShape(ref reader, draft);
            }
            else if (reader.ValueTextEquals("parameters"u8))
            {
                ReadParameters(ref reader, draft);
            }
            else if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                draft.DataStart = (int)reader.TokenStartIndex;
                reader.Skip();
                draft.DataLength = (int)reader.BytesConsumed - draft.DataStart;
            }
            else
            {
                reader.Skip();
            }
        }

        return draft;
    }

    private static long[]? ReadShape(ref Utf8JsonReader reader, JsonInputDraft draft)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            draft.NoteProblem("'shape' must be an array of integers");
            reader.Skip();
            return [];
        }

        var shape = new List<long>(4);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var dim))
            {
                shape.Add(dim);
            }
            else
            {
                draft.NoteProblem("'shape' must be an array of integers");
                reader.Skip();
            }
        }

        return [.. shape];
    }

    private static void ReadParameters(ref Utf8JsonReader reader, JsonInputDraft draft)
    {
        if (!JsonRequestHeaderReader.EnterObject(ref reader, new ParametersNotAnObject(draft)))
        {
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("binary_data_size"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var size) && size >= 0)
                {
                    draft.BinarySize = size;
                }
                else
                {
                    draft.NoteProblem("parameter 'binary_data_size' must be a non-negative integer");
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("shared_memory_region"u8))
            {
                draft.NoteProblem("shared memory is not supported");
                reader.Skip();
            }
            else
            {
                reader.Skip();
            }
        }
    }

    /// <summary>The 400's text for an input whose <c>parameters</c> is not an object, made only when it is thrown.</summary>
    private readonly record struct ParametersNotAnObject(JsonInputDraft Draft)
    {
        public override string ToString() => $"{Draft.Label}: 'parameters' must be an object";
    }
}
