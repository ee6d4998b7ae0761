using System.Text.Json;

namespace InferenceHost.Api.Admin;

/// <summary>JSON has no NaN or infinity: a statistic with no value (no data yet, or unbounded) is written as null.</summary>
internal static class JsonNumbers
{
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
