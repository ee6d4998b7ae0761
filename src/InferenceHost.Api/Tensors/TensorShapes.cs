using System.Text;
using InferenceHost.Abstractions.Inference;

namespace InferenceHost.Api.Tensors;

/// <summary>Element counts and display of tensor shapes.</summary>
internal static class TensorShapes
{
    /// <summary>
    /// The number of elements <paramref name="shape"/> holds. Fails with a 400 on a negative
    /// dimension or a count no buffer could hold, before anything is allocated for it.
    /// </summary>
    public static long ElementCount(long[] shape, string inputName)
    {
        long count = 1;
        foreach (var dim in shape)
        {
            if (dim < 0)
            {
                throw InferenceException.InvalidInput($"input '{inputName}': shape {Format(shape)} has a negative dimension");
            }

            if (dim != 0 && count > Array.MaxLength / dim)
            {
                throw InferenceException.InvalidInput($"input '{inputName}': shape {Format(shape)} is too large");
            }

            count *= dim;
        }

        return count;
    }

    /// <summary>The shape as the protocol writes it, e.g. <c>[2,4]</c>.</summary>
    public static string Format(ReadOnlySpan<long> shape)
    {
        var text = new StringBuilder("[");
        for (var i = 0; i < shape.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(shape[i]);
        }

        return text.Append(']').ToString();
    }

    /// <summary>Dimensions for the model configuration: without the batch dimension when the model batches.</summary>
    public static long[] ConfigDims(long[] shape, int maxBatchSize) =>
        maxBatchSize > 0 && shape.Length > 0 ? shape[1..] : shape;
}
