using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using InferenceHost.Inference.Repository;
using InferenceHost.Inference.Tensors;
using InferenceHost.Tensors;

namespace InferenceHost.Inference.Execution;

/// <summary>Runs a config's smoke tests on a loaded version and compares every expected output element.</summary>
public static class SmokeTestRunner
{
    /// <summary>Runs <paramref name="test"/> and checks the outputs it names.</summary>
    /// <exception cref="InvalidDataException">The first mismatch, naming the output, index, expected and actual values.</exception>
    /// <exception cref="InvalidInputException">The test's inputs or outputs do not fit the model.</exception>
    /// <exception cref="Microsoft.ML.OnnxRuntime.OnnxRuntimeException">The model failed while running.</exception>
    public static void Run(LoadedModel model, SmokeTest test)
    {
        var outputs = model.Run(WarmupInputs.FromSmokeTest(model.Signature, test), [.. test.Expected.Keys]);
        foreach (var output in outputs)
        {
            var expected = new List<JsonElement>();
            WarmupInputs.Flatten(test.Expected[output.Name], expected);
            Compare(output, expected, test.BatchSize, test.Tolerance);
        }
    }

    private static void Compare(TensorOutput output, List<JsonElement> expected, int batch, double tolerance)
    {
        var actual = Elements(output);
        // One batch item's data is enough when every item of the batch must give the same answer.
        var perItem = expected.Count != actual.Count && batch > 1 && expected.Count * batch == actual.Count;
        if (expected.Count != actual.Count && !perItem)
        {
            throw new InvalidDataException(
                $"output '{output.Name}' has {actual.Count} elements, but {expected.Count} are expected");
        }

        for (var i = 0; i < actual.Count; i++)
        {
            var want = expected[i % expected.Count];
            if (!Matches(want, actual[i], tolerance))
            {
                throw new InvalidDataException(
                    $"output '{output.Name}' index {i}: expected {want.GetRawText()}, actual {Format(output.Datatype, actual[i])} (tolerance {tolerance.ToString("0.###############", CultureInfo.InvariantCulture)})");
            }
        }
    }

    private static bool Matches(JsonElement expected, object actual, double tolerance) => (expected.ValueKind, actual) switch
    {
        (JsonValueKind.String, string text) => expected.GetString() == text,
        (JsonValueKind.Number, double number) => Close(expected.GetDouble(), number, tolerance),
        (JsonValueKind.True, double number) => Close(1, number, tolerance),
        (JsonValueKind.False, double number) => Close(0, number, tolerance),
        _ => false,
    };

    private static bool Close(double expected, double actual, double tolerance) => Math.Abs(expected - actual) <= tolerance;

    /// <summary>Numbers as short as their datatype holds them: an FP32 0.6342258, not the double it widens to.</summary>
    private static string Format(TensorDatatype datatype, object actual) => actual switch
    {
        string text => JsonSerializer.Serialize(text),
        double number when datatype is TensorDatatype.Fp32 or TensorDatatype.Fp16 or TensorDatatype.Bf16 => ((float)number).ToString(CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        _ => actual.ToString() ?? string.Empty,
    };

    /// <summary>The output's elements: strings for BYTES, doubles for everything else (BOOL as 0 or 1).</summary>
    private static List<object> Elements(TensorOutput output)
    {
        var data = output.Data.Span;
        var elements = new List<object>();
        if (output.Datatype == TensorDatatype.Bytes)
        {
            while (!data.IsEmpty)
            {
                elements.Add(Encoding.UTF8.GetString(BytesElements.ReadNext(ref data)));
            }

            return elements;
        }

        var size = output.Datatype.ElementSize();
        for (var offset = 0; offset + size <= data.Length; offset += size)
        {
            elements.Add(Number(output.Datatype, data.Slice(offset, size)));
        }

        return elements;
    }

    private static double Number(TensorDatatype datatype, ReadOnlySpan<byte> element) => datatype switch
    {
        TensorDatatype.Bool or TensorDatatype.UInt8 => element[0],
        TensorDatatype.Int8 => (sbyte)element[0],
        TensorDatatype.UInt16 => BinaryPrimitives.ReadUInt16LittleEndian(element),
        TensorDatatype.Int16 => BinaryPrimitives.ReadInt16LittleEndian(element),
        TensorDatatype.UInt32 => BinaryPrimitives.ReadUInt32LittleEndian(element),
        TensorDatatype.Int32 => BinaryPrimitives.ReadInt32LittleEndian(element),
        TensorDatatype.UInt64 => BinaryPrimitives.ReadUInt64LittleEndian(element),
        TensorDatatype.Int64 => BinaryPrimitives.ReadInt64LittleEndian(element),
        TensorDatatype.Fp16 => (double)BinaryPrimitives.ReadHalfLittleEndian(element),
        TensorDatatype.Bf16 => BitConverter.UInt32BitsToSingle((uint)BinaryPrimitives.ReadUInt16LittleEndian(element) << 16),
        TensorDatatype.Fp32 => BinaryPrimitives.ReadSingleLittleEndian(element),
        _ => BinaryPrimitives.ReadDoubleLittleEndian(element),
    };
}
