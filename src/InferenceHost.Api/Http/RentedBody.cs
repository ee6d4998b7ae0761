using System.Buffers;

namespace InferenceHost.Api.Http;

/// <summary>
/// A request body, in an array rented from <see cref="ArrayPool{T}.Shared"/> when it is large enough to be worth
/// it (a large tensor otherwise costs a fresh large-object-heap array per request). Binary inputs are slices of
/// it, so it goes back to the pool only when the request is finished with: on <see cref="Dispose"/>, unless
/// <see cref="Detach"/> handed it to the garbage collector first because something may still read it.
/// </summary>
internal struct RentedBody(ReadOnlyMemory<byte> memory, byte[]? rented) : IDisposable
{
    /// <summary>Bodies shorter than this are plain arrays: small allocations cost the GC little.</summary>
    public const int MinimumLength = 16 * 1024;

    private byte[]? _rented = rented;

    public readonly ReadOnlyMemory<byte> Memory => memory;

    /// <summary>Keeps the array out of the pool for good: a shadow request may read it after the response.</summary>
    public void Detach() => _rented = null;

    public void Dispose()
    {
        if (_rented is { } array)
        {
            _rented = null;
            ArrayPool<byte>.Shared.Return(array);
        }
    }
}
