using System.Buffers;
using InferenceHost.Api.Http;

namespace InferenceHost.Api.Tensors;

/// <summary>
/// Arrays rented from <see cref="ArrayPool{T}.Shared"/> for one request's large decoded JSON tensors: a large
/// tensor otherwise costs a fresh large-object-heap array per request. The same rule as <see cref="RentedBody"/>:
/// they go back to the pool when the request is finished with them (<see cref="Return"/>), unless
/// <see cref="Detach"/> left them to the garbage collector because a shadow request may still read them.
/// </summary>
internal sealed class TensorRentals
{
    private List<byte[]>? _arrays;

    /// <summary>Whether a body of <paramref name="bodyLength"/> bytes can hold a JSON tensor worth renting for.</summary>
    /// <remarks>An element takes at least two bytes of JSON and at most eight decoded, so the decoded tensor is at most four times the body.</remarks>
    public static bool WorthwhileFor(int bodyLength) => bodyLength >= RentedBody.MinimumLength / 4;

    /// <summary>
    /// An array of exactly <paramref name="length"/> bytes for a decoded tensor: rented when it is large enough to be
    /// worth it, else a plain one. Its contents are not zeroed.
    /// </summary>
    public Memory<byte> Allocate(int length)
    {
        if (length < RentedBody.MinimumLength)
        {
            return GC.AllocateUninitializedArray<byte>(length);
        }

        var array = ArrayPool<byte>.Shared.Rent(length);
        (_arrays ??= []).Add(array);
        return array.AsMemory(0, length);
    }

    /// <summary>Keeps the arrays out of the pool for good: a shadow request may read them after the response.</summary>
    public void Detach() => _arrays = null;

    /// <summary>Gives every rented array back; the request must no longer read its decoded tensors.</summary>
    public void Return()
    {
        if (_arrays is not { } arrays)
        {
            return;
        }

        _arrays = null;
        foreach (var array in arrays)
        {
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
