using Google.Protobuf;
using InferenceHost.Api.Grpc.Protocol;

namespace InferenceHost.Api.Tests.Grpc;

/// <summary>
/// Seeded random <c>ModelInferRequest</c> bytes: built with the generated types and written by them, or written field by
/// field with what the generated writer never produces (fields out of order and repeated, unpacked and split packed
/// scalars, unknown fields of every wire type, known field numbers with another wire type, invalid UTF-8).
/// </summary>
internal sealed class RandomInferRequests(int seed)
{
    private static readonly string[] Names = ["iris-mlp", "input", "x", "é", "日本語", "routing_key", "shared_memory_region", ""];
    private static readonly string[] Datatypes = ["FP32", "FP64", "INT8", "UINT64", "BYTES", "BOOL", "FP16", "fp32", "FLOAT", ""];
    private static readonly byte[][] BadUtf8 = [[0xFF], [(byte)'a', 0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]];
    private static readonly int[] KnownFieldWireTypes = [0, 1, 3, 5];
    private static readonly int[] WireTypes = [0, 1, 2, 3, 5];
    private static readonly int[] UnknownNumbers = [9, 10, 15, 16, 100, 2047, 536_870_911];

    private readonly Random random = new(seed);
    private bool invalidUtf8;

    /// <summary>A request built with the generated types, as their writer writes it.</summary>
    public ModelInferRequest Message()
    {
        var request = new ModelInferRequest { ModelName = Name(), ModelVersion = Name(), Id = Name() };
        AddParameters(request.Parameters);
        for (var i = random.Next(4); i > 0; i--)
        {
            var input = new ModelInferRequest.Types.InferInputTensor { Name = Name(), Datatype = Pick(Datatypes) };
            for (var d = random.Next(4); d > 0; d--)
            {
                input.Shape.Add(random.Next(3) == 0 ? -random.NextInt64() : random.Next(8));
            }

            AddParameters(input.Parameters);
            if (random.Next(3) > 0)
            {
                input.Contents = Contents();
            }

            request.Inputs.Add(input);
        }

        for (var i = random.Next(3); i > 0; i--)
        {
            var output = new ModelInferRequest.Types.InferRequestedOutputTensor { Name = Name() };
            AddParameters(output.Parameters);
            request.Outputs.Add(output);
        }

        for (var i = random.Next(4); i > 0; i--)
        {
            request.RawInputContents.Add(ByteString.CopyFrom(Bytes()));
        }

        return request;
    }

    /// <summary>A request written field by field, with the wire's every liberty; with <paramref name="invalidUtf8"/>, strings that are not UTF-8 too.</summary>
    public byte[] Wire(bool invalidUtf8)
    {
        this.invalidUtf8 = invalidUtf8;
        var message = new WireWriter();
        for (var i = random.Next(14); i > 0; i--)
        {
            switch (random.Next(9))
            {
                case 0: message.Field(1, Text()); break;
                case 1: message.Field(2, Text()); break;
                case 2: message.Field(3, Text()); break;
                case 3: message.Field(4, ParameterEntry()); break;
                case 4: message.Field(5, Input()); break;
                case 5: message.Field(6, Output()); break;
                case 6: message.Field(7, Bytes()); break;
                default: Unknown(message, 0); break;
            }
        }

        return message.ToArray();
    }

    private byte[] Input()
    {
        var input = new WireWriter();
        for (var i = random.Next(10); i > 0; i--)
        {
            switch (random.Next(7))
            {
                case 0: input.Field(1, Text()); break;
                case 1: input.Field(2, random.Next(2) == 0 ? System.Text.Encoding.UTF8.GetBytes(Pick(Datatypes)) : Text()); break;
                case 2: Scalars(input, 3, 0, () => (ulong)(random.Next(3) == 0 ? -random.NextInt64() : random.Next(8))); break;
                case 3: input.Field(4, ParameterEntry()); break;
                case 4: input.Field(5, WireContents()); break;
                default: Unknown(input, 0); break;
            }
        }

        return input.ToArray();
    }

    private byte[] Output()
    {
        var output = new WireWriter();
        for (var i = random.Next(5); i > 0; i--)
        {
            switch (random.Next(3))
            {
                case 0: output.Field(1, Text()); break;
                case 1: output.Field(2, ParameterEntry()); break;
                default: Unknown(output, 0); break;
            }
        }

        return output.ToArray();
    }

    private byte[] WireContents()
    {
        var contents = new WireWriter();
        for (var i = random.Next(8); i > 0; i--)
        {
            var field = random.Next(1, 10);
            switch (field)
            {
                case <= 5: Scalars(contents, field, 0, () => random.Next(2) == 0 ? (ulong)random.Next(300) : (ulong)random.NextInt64(long.MinValue, long.MaxValue)); break;
                case 6: Scalars(contents, field, 5, () => (uint)random.Next()); break;
                case 7: Scalars(contents, field, 1, () => (ulong)random.NextInt64(long.MinValue, long.MaxValue)); break;
                case 8: contents.Field(8, Bytes()); break;
                default: Unknown(contents, 0); break;
            }
        }

        return contents.ToArray();
    }

