using System.Buffers;
using System.Text;
using InferenceHost.Api.Http;
using InferenceHost.Tensors;

namespace InferenceHost.Api.Grpc;

/// <summary>
/// Parses a <c>ModelInferRequest</c> into a <see cref="GrpcInferRequest"/>, accepting what the generated parser
/// accepts (fields in any order, repeated singular fields the last one winning, packed or unpacked scalars,
/// unknown fields of any wire type, and a known field with an unexpected wire type treated as unknown, as
/// the generated code does) and rejecting what it rejects, strings that are not valid UTF-8 included.
/// It allocates one copy of the message (pooled when large, placed so the first raw input is aligned), the id,
/// the shapes and the arrays of inputs, outputs and raw contents; names repeated across calls come from
/// <see cref="Utf8NameCache"/>. The generated parser allocates a message object, maps and repeated fields per
/// input and output, and a copy of each raw content.
/// </summary>
internal static class GrpcInferRequestParser
{
    private const uint ModelNameTag = (1 << 3) | ProtoReader.LengthType;
    private const uint ModelVersionTag = (2 << 3) | ProtoReader.LengthType;
    private const uint IdTag = (3 << 3) | ProtoReader.LengthType;
    private const uint ParametersTag = (4 << 3) | ProtoReader.LengthType;
    private const uint InputsTag = (5 << 3) | ProtoReader.LengthType;
    private const uint OutputsTag = (6 << 3) | ProtoReader.LengthType;
    private const uint RawInputContentsTag = (7 << 3) | ProtoReader.LengthType;

    private const uint NameTag = (1 << 3) | ProtoReader.LengthType;
    private const uint DatatypeTag = (2 << 3) | ProtoReader.LengthType;
    private const uint ShapeTag = (3 << 3) | ProtoReader.VarintType;
    private const uint PackedShapeTag = (3 << 3) | ProtoReader.LengthType;
    private const uint InputParametersTag = (4 << 3) | ProtoReader.LengthType;
    private const uint OutputParametersTag = (2 << 3) | ProtoReader.LengthType;

    private static readonly string[] KnownDatatypes = [.. Enum.GetValues<TensorDatatype>().Select(type => type.ToName())];

    /// <summary>
    /// Copies the message out of gRPC's buffer, which is reused once deserialization returns, and parses the copy.
    /// The copy starts where the first raw input's bytes land 8-byte aligned, so ONNX Runtime reads them in place;
    /// a large one is rented from the pool, and <see cref="GrpcInferRequest.Release"/> gives it back.
    /// </summary>
    /// <exception cref="MalformedProtobufException">The bytes are not a valid <c>ModelInferRequest</c>.</exception>
    public static GrpcInferRequest Parse(ReadOnlySequence<byte> payload)
    {
        var length = checked((int)payload.Length);
        var lead = HttpRequestBodyReader.Lead(FirstRawContentsOffset(payload));
        var rented = length >= RentedBody.MinimumLength ? ArrayPool<byte>.Shared.Rent(lead + length) : null;
        var array = rented ?? GC.AllocateUninitializedArray<byte>(lead + length);
        payload.CopyTo(array.AsSpan(lead));
        var message = new RentedBody(array.AsMemory(lead, length), rented);
        try
        {
            var request = Parse(message.Memory);
            request.Own(message);
            return request;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    /// <summary>Parses <paramref name="message"/>, which the result keeps: the caller must not change it afterwards.</summary>
    /// <exception cref="MalformedProtobufException">The bytes are not a valid <c>ModelInferRequest</c>.</exception>
    public static GrpcInferRequest Parse(ReadOnlyMemory<byte> message)
    {
        // First pass: the top level's own checks and the sizes of the arrays; the second reads the elements.
        var reader = new ProtoReader(message.Span, 0, message.Length);
        Range modelName = default, modelVersion = default, id = default;
        int inputCount = 0, outputCount = 0, rawCount = 0;
        while (reader.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case ModelNameTag:
                    modelName = reader.ReadString();
                    break;
                case ModelVersionTag:
                    modelVersion = reader.ReadString();
                    break;
                case IdTag:
                    id = reader.ReadString();
                    break;
                case ParametersTag:
                    GrpcParameters.Validate(reader.Nested(reader.ReadLengthDelimited()), 1);
                    break;
                case InputsTag:
                    reader.ReadLengthDelimited();
                    inputCount++;
                    break;
                case OutputsTag:
                    reader.ReadLengthDelimited();
                    outputCount++;
                    break;
                case RawInputContentsTag:
                    reader.ReadLengthDelimited();
                    rawCount++;
                    break;
                default:
                    reader.SkipField(tag, 0);
                    break;
            }
        }

        var inputs = inputCount == 0 ? [] : new GrpcInferInput[inputCount];
        var outputs = outputCount == 0 ? [] : new GrpcRequestedOutput[outputCount];
        var raw = rawCount == 0 ? [] : new ReadOnlyMemory<byte>[rawCount];
        if (inputCount + outputCount + rawCount > 0)
        {
            ReadElements(message, inputs, outputs, raw);
        }

        return new GrpcInferRequest
        {
            ModelName = Utf8NameCache.Get(message.Span[modelName]),
            ModelVersion = Utf8NameCache.Get(message.Span[modelVersion]),
            Id = Text(message.Span, id),
            Parameters = new GrpcParameters(message, ParametersTag),
            Inputs = inputs,
            Outputs = outputs,
            RawInputContents = raw,
        };
    }

    private static void ReadElements(ReadOnlyMemory<byte> message, GrpcInferInput[] inputs, GrpcRequestedOutput[] outputs, ReadOnlyMemory<byte>[] raw)
    {
        var reader = new ProtoReader(message.Span, 0, message.Length);
        int input = 0, output = 0, rawIndex = 0;
        while (reader.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case InputsTag:
                    inputs[input++] = ReadInput(message[reader.ReadLengthDelimited()]);
                    break;
                case OutputsTag:
                    outputs[output++] = ReadOutput(message[reader.ReadLengthDelimited()]);
                    break;
                case RawInputContentsTag:
                    raw[rawIndex++] = message[reader.ReadLengthDelimited()];
                    break;
                default:
                    reader.SkipCheckedField(tag);
                    break;
            }
        }
    }

