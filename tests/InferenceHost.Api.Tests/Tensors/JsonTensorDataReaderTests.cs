using System.Text;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Tensors;
using InferenceHost.Tensors;

namespace InferenceHost.Api.Tests.Tensors;

public sealed class JsonTensorDataReaderTests
{
    public static TheoryData<string, string, long[], byte[]> EveryDatatype => new()
    {
        { "BOOL", "[[true,false],[false,true]]", [2, 2], [1, 0, 0, 1] },
        { "UINT8", "[0,255,7]", [3], [0, 255, 7] },
        { "UINT16", "[[0],[65535]]", [2, 1], LittleEndian.Of<ushort>(0, 65535) },
        { "UINT32", "[4294967295,1]", [2], LittleEndian.Of<uint>(uint.MaxValue, 1) },
        { "UINT64", "[18446744073709551615,0]", [2], LittleEndian.Of<ulong>(ulong.MaxValue, 0) },
        { "INT8", "[-128,127]", [2], LittleEndian.Of<sbyte>(-128, 127) },
        { "INT16", "[-32768,32767]", [2], LittleEndian.Of<short>(short.MinValue, short.MaxValue) },
        { "INT32", "[[[-2147483648]],[[2147483647]]]", [2, 1, 1], LittleEndian.Of(int.MinValue, int.MaxValue) },
        { "INT64", "[-9223372036854775808,9223372036854775807]", [2], LittleEndian.Of(long.MinValue, long.MaxValue) },
        { "FP32", "[[1.5,-2],[3.25,1e-3]]", [2, 2], LittleEndian.Of(1.5f, -2f, 3.25f, 1e-3f) },
        { "FP64", "[0.1,-1e300]", [2], LittleEndian.Of(0.1, -1e300) },
        { "BYTES", "[\"hi\",\"\",\"\\u00e9\\n\"]", [3], LittleEndian.Strings("hi", "", "é\n") },
    };

    [Theory]
    [MemberData(nameof(EveryDatatype))]
    public void Decode_EveryDatatype_GivesExactLittleEndianBytes(string datatype, string json, long[] shape, byte[] expected)
    {
        var data = Decode(json, datatype, shape);

        Assert.Equal(expected, data);
    }

    [Theory]
    [InlineData("[1,2,3,4,5,6]")]
    [InlineData("[[1,2,3],[4,5,6]]")]
    [InlineData("[[[1],[2],[3]],[[4],[5],[6]]]")]
    [InlineData("[[1,2],[3,4,5,6]]")]
    public void Decode_AnyNesting_FlattensRowMajor(string json)
    {
        Assert.Equal(LittleEndian.Of(1, 2, 3, 4, 5, 6), Decode(json, "INT32", [2, 3]));
    }

    [Fact]
    public void Decode_BareScalar_IsOneElement()
    {
        Assert.Equal(LittleEndian.Of(7L), Decode("7", "INT64", []));
    }

    [Theory]
    [InlineData("[1.0,1e2]", 1, 100)]
    [InlineData("[-0,2E0]", 0, 2)]
    public void Decode_WholeNumbersWrittenAsDecimals_AreIntegers(string json, int first, int second)
    {
        Assert.Equal(LittleEndian.Of(first, second), Decode(json, "INT32", [2]));
    }

    [Fact]
    public void Decode_NonFiniteNames_AreAcceptedForFloatingTypes()
    {
        var data = Decode("[\"NaN\",\"Infinity\",\"-Infinity\"]", "FP32", [3]);

        Assert.Equal(LittleEndian.Of(float.NaN, float.PositiveInfinity, float.NegativeInfinity), data);
    }