    private byte[] ParameterEntry()
    {
        var entry = new WireWriter();
        for (var i = random.Next(4); i > 0; i--)
        {
            switch (random.Next(4))
            {
                case 0 or 1: entry.Field(1, random.Next(3) == 0 ? System.Text.Encoding.UTF8.GetBytes(Pick(Names)) : Text()); break;
                case 2: entry.Field(2, ParameterValue()); break;
                default: Unknown(entry, 0); break;
            }
        }

        return entry.ToArray();
    }

    private byte[] ParameterValue()
    {
        var value = new WireWriter();
        for (var i = random.Next(4); i > 0; i--)
        {
            switch (random.Next(6))
            {
                case 0: value.Tag(1, 0).Varint((ulong)random.Next(3)); break;
                case 1: value.Tag(2, 0).Varint((ulong)random.NextInt64(long.MinValue, long.MaxValue)); break;
                case 2: value.Field(3, Text()); break;
                case 3: value.Tag(4, 1).Fixed64((ulong)random.NextInt64(long.MinValue, long.MaxValue)); break;
                case 4: value.Tag(5, 0).Varint((ulong)random.NextInt64(long.MinValue, long.MaxValue)); break;
                default: Unknown(value, 0); break;
            }
        }

        return value.ToArray();
    }

    /// <summary>A repeated scalar: one unpacked element, or a packed run (possibly empty).</summary>
    private void Scalars(WireWriter message, int field, int wireType, Func<ulong> next)
    {
        if (random.Next(2) == 0)
        {
            WriteScalar(message.Tag(field, wireType), wireType, next());
            return;
        }

        var run = new WireWriter();
        for (var i = random.Next(5); i > 0; i--)
        {
            WriteScalar(run, wireType, next());
        }

        message.Field(field, run.ToArray());
    }

    private static void WriteScalar(WireWriter writer, int wireType, ulong value) =>
        _ = wireType switch
        {
            5 => writer.Fixed32((uint)value),
            1 => writer.Fixed64(value),
            _ => writer.Varint(value),
        };

    /// <summary>
    /// A field the parsers must skip: an unknown number with any wire type, or a known number (1 to 8) with a wire
    /// type that field does not have in most messages, which the generated code also treats as unknown.
    /// </summary>
    private void Unknown(WireWriter message, int depth)
    {
        var known = random.Next(3) == 0;
        var field = known ? random.Next(1, 9) : Pick(UnknownNumbers);
        var wireType = known ? Pick(KnownFieldWireTypes) : Pick(WireTypes);
        if (wireType == 3 && depth > 3)
        {
            wireType = 0;
        }

        message.Tag(field, wireType);
        switch (wireType)
        {
            case 0: message.Varint((ulong)random.NextInt64(long.MinValue, long.MaxValue)); break;
            case 1: message.Fixed64((ulong)random.NextInt64()); break;
            case 2: message.Bytes(Bytes()); break;
            case 5: message.Fixed32((uint)random.Next()); break;
            default:
                for (var i = random.Next(3); i > 0; i--)
                {
                    Unknown(message, depth + 1);
                }

                message.Tag(field, 4);
                break;
        }
    }

    private InferTensorContents Contents()
    {
        var contents = new InferTensorContents();
        for (var i = random.Next(4); i > 0; i--)
        {
            var count = random.Next(5);
            for (var j = 0; j < count; j++)
            {
                switch (random.Next(8))
                {
                    case 0: contents.BoolContents.Add(random.Next(2) == 0); break;
                    case 1: contents.IntContents.Add(random.Next(int.MinValue, int.MaxValue)); break;
                    case 2: contents.Int64Contents.Add(random.NextInt64(long.MinValue, long.MaxValue)); break;
                    case 3: contents.UintContents.Add((uint)random.NextInt64(0, uint.MaxValue)); break;
                    case 4: contents.Uint64Contents.Add((ulong)random.NextInt64(long.MinValue, long.MaxValue)); break;
                    case 5: contents.Fp32Contents.Add(random.NextSingle() * 100); break;
                    case 6: contents.Fp64Contents.Add(random.NextDouble()); break;
                    default: contents.BytesContents.Add(ByteString.CopyFrom(Bytes())); break;
                }
            }
        }

        return contents;
    }

    private void AddParameters(Google.Protobuf.Collections.MapField<string, InferParameter> parameters)
    {
        for (var i = random.Next(3); i > 0; i--)
        {
            parameters[Name()] = random.Next(6) switch
            {
                0 => new InferParameter { BoolParam = random.Next(2) == 0 },
                1 => new InferParameter { Int64Param = random.NextInt64(long.MinValue, long.MaxValue) },
                2 => new InferParameter { StringParam = Name() },
                3 => new InferParameter { DoubleParam = random.NextDouble() },
                4 => new InferParameter { Uint64Param = (ulong)random.NextInt64() },
                _ => new InferParameter(),
            };
        }
    }

    private string Name() =>
        random.Next(4) == 0 ? new string([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => (char)random.Next('a', 'z' + 1))]) : Pick(Names);

    /// <summary>A string field's bytes: UTF-8, or when asked for, sometimes not valid UTF-8 at all.</summary>
    private byte[] Text() => invalidUtf8 && random.Next(6) == 0 ? Pick(BadUtf8) : System.Text.Encoding.UTF8.GetBytes(Name());

    private byte[] Bytes()
    {
        var bytes = new byte[random.Next(3) == 0 ? 0 : random.Next(1, 40)];
        random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(T[] values) => values[random.Next(values.Length)];
}
