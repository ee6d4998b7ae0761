using System.Text.Json;

namespace InferenceHost.Api.Http;

/// <summary>Reads the optional body of <c>POST /v2/repository/index</c>: <c>{"ready": bool}</c>.</summary>
internal static class RepositoryIndexRequestReader
{
    /// <summary>True when only ready versions were asked for; an empty body asks for all.</summary>
    public static bool ReadReadyOnly(ReadOnlySpan<byte> body)
    {
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw JsonErrors.Invalid("the request body must be a JSON object");
            }

            var readyOnly = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("ready"u8))
                {
                    reader.Skip();
                }
                else if (!JsonRequestHeaderReader.TryReadBoolean(ref reader, out readyOnly))
                {
                    throw JsonErrors.Invalid("'ready' must be true or false");
                }
            }

            reader.Read();
            return readyOnly;
        }
        catch (JsonException exception)
        {
            throw JsonErrors.Malformed(exception);
        }
    }
}
