using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Tensors;

namespace InferenceHost.Api.Tensors;

/// <summary>
/// Writes one JSON element of a fixed-size datatype into its little-endian slot, rejecting
/// wrong kinds, fractions for integers and values the datatype cannot hold.
/// </summary>
internal static class JsonElementDecoder
{
    public static void Write(ref Utf8JsonReader reader, TensorDatatype type, Span<byte> slot, string name, long index)
    {
        switch (type)
        {
            case TensorDatatype.Bool:
                slot[0] = reader.TokenType switch
                {
                    JsonTokenType.True => 1,
                    JsonTokenType.False => 0,
                    _ => throw WrongKind(ref reader, name, index, "true or false", type),
                };
                break;
            case TensorDatatype.Fp32:
                BinaryPrimitives.WriteSingleLittleEndian(slot, (float)ReadFloating(ref reader, type, name, index));
                break;
            case TensorDatatype.Fp64:
                BinaryPrimitives.WriteDoubleLittleEndian(slot, ReadFloating(ref reader, type, name, index));
                break;
            case TensorDatatype.UInt64:
                BinaryPrimitives.WriteUInt64LittleEndian(slot, ReadUInt64(ref reader, name, index));
                break;
            default:
                IntegerElements.Write(slot, ReadInteger(ref reader, type, name, index));
                break;
        }
    }

    public static InferenceException WrongKind(ref Utf8JsonReader reader, string name, long index, string expected, TensorDatatype type)
    {
        var actual = reader.TokenType switch
        {
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            _ => "an object",
        };
        return InferenceException.InvalidInput(
            $"input '{name}': data element {index} is {actual}, expected {expected} for {type.ToName()}");
    }

    private static double ReadFloating(ref Utf8JsonReader reader, TensorDatatype type, string name, long index)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            // The names System.Text.Json uses for non-finite numbers, which JSON cannot spell;
            // the response writer emits the same strings.
            if (reader.ValueTextEquals("NaN"u8))
            {
                return double.NaN;
            }

            if (reader.ValueTextEquals("Infinity"u8))
            {
                return double.PositiveInfinity;
            }

            if (reader.ValueTextEquals("-Infinity"u8))
            {
                return double.NegativeInfinity;
            }
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            throw WrongKind(ref reader, name, index, "a number", type);
        }

        var value = reader.GetDouble();
        var narrowed = type == TensorDatatype.Fp32 ? (float)value : value;
        return double.IsFinite(narrowed) ? value : throw OutOfRange(ref reader, name, index, type);
    }

    private static long ReadInteger(ref Utf8JsonReader reader, TensorDatatype type, string name, long index)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw WrongKind(ref reader, name, index, "an integer", type);
        }

        if (!reader.TryGetInt64(out var value))
        {
            var exact = ReadIntegralDecimal(ref reader, type, name, index);
            value = exact is >= long.MinValue and <= long.MaxValue ? (long)exact : throw OutOfRange(ref reader, name, index, type);
        }

        var (min, max) = IntegerElements.Range(type);
        return value >= min && value <= max ? value : throw OutOfRange(ref reader, name, index, type);
    }

    private static ulong ReadUInt64(ref Utf8JsonReader reader, string name, long index)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw WrongKind(ref reader, name, index, "an integer", TensorDatatype.UInt64);
        }

        if (reader.TryGetUInt64(out var value))
        {
            return value;
        }

        var exact = ReadIntegralDecimal(ref reader, TensorDatatype.UInt64, name, index);
        return exact is >= 0 and <= ulong.MaxValue ? (ulong)exact : throw OutOfRange(ref reader, name, index, TensorDatatype.UInt64);
    }

    /// <summary>
    /// The slow path for integers not written as plain digits (<c>1.0</c>, <c>1e2</c>, or too
    /// large): accepted when the value is whole, rejected as a fraction or as out of range.
    /// </summary>
    private static decimal ReadIntegralDecimal(ref Utf8JsonReader reader, TensorDatatype type, string name, long index)
    {
        var hasDecimal = reader.TryGetDecimal(out var exact);
        var approximate = reader.GetDouble();
        if ((hasDecimal && exact != decimal.Truncate(exact)) || approximate != Math.Truncate(approximate))
        {
            throw InferenceException.InvalidInput(
                $"input '{name}': data element {index} ({Text(ref reader)}) is not an integer, as {type.ToName()} requires");
        }

        return hasDecimal ? exact : throw OutOfRange(ref reader, name, index, type);
    }

    private static InferenceException OutOfRange(ref Utf8JsonReader reader, string name, long index, TensorDatatype type) =>
        InferenceException.InvalidInput(
            $"input '{name}': data element {index} ({Text(ref reader)}) is out of range for {type.ToName()}");

    private static string Text(ref Utf8JsonReader reader) => Encoding.UTF8.GetString(reader.ValueSpan);
}