    private static GrpcInferInput ReadInput(ReadOnlyMemory<byte> input)
    {
        var bytes = input.Span;
        var reader = new ProtoReader(bytes, 0, bytes.Length);
        Range name = default, datatype = default;
        var dimensions = 0;
        while (reader.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case NameTag:
                    name = reader.ReadString();
                    break;
                case DatatypeTag:
                    datatype = reader.ReadString();
                    break;
                case ShapeTag:
                    reader.ReadVarint();
                    dimensions++;
                    break;
                case PackedShapeTag:
                    dimensions += CountVarints(reader.Nested(reader.ReadPackedRun()));
                    break;
                case InputParametersTag:
                    GrpcParameters.Validate(reader.Nested(reader.ReadLengthDelimited()), 2);
                    break;
                case GrpcTensorContents.Tag:
                    ValidateContents(reader.Nested(reader.ReadLengthDelimited()), 2);
                    break;
                default:
                    reader.SkipField(tag, 1);
                    break;
            }
        }

        return new GrpcInferInput(
            Utf8NameCache.Get(bytes[name]),
            Datatype(bytes[datatype]),
            dimensions == 0 ? [] : Shape(bytes, dimensions),
            new GrpcParameters(input, InputParametersTag),
            new GrpcTensorContents(input));
    }

    private static GrpcRequestedOutput ReadOutput(ReadOnlyMemory<byte> output)
    {
        var bytes = output.Span;
        var reader = new ProtoReader(bytes, 0, bytes.Length);
        Range name = default;
        while (reader.TryReadTag(out var tag))
        {
            switch (tag)
            {
                case NameTag:
                    name = reader.ReadString();
                    break;
                case OutputParametersTag:
                    GrpcParameters.Validate(reader.Nested(reader.ReadLengthDelimited()), 2);
                    break;
                default:
                    reader.SkipField(tag, 1);
                    break;
            }
        }

        return new GrpcRequestedOutput(Utf8NameCache.Get(bytes[name]), new GrpcParameters(output, OutputParametersTag));
    }

    /// <summary>The shape's dimensions in wire order, the input's bytes already checked by <see cref="ReadInput"/>.</summary>
    private static long[] Shape(ReadOnlySpan<byte> input, int dimensions)
    {
        var shape = new long[dimensions];
        var index = 0;
        var reader = new ProtoReader(input, 0, input.Length);
        while (reader.TryReadTag(out var tag))
        {
            if (tag == ShapeTag)
            {
                shape[index++] = (long)reader.ReadVarint();
            }
            else if (tag == PackedShapeTag)
            {
                var packed = reader.Nested(reader.ReadPackedRun());
                while (!packed.AtEnd)
                {
                    shape[index++] = (long)packed.ReadVarint();
                }
            }
            else
            {
                reader.SkipCheckedField(tag);
            }
        }

        return shape;
    }

    /// <summary>Checks an <c>InferTensorContents</c>: every typed field's entries, packed or not, must read whole.</summary>
    private static void ValidateContents(ProtoReader contents, int depth)
    {
        while (contents.TryReadTag(out var tag))
        {
            var field = ProtoReader.FieldNumber(tag);
            var wireType = ProtoReader.WireType(tag);
            var elementType = field switch
            {
                >= (int)ContentsField.Bool and <= (int)ContentsField.Uint64 => ProtoReader.VarintType,
                (int)ContentsField.Fp32 => ProtoReader.Fixed32Type,
                (int)ContentsField.Fp64 => ProtoReader.Fixed64Type,
                (int)ContentsField.Bytes => ProtoReader.LengthType,
                _ => -1,
            };
            if (elementType is ProtoReader.VarintType && wireType == ProtoReader.LengthType)
            {
                CountVarints(contents.Nested(contents.ReadPackedRun()));
            }
            else if (elementType is ProtoReader.Fixed32Type or ProtoReader.Fixed64Type && wireType == ProtoReader.LengthType)
            {
                var run = contents.ReadPackedRun();
                var width = elementType == ProtoReader.Fixed32Type ? sizeof(uint) : sizeof(ulong);
                if ((run.End.Value - run.Start.Value) % width != 0)
                {
                    throw new MalformedProtobufException($"packed contents field {field} is not a whole number of {width}-byte values");
                }
            }
            else
            {
                // The element itself, or an unknown field (a wrong wire type included): both read as the generated parser reads them.
                contents.SkipField(tag, depth);
            }
        }
    }

    private static int CountVarints(ProtoReader packed)
    {
        var count = 0;
        while (!packed.AtEnd)
        {
            packed.ReadVarint();
            count++;
        }

        return count;
    }

    /// <summary>
    /// Where the first <c>raw_input_contents</c> entry's bytes start in <paramref name="payload"/>, read over its
    /// top-level fields alone; 0 when it has none or is malformed (the parse proper then says why).
    /// </summary>
    private static long FirstRawContentsOffset(ReadOnlySequence<byte> payload)
    {
        var reader = new SequenceReader<byte>(payload);
        while (TryReadVarint(ref reader, out var tag))
        {
            var skip = (tag & 7) switch
            {
                ProtoReader.VarintType => TryReadVarint(ref reader, out _) ? 0 : -1,
                ProtoReader.Fixed64Type => 8,
                ProtoReader.Fixed32Type => 4,
                ProtoReader.LengthType => TryReadVarint(ref reader, out var length) && length <= (ulong)reader.Remaining ? (long)length : -1,
                _ => -1,
            };
            if (skip < 0 || skip > reader.Remaining)
            {
                return 0;
            }

            if (tag == RawInputContentsTag)
            {
                return reader.Consumed;
            }

            reader.Advance(skip);
        }

        return 0;
    }

    private static bool TryReadVarint(ref SequenceReader<byte> reader, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (!reader.TryRead(out var next))
            {
                return false;
            }

            value |= (ulong)(next & 0x7F) << shift;
            if (next < 0x80)
            {
                return true;
            }
        }

        return false;
    }

    private static string Text(ReadOnlySpan<byte> message, Range range) =>
        range.End.Value == range.Start.Value ? string.Empty : Encoding.UTF8.GetString(message[range]);

    /// <summary>A known datatype's name without a new string per request; anything else decoded as sent.</summary>
    private static string Datatype(ReadOnlySpan<byte> name)
    {
        foreach (var known in KnownDatatypes)
        {
            if (Ascii.Equals(name, known))
            {
                return known;
            }
        }

        return name.IsEmpty ? string.Empty : Encoding.UTF8.GetString(name);
    }
}
