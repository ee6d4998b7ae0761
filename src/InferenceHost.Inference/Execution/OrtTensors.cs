using System.Buffers;
using System.Runtime.InteropServices;
using InferenceHost.Inference.Tensors;
using InferenceHost.Tensors;
using Microsoft.ML.OnnxRuntime;

namespace InferenceHost.Inference.Execution;

/// <summary>
/// Moves tensors between the v2 binary layout and ONNX Runtime without copying fixed-size
/// elements: inputs are pinned in place, and outputs are read straight from ORT's buffers.
/// </summary>
internal static class OrtTensors
{
    /// <summary>An OrtValue over <paramref name="input"/>'s bytes; <paramref name="pin"/> must outlive it.</summary>
    public static unsafe OrtValue CreateInput(TensorDatatype datatype, TensorInput input, out MemoryHandle pin)
    {
        if (datatype == TensorDatatype.Bytes)
        {
            pin = default;
            return CreateStringTensor(input);
        }

        var data = input.Data;
        if (!IsAligned(data, datatype.ElementSize()))
        {
            // A binary body packs tensors back to back, so one may start at an odd offset.
            var aligned = GC.AllocateUninitializedArray<byte>(data.Length);
            data.Span.CopyTo(aligned);
            data = aligned;
        }

        pin = MemoryMarshal.AsMemory(data).Pin();
        return OrtValue.CreateTensorValueWithData(
            OrtMemoryInfo.DefaultInstance, datatype.ToOrt(), input.Shape, (nint)pin.Pointer, data.Length);
    }

    /// <summary>An OrtValue over a new, pinned output array ONNX Runtime writes into directly.</summary>
    public static unsafe OrtValue CreateOutput(TensorDatatype datatype, long[] shape, out byte[] buffer, out MemoryHandle pin)
    {
        buffer = GC.AllocateUninitializedArray<byte>(checked((int)(ShapeText.ElementCount(shape) * datatype.ElementSize())));
        pin = buffer.AsMemory().Pin();
        return OrtValue.CreateTensorValueWithData(
            OrtMemoryInfo.DefaultInstance, datatype.ToOrt(), shape, (nint)pin.Pointer, buffer.Length);
    }

    /// <summary>Copies an ORT-allocated result into the v2 layout.</summary>
    public static TensorOutput ReadOutput(string name, TensorDatatype datatype, OrtValue value)
    {
        var shape = value.GetTensorTypeAndShape().Shape;
        if (datatype != TensorDatatype.Bytes)
        {
            return new TensorOutput(name, datatype, shape, value.GetTensorMutableRawData().ToArray());
        }

        var count = (int)ShapeText.ElementCount(shape);
        using var stream = new MemoryStream();
        for (var i = 0; i < count; i++)
        {
            BytesElements.Write(stream, value.GetStringElementAsSpan(i));
        }

        return new TensorOutput(name, datatype, shape, stream.ToArray());
    }

    private static OrtValue CreateStringTensor(TensorInput input)
    {
        var value = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, input.Shape);
        var remaining = input.Data.Span;
        for (var i = 0; !remaining.IsEmpty; i++)
        {
            value.StringTensorSetElementAt(BytesElements.ReadNext(ref remaining), i);
        }

        return value;
    }

    private static unsafe bool IsAligned(ReadOnlyMemory<byte> data, int alignment)
    {
        using var pin = MemoryMarshal.AsMemory(data).Pin();
        return alignment <= 1 || (nint)pin.Pointer % alignment == 0;
    }
}
