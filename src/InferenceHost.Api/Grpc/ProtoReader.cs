using System.Buffers.Binary;
using System.Text.Unicode;

namespace InferenceHost.Api.Grpc;

/// <summary>
/// Reads protobuf wire format from one message's bytes in a buffer, with the generated parsers' rules:
/// varints of up to 10 bytes, strings valid UTF-8, lengths that must fit what is left, field 0 invalid, unknown fields of every
/// wire type skipped (groups nested at most 100 deep). Positions are offsets into the whole buffer, so a
/// length-delimited field can be read again later as a slice of it.
/// </summary>
/// <exception cref="MalformedProtobufException">Any read that the bytes do not allow.</exception>
internal ref struct ProtoReader
{
    public const int VarintType = 0;
    public const int Fixed64Type = 1;
    public const int LengthType = 2;
    public const int StartGroupType = 3;
    public const int EndGroupType = 4;
    public const int Fixed32Type = 5;

    /// <summary>Google.Protobuf's default recursion limit, which also bounds nested groups.</summary>
    private const int RecursionLimit = 100;

    private readonly ReadOnlySpan<byte> buffer;
    private readonly int end;

    /// <summary>A reader of <paramref name="buffer"/>'s bytes from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public ProtoReader(ReadOnlySpan<byte> buffer, int start, int end)
    {
        this.buffer = buffer;
        this.end = end;
        Position = start;
    }

    public int Position { get; private set; }

    public readonly bool AtEnd => Position >= end;

    public static int WireType(uint tag) => (int)(tag & 7);

    public static int FieldNumber(uint tag) => (int)(tag >> 3);

    /// <summary>A reader of the length-delimited field at <paramref name="field"/> (from <see cref="ReadLengthDelimited"/>).</summary>
    public readonly ProtoReader Nested(Range field) => new(buffer, field.Start.Value, field.End.Value);

    /// <summary>The next tag, or false at the end of the message.</summary>
    public bool TryReadTag(out uint tag)
    {
        if (AtEnd)
        {
            tag = 0;
            return false;
        }

        // As Google.Protobuf does, a tag is a varint of up to 10 bytes of which the low 32 bits count.
        tag = (uint)ReadVarint();
        return FieldNumber(tag) != 0 ? true : throw new MalformedProtobufException("a field has the invalid number 0");
    }

    public ulong ReadVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (AtEnd)
            {
                throw Truncated();
            }

            var b = buffer[Position++];
            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw new MalformedProtobufException("a varint is longer than 10 bytes");
    }

    public uint ReadFixed32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(sizeof(uint)));

    public ulong ReadFixed64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(sizeof(ulong)));

    /// <summary>A length-delimited field's bytes, as their range in the buffer.</summary>
    public Range ReadLengthDelimited()
    {
        // Lengths are read as Google.Protobuf reads them: the varint's low 32 bits, as a signed int.
        var length = (int)(uint)ReadVarint();
        if (length < 0)
        {
            throw new MalformedProtobufException("a length-delimited field claims a negative length");
        }

        var start = Position;
        Take(length);
        return new Range(start, Position);
    }

    /// <summary>
    /// A packed repeated field's run, as its range in the buffer. Google.Protobuf reads a negative length here as an
    /// empty run rather than an error, so this does too.
    /// </summary>
    public Range ReadPackedRun()
    {
        var start = Position;
        if ((int)(uint)ReadVarint() < 0)
        {
            return new Range(Position, Position);
        }

        Position = start;
        return ReadLengthDelimited();
    }

    /// <summary>A string field's bytes, as their range in the buffer; Google.Protobuf rejects invalid UTF-8, and so does this.</summary>
    public Range ReadString()
    {
        var range = ReadLengthDelimited();
        return Utf8.IsValid(buffer[range]) ? range : throw new MalformedProtobufException("a string field is not valid UTF-8");
    }

    /// <summary>A length-delimited field's bytes.</summary>
    public ReadOnlySpan<byte> ReadBytes() => buffer[ReadLengthDelimited()];

    /// <summary>Skips the value of the field whose <paramref name="tag"/> was just read.</summary>
    /// <param name="tag">The field's tag.</param>
    /// <param name="depth">How many messages and groups enclose this one, for the recursion limit.</param>
    public void SkipField(uint tag, int depth) => SkipField(tag, depth, Skipping.Strict);

    /// <summary>
    /// Skips a map entry's unknown field as Google.Protobuf's <c>SkipLastField</c> does, more leniently than a message's:
    /// the invalid wire types 6 and 7 read as fields without a value, in groups nested in the entry too.
    /// </summary>
    /// <param name="tag">The field's tag.</param>
    /// <param name="depth">How many messages enclose the entry, the entry included.</param>
    public void SkipEntryField(uint tag, int depth) => SkipField(tag, depth, Skipping.Entry);

    /// <summary>
    /// Skips a field of bytes the parser has already checked, when reading them again: what it accepted leniently
    /// (a packed run's negative length, a map entry's wire types 6 and 7) skips as an empty field, and the
    /// recursion limit was enforced then.
    /// </summary>
    public void SkipCheckedField(uint tag) => SkipField(tag, int.MinValue / 2, Skipping.Checked);

    private void SkipField(uint tag, int depth, Skipping skipping)
    {
        switch (WireType(tag))
        {
            case LengthType when skipping == Skipping.Checked:
                ReadPackedRun();
                break;
            case VarintType:
                ReadVarint();
                break;
            case Fixed64Type:
                Take(sizeof(ulong));
                break;
            case LengthType:
                ReadLengthDelimited();
                break;
            case StartGroupType:
                SkipGroup(FieldNumber(tag), depth, skipping);
                break;
            case Fixed32Type:
                Take(sizeof(uint));
                break;
            case EndGroupType:
                throw new MalformedProtobufException($"field {FieldNumber(tag)} ends a group that was never started");
            case > Fixed32Type when skipping != Skipping.Strict:
                break;
            default:
                throw new MalformedProtobufException($"field {FieldNumber(tag)} has the invalid wire type {WireType(tag)}");
        }
    }

    private void SkipGroup(int field, int depth, Skipping skipping)
    {
        // A message's unknown group counts its own level after the check, SkipLastField's before it.
        if (skipping == Skipping.Entry)
        {
            depth++;
        }

        if (depth >= RecursionLimit)
        {
            throw new MalformedProtobufException($"groups are nested more than {RecursionLimit} deep");
        }

        while (TryReadTag(out var tag))
        {
            if (WireType(tag) == EndGroupType)
            {
                if (FieldNumber(tag) != field)
                {
                    throw new MalformedProtobufException($"group {field} ends with the end of group {FieldNumber(tag)}");
                }

                return;
            }

            SkipField(tag, depth + 1, skipping);
        }

        throw new MalformedProtobufException($"group {field} is not ended");
    }

    private ReadOnlySpan<byte> Take(int length)
    {
        if (length > end - Position)
        {
            throw Truncated();
        }

        var bytes = buffer.Slice(Position, length);
        Position += length;
        return bytes;
    }

    private static MalformedProtobufException Truncated() =>
        new("the message ends in the middle of a field (truncated, or a length that runs past its end)");

    private enum Skipping
    {
        /// <summary>A message's unknown field, as Google.Protobuf's <c>UnknownFieldSet</c> reads it.</summary>
        Strict,

        /// <summary>A map entry's, as its <c>SkipLastField</c> does.</summary>
        Entry,

        /// <summary>Bytes checked already.</summary>
        Checked,
    }
}