    [Theory]
    [InlineData("FP32", "[1,2,3]", new long[] { 2, 2 }, "input 'x': shape [2,2] needs 4 elements but 'data' has 3")]
    [InlineData("FP32", "[[1,2],[3,4],[5]]", new long[] { 2, 2 }, "input 'x': shape [2,2] needs 4 elements but 'data' has 5")]
    [InlineData("INT64", "[1]", new long[] { 1000000 }, "input 'x': shape [1000000] needs 1000000 elements but 'data' has 1")]
    [InlineData("BYTES", "[\"a\",\"b\"]", new long[] { 1 }, "input 'x': shape [1] needs 1 elements but 'data' has 2")]
    [InlineData("FP32", "[1,\"a\"]", new long[] { 2 }, "input 'x': data element 1 is a string, expected a number for FP32")]
    [InlineData("FP64", "[null]", new long[] { 1 }, "input 'x': data element 0 is null, expected a number for FP64")]
    [InlineData("INT32", "[true]", new long[] { 1 }, "input 'x': data element 0 is a boolean, expected an integer for INT32")]
    [InlineData("INT32", "[{\"a\":1}]", new long[] { 1 }, "input 'x': data element 0 is an object, expected an integer for INT32")]
    [InlineData("BOOL", "[1]", new long[] { 1 }, "input 'x': data element 0 is a number, expected true or false for BOOL")]
    [InlineData("BYTES", "[1]", new long[] { 1 }, "input 'x': data element 0 is a number, expected a string for BYTES")]
    [InlineData("UINT8", "[1,256]", new long[] { 2 }, "input 'x': data element 1 (256) is out of range for UINT8")]
    [InlineData("UINT8", "[-1]", new long[] { 1 }, "input 'x': data element 0 (-1) is out of range for UINT8")]
    [InlineData("INT8", "[-129]", new long[] { 1 }, "input 'x': data element 0 (-129) is out of range for INT8")]
    [InlineData("INT16", "[32768]", new long[] { 1 }, "input 'x': data element 0 (32768) is out of range for INT16")]
    [InlineData("UINT32", "[4294967296]", new long[] { 1 }, "input 'x': data element 0 (4294967296) is out of range for UINT32")]
    [InlineData("INT64", "[9223372036854775808]", new long[] { 1 }, "input 'x': data element 0 (9223372036854775808) is out of range for INT64")]
    [InlineData("UINT64", "[-1]", new long[] { 1 }, "input 'x': data element 0 (-1) is out of range for UINT64")]
    [InlineData("INT64", "[1e30]", new long[] { 1 }, "input 'x': data element 0 (1e30) is out of range for INT64")]
    [InlineData("INT32", "[1.5]", new long[] { 1 }, "input 'x': data element 0 (1.5) is not an integer, as INT32 requires")]
    [InlineData("UINT64", "[0.5]", new long[] { 1 }, "input 'x': data element 0 (0.5) is not an integer, as UINT64 requires")]
    [InlineData("INT64", "[1e-50]", new long[] { 1 }, "input 'x': data element 0 (1e-50) is not an integer, as INT64 requires")]
    [InlineData("FP32", "[1e39]", new long[] { 1 }, "input 'x': data element 0 (1e39) is out of range for FP32")]
    [InlineData("FP64", "[1e309]", new long[] { 1 }, "input 'x': data element 0 (1e309) is out of range for FP64")]
    [InlineData("FP16", "[1]", new long[] { 1 }, "input 'x': FP16 data cannot be sent as JSON; use the binary tensor extension")]
    [InlineData("BF16", "[1]", new long[] { 1 }, "input 'x': BF16 data cannot be sent as JSON; use the binary tensor extension")]
    [InlineData("FP32", "[1]", new long[] { -1 }, "input 'x': shape [-1] has a negative dimension")]
    [InlineData("FP32", "[1]", new long[] { 4294967296, 4294967296 }, "input 'x': shape [4294967296,4294967296] is too large")]
    public void Decode_BadData_FailsWithClearMessage(string datatype, string json, long[] shape, string message)
    {
        var error = Assert.Throws<InferenceException>(() => Decode(json, datatype, shape));

        Assert.Equal(InferenceErrorKind.InvalidInput, error.Kind);
        Assert.Equal(message, error.Message);
    }

    /// <summary>A large tensor is decoded into a pooled array, which <see cref="TensorRentals.Return"/> gives back for the next request.</summary>
    [Fact]
    public void Decode_LargeTensorWithRentals_DecodesIntoAPooledArrayGivenBackOnReturn()
    {
        var rentals = new TensorRentals();
        var (json, expected) = Floats(10_000);

        var data = JsonTensorDataReader.Decode(json, "x", TensorDatatype.Fp32, [10_000], rentals);

        Assert.Equal(expected, data.ToArray());
        var pooled = UnderlyingArray(data);
        Assert.True(pooled.Length > data.Length, "a pooled array, rounded up to the pool's size");
        rentals.Return();
        Assert.Same(pooled, System.Buffers.ArrayPool<byte>.Shared.Rent(data.Length));
    }

    /// <summary>Detached (a shadow may still read the request), the pooled array is never given back.</summary>
    [Fact]
    public void Decode_DetachedRentals_KeepTheArrayOutOfThePool()
    {
        var rentals = new TensorRentals();
        var (json, _) = Floats(10_000);
        var data = JsonTensorDataReader.Decode(json, "x", TensorDatatype.Fp32, [10_000], rentals);

        rentals.Detach();
        rentals.Return();

        Assert.NotSame(UnderlyingArray(data), System.Buffers.ArrayPool<byte>.Shared.Rent(data.Length));
    }

    /// <summary>Small tensors are plain arrays of their exact size: renting would cost more than it saves.</summary>
    [Fact]
    public void Decode_SmallTensorWithRentals_IsAPlainArray()
    {
        var (json, expected) = Floats(16);

        var data = JsonTensorDataReader.Decode(json, "x", TensorDatatype.Fp32, [16], new TensorRentals());

        Assert.Equal(expected, data.ToArray());
        Assert.Equal(data.Length, UnderlyingArray(data).Length);
    }

    private static (byte[] Json, byte[] Expected) Floats(int count)
    {
        var values = Enumerable.Range(0, count).Select(i => i * 0.25f).ToArray();
        return (Encoding.UTF8.GetBytes("[" + string.Join(',', values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]"), LittleEndian.Of(values));
    }

    private static byte[] UnderlyingArray(ReadOnlyMemory<byte> data) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(data, out var segment) ? segment.Array! : throw new InvalidOperationException("not an array");

    private static byte[] Decode(string json, string datatype, long[] shape)
    {
        Assert.True(TensorDatatypes.TryParse(datatype, out var type));
        return JsonTensorDataReader.Decode(Encoding.UTF8.GetBytes(json), "x", type, shape).ToArray();
    }
}
