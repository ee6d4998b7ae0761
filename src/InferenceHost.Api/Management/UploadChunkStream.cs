using Grpc.Core;
using InferenceHost.Api.Management.Protocol;

namespace InferenceHost.Api.Management;

/// <summary>
/// The bytes of an <c>UploadVersion</c> call's chunks as a read-only stream, pulled from the call one chunk at a
/// time as the staging area reads, so a file is never held whole and a slow disk slows the client (gRPC's flow
/// control) rather than filling memory. Refuses a file over the upload limit as soon as it gets there.
/// </summary>
internal sealed class UploadChunkStream(UploadVersionChunk first, IAsyncStreamReader<UploadVersionChunk> chunks, long limit) : Stream
{
    private ReadOnlyMemory<byte> pending = first.Data.Memory;
    private long total = first.Data.Length;
    private bool ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The message for a file over <paramref name="limit"/>, as REST's for a body over it.</summary>
    public static string TooLargeMessage(long limit) => $"the uploaded file exceeds the limit of {limit} bytes";

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        CheckLimit();
        while (pending.IsEmpty && !ended)
        {
            if (await chunks.MoveNext(cancellationToken))
            {
                var chunk = chunks.Current;
                if (chunk.Model.Length > 0 || chunk.Version.Length > 0)
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, "only the first chunk names the model and version; later chunks carry only data"));
                }

                pending = chunk.Data.Memory;
                total += pending.Length;
                CheckLimit();
            }
            else
            {
                ended = true;
            }
        }

        var count = Math.Min(pending.Length, buffer.Length);
        pending[..count].CopyTo(buffer);
        pending = pending[count..];
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Only asynchronous reads: a blocking one would hold a thread while the client sends.</summary>
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("read the upload asynchronously");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void CheckLimit()
    {
        if (total > limit)
        {
            throw new RpcException(new Status(StatusCode.ResourceExhausted, TooLargeMessage(limit)));
        }
    }
}
