namespace InferenceHost.Api.Grpc;

/// <summary>
/// An input's <c>contents</c> (<c>InferTensorContents</c>) read in place from the input's bytes, which the
/// parser has already checked: every occurrence of the field merged, as protobuf merges a message field
/// sent more than once, and every typed field's packed and unpacked entries in wire order.
/// </summary>
/// <param name="input">The <c>InferInputTensor</c> message's bytes.</param>
internal readonly struct GrpcTensorContents(ReadOnlyMemory<byte> input)
{
    /// <summary>The tag of <c>InferInputTensor.contents</c> (field 5, length-delimited).</summary>
    public const uint Tag = (5 << 3) | ProtoReader.LengthType;

    /// <summary>True when any typed field holds elements.</summary>
    public bool HasAny
    {
        get
        {
            for (var typed = ContentsField.Bool; typed <= ContentsField.Bytes; typed++)
            {
                if (Elements(typed).MoveNext())
                {
                    return true;
                }
            }

            return false;
        }
    }

    public int Count(ContentsField field)
    {
        var count = 0;
        var elements = Elements(field);
        while (elements.MoveNext())
        {
            count++;
        }

        return count;
    }

    public ContentsElements Elements(ContentsField field) => new(input.Span, field);

    /// <summary>
    /// The field's elements as one packed run of fixed-width values, when the field is exactly that: the run's
    /// bytes are then already the tensor's little-endian layout (FP32, FP64) and need no copy.
    /// </summary>
    public bool TryGetSinglePackedRun(ContentsField field, out ReadOnlyMemory<byte> run)
    {
        var elements = Elements(field);
        run = default;
        var runs = 0;
        while (elements.MoveNextRun(out var range, out var packed))
        {
            if (!packed || ++runs > 1)
            {
                return false;
            }

            run = input[range];
        }

        return runs == 1;
    }
}
