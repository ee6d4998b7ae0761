namespace InferenceHost.Api.Grpc;

/// <summary>
/// Enumerates one typed field of an input's contents (<see cref="GrpcTensorContents"/>) across every
/// occurrence of <c>contents</c> and every packed or unpacked entry of the field, in wire order. The bytes
/// were checked when the request was parsed, so these reads cannot fail.
/// </summary>
internal ref struct ContentsElements
{
    private readonly uint elementTag;
    private readonly uint packedTag;
    private readonly int wireType;
    private ProtoReader input;
    private ProtoReader contents;
    private ProtoReader run;

    /// <param name="input">The <c>InferInputTensor</c> message's bytes.</param>
    /// <param name="field">The typed field to enumerate.</param>
    public ContentsElements(ReadOnlySpan<byte> input, ContentsField field)
    {
        wireType = field switch
        {
            ContentsField.Fp32 => ProtoReader.Fixed32Type,
            ContentsField.Fp64 => ProtoReader.Fixed64Type,
            ContentsField.Bytes => ProtoReader.LengthType,
            _ => ProtoReader.VarintType,
        };
        elementTag = ((uint)field << 3) | (uint)wireType;
        packedTag = ((uint)field << 3) | ProtoReader.LengthType;
        this.input = new ProtoReader(input, 0, input.Length);
    }

    /// <summary>The current element's bits: a varint's value, or a fixed32's or fixed64's little-endian bits.</summary>
    public ulong Current { get; private set; }

    /// <summary>The current element of <c>bytes_contents</c>.</summary>
    public ReadOnlySpan<byte> CurrentBytes { get; private set; }

    public bool MoveNext()
    {
        while (run.AtEnd)
        {
            if (!MoveNextField(out var tag))
            {
                return false;
            }

            if (wireType == ProtoReader.LengthType)
            {
                CurrentBytes = contents.ReadBytes();
                return true;
            }

            if (tag == elementTag)
            {
                Current = Read(ref contents, wireType);
                return true;
            }

            run = contents.Nested(contents.ReadPackedRun());
        }

        Current = Read(ref run, wireType);
        return true;
    }

    /// <summary>
    /// Moves to the field's next entry as it is on the wire: a packed run (<paramref name="packed"/>) or one
    /// unpacked element, as its range in the input's bytes. Not to be mixed with <see cref="MoveNext"/>.
    /// </summary>
    public bool MoveNextRun(out Range range, out bool packed)
    {
        if (!MoveNextField(out var tag))
        {
            range = default;
            packed = false;
            return false;
        }

        packed = tag == packedTag && wireType != ProtoReader.LengthType;
        if (packed)
        {
            range = contents.ReadPackedRun();
            return true;
        }

        var start = contents.Position;
        contents.SkipCheckedField(tag);
        range = new Range(start, contents.Position);
        return true;
    }

    private bool MoveNextField(out uint tag)
    {
        while (true)
        {
            while (contents.TryReadTag(out tag))
            {
                if (tag == elementTag || tag == packedTag)
                {
                    return true;
                }

                contents.SkipCheckedField(tag);
            }

            if (!MoveNextContents())
            {
                return false;
            }
        }
    }

    private bool MoveNextContents()
    {
        while (input.TryReadTag(out var tag))
        {
            if (tag == GrpcTensorContents.Tag)
            {
                contents = input.Nested(input.ReadLengthDelimited());
                return true;
            }

            input.SkipCheckedField(tag);
        }

        return false;
    }

    private static ulong Read(ref ProtoReader reader, int wireType) => wireType switch
    {
        ProtoReader.Fixed32Type => reader.ReadFixed32(),
        ProtoReader.Fixed64Type => reader.ReadFixed64(),
        _ => reader.ReadVarint(),
    };
}
