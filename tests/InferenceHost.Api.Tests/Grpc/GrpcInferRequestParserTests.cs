using Google.Protobuf;
using InferenceHost.Api.Grpc;
using InferenceHost.Api.Grpc.Protocol;
using Xunit.Abstractions;

namespace InferenceHost.Api.Tests.Grpc;

/// <summary>
/// The host's hand-written <see cref="GrpcInferRequestParser"/> against the generated <c>ModelInferRequest.Parser</c> it
/// replaced on the server: on the same bytes both accept and read the same request, or both reject them.
/// </summary>
public sealed class GrpcInferRequestParserTests(ITestOutputHelper output)
{
    private const int Requests = 400;

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5];

    /// <summary>
    /// Whatever precedes it on the wire, and split over segments as gRPC may hand it over, the first raw input
    /// starts 8-byte aligned in the copy, so ONNX Runtime reads it in place; small and pooled (large) copies alike.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(20_001)]
    public void Parse_FromGrpcsBuffer_PlacesTheFirstRawInputAligned(int idLength)
    {
        for (var shift = 0; shift < 8; shift++)
        {
            var message = new ModelInferRequest { ModelName = "m" + new string('n', shift), Id = new string('i', idLength) };
            message.RawInputContents.Add(ByteString.CopyFrom([1, 2, 3, 4, 5, 6, 7, 8]));
            message.RawInputContents.Add(ByteString.CopyFrom([9]));
            var wire = message.ToByteArray();

            var parsed = GrpcInferRequestParser.Parse(TwoSegments(wire));

            Assert.Equal(0, AddressOf(parsed.RawInputContents[0]) % 8);
            Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }, parsed.RawInputContents[0].ToArray());
            Assert.Equal(new byte[] { 9 }, parsed.RawInputContents[1].ToArray());
            Assert.Equal(RequestDescriptions.Of(message), RequestDescriptions.Of(parsed));
            parsed.Release();
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Parse_RequestsWrittenByTheGeneratedCode_ReadsWhatTheGeneratedParserReads(int seed)
    {
        var requests = new RandomInferRequests(seed);
        for (var i = 0; i < Requests; i++)
        {
            var message = requests.Message();

            var parsed = GrpcInferRequestParser.Parse(message.ToByteArray());

            Assert.Equal(RequestDescriptions.Of(message), RequestDescriptions.Of(parsed));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Parse_AnyValidWireForm_ReadsWhatTheGeneratedParserReads(int seed)
    {
        var requests = new RandomInferRequests(seed);
        for (var i = 0; i < Requests; i++)
        {
            var bytes = requests.Wire(invalidUtf8: false);

            Assert.Equal(RequestDescriptions.Of(ModelInferRequest.Parser.ParseFrom(bytes)), RequestDescriptions.Of(GrpcInferRequestParser.Parse(bytes)));
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Parse_CorruptedBytes_RejectedExactlyWhenTheGeneratedParserRejectsThem(int seed)
    {
        var requests = new RandomInferRequests(seed);
        var random = new Random(seed);
        for (var i = 0; i < Requests * 2; i++)
        {
            var bytes = Corrupt(random.Next(2) == 0 ? requests.Wire(invalidUtf8: true) : requests.Message().ToByteArray(), random);

            var expected = Describe(() => RequestDescriptions.Of(ModelInferRequest.Parser.ParseFrom(bytes)));
            var actual = Describe(() => RequestDescriptions.Of(GrpcInferRequestParser.Parse(bytes)));

            Assert.True(
                expected.Text == actual.Text || (expected.Rejected && actual.Rejected),
                $"bytes {Convert.ToHexString(bytes)}: generated {expected.Text}, hand-written {actual.Text}");
        }
    }

    [Fact]
    public void Parse_RawInputContents_AreSlicesOfTheMessageNotCopies()
    {
        var request = new ModelInferRequest { ModelName = "iris-mlp" };
        request.Inputs.Add(new ModelInferRequest.Types.InferInputTensor { Name = "input", Datatype = "FP32", Shape = { 1, 4 } });
        request.RawInputContents.Add(ByteString.CopyFrom(LittleEndian.Of(5.1f, 3.5f, 1.4f, 0.2f)));
        var bytes = request.ToByteArray();

        var parsed = GrpcInferRequestParser.Parse(bytes);

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(parsed.RawInputContents[0], out var segment));
        Assert.Same(bytes, segment.Array);
        Assert.Equal(LittleEndian.Of(5.1f, 3.5f, 1.4f, 0.2f), parsed.RawInputContents[0].ToArray());
        Assert.Equal([1L, 4], parsed.Inputs[0].Shape);
    }

    /// <summary>Issue 5's P8 (bytes allocated per gRPC request): the parse of a typical iris request, raw or typed.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Parse_IrisRequest_AllocatesLessThanHalfWhatTheGeneratedParserDoes(bool raw)
    {
        var request = new ModelInferRequest { ModelName = "iris-mlp", ModelVersion = "1" };
        var input = new ModelInferRequest.Types.InferInputTensor { Name = "input", Datatype = "FP32", Shape = { 1, 4 } };
        request.Inputs.Add(input);
        float[] flower = [5.1f, 3.5f, 1.4f, 0.2f];
        if (raw)
        {
            request.RawInputContents.Add(ByteString.CopyFrom(LittleEndian.Of(flower)));
        }
        else
        {
            input.Contents = new InferTensorContents { Fp32Contents = { flower } };
        }

        var wire = new System.Buffers.ReadOnlySequence<byte>(request.ToByteArray());

        var generated = Allocated(() => ModelInferRequest.Parser.ParseFrom(wire));
        var handWritten = Allocated(() => GrpcInferRequestParser.Parse(wire));
        var decoded = Allocated(() => GrpcInferCodec.Decode(GrpcInferRequestParser.Parse(wire), out _));

        output.WriteLine($"{(raw ? "raw" : "typed")} iris [1,4] FP32: generated parse {generated} B, hand-written parse {handWritten} B, parse + codec {decoded} B");
        Assert.True(handWritten * 2 < generated, $"hand-written {handWritten} B, generated {generated} B");
    }

    [Theory]
    [InlineData("0A", "truncated")]
    [InlineData("0A 64 69 72 69", "truncated")]
    [InlineData("08 FF FF FF FF FF FF FF FF FF FF 01", "longer than 10 bytes")]
    [InlineData("08 80", "truncated")]
    [InlineData("00 01", "number 0")]
    [InlineData("0F 01", "wire type 7")]
    [InlineData("0C", "never started")]
    [InlineData("0B 14", "ends with the end of group 2")]
    [InlineData("0B", "not ended")]
    [InlineData("2A 0A 2A 08 32 06 00 00 80 3F 00 00", "whole number of 4-byte values")]
    [InlineData("2A 04 1A 02 80 80", "truncated")]
    [InlineData("22 05 12 03 10 80 80", "truncated")]
    [InlineData("3A FF FF FF FF 0F", "negative length")]
    [InlineData("0A 02 C3 28", "not valid UTF-8")]
    [InlineData("2A 03 12 01 FF", "not valid UTF-8")]
    [InlineData("32 05 0A 03 ED A0 80", "not valid UTF-8")]
    [InlineData("22 03 0A 01 80", "not valid UTF-8")]
    [InlineData("22 05 12 03 1A 01 FE", "not valid UTF-8")]
    public void Parse_MalformedBytes_FailsWithTheReason(string hex, string reason)
    {
        var bytes = Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

        Assert.Throws<InvalidProtocolBufferException>(() => ModelInferRequest.Parser.ParseFrom(bytes));
        var error = Assert.Throws<MalformedProtobufException>(() => GrpcInferRequestParser.Parse(bytes));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GroupsNestedTooDeep_AreRejectedAsByTheGeneratedParser()
    {
        var deep = new WireWriter();
        for (var i = 0; i < 150; i++)
        {
            deep.Tag(9, 3);
        }

        for (var i = 0; i < 150; i++)
        {
            deep.Tag(9, 4);
        }

        var bytes = deep.ToArray();

        Assert.Throws<InvalidProtocolBufferException>(() => ModelInferRequest.Parser.ParseFrom(bytes));
        Assert.Throws<MalformedProtobufException>(() => GrpcInferRequestParser.Parse(bytes));
    }

    /// <summary>Bytes allocated by one call, after warm-up calls so that nothing lazily initialised counts.</summary>
    private static long Allocated(Func<object> call)
    {
        for (var i = 0; i < 100; i++)
        {
            call();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(call());
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static (bool Rejected, string Text) Describe(Func<string> parse)
    {
        try
        {
            return (false, parse());
        }
        catch (InvalidProtocolBufferException e)
        {
            return (true, $"rejected: {e.Message}");
        }
        catch (MalformedProtobufException e)
        {
            return (true, $"rejected: {e.Message}");
        }
    }

    /// <summary>Truncates, overwrites or inserts a byte, as a broken client or a hostile one would.</summary>
    private static byte[] Corrupt(byte[] bytes, Random random)
    {
        if (bytes.Length == 0)
        {
            return [(byte)random.Next(256)];
        }

        var at = random.Next(bytes.Length);
        return random.Next(3) switch
        {
            0 => bytes[..at],
            1 => [.. bytes[..at], (byte)random.Next(256), .. bytes[(at + 1)..]],
            _ => [.. bytes[..at], (byte)random.Next(256), .. bytes[at..]],
        };
    }

    private static long AddressOf(ReadOnlyMemory<byte> memory)
    {
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(memory, out var segment));
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(segment.Array, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            return handle.AddrOfPinnedObject() + segment.Offset;
        }
        finally
        {
            handle.Free();
        }
    }

    private static System.Buffers.ReadOnlySequence<byte> TwoSegments(byte[] wire)
    {
        var half = wire.Length / 2;
        var first = new Segment(wire.AsMemory(0, half), 0);
        var second = new Segment(wire.AsMemory(half), half);
        first.Next = second;
        return new System.Buffers.ReadOnlySequence<byte>(first, 0, second, second.Memory.Length);
    }

    private sealed class Segment : System.Buffers.ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public new Segment? Next
        {
            get => (Segment?)base.Next;
            set => base.Next = value;
        }
    }
}
