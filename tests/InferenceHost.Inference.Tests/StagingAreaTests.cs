using InferenceHost.Inference.Repository;
using Microsoft.Extensions.Options;

namespace InferenceHost.Inference.Tests;

/// <summary>The repository's staging folder: uploads wait there, out of every scan's sight.</summary>
public sealed class StagingAreaTests : IDisposable
{
    private readonly TempRepository _repository = new();
    private readonly ManualTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly StagingArea _staging;

    public StagingAreaTests() =>
        _staging = new StagingArea(Options.Create(new InferenceOptions { RepositoryPath = _repository.Root }), _time);

    [Fact]
    public async Task WriteAsync_Content_IsStagedAsModelFileOutOfTheScansSight()
    {
        _repository.CopyModel(TestModels.Iris, 1);

        var id = await _staging.WriteAsync(new MemoryStream("onnx bytes"u8.ToArray()), CancellationToken.None);

        Assert.True(_staging.TryGetModelPath(id, out var path));
        Assert.Equal(Path.Combine(_repository.Root, ".staging", id, "model.onnx"), path);
        Assert.Equal("onnx bytes"u8.ToArray(), await File.ReadAllBytesAsync(path));
        Assert.Equal([TestModels.Iris], _repository.Scan().Select(s => s.Model));
    }

    [Fact]
    public async Task WriteAsync_ContentFailsHalfWay_LeavesNothing()
    {
        await Assert.ThrowsAsync<IOException>(() => _staging.WriteAsync(new FailingStream(), CancellationToken.None));

        Assert.Empty(Directory.GetDirectories(_staging.Root));
    }

    [Theory]
    [InlineData("../iris-mlp")]
    [InlineData("not-a-guid")]
    [InlineData("")]
    public void TryGetModelPath_NotAnUploadId_IsFalse(string id)
    {
        Assert.False(_staging.TryGetModelPath(id, out _));
        Assert.Throws<ArgumentException>(() => _staging.FolderOf(id));
        _staging.Discard(id);
    }

    [Fact]
    public async Task Discard_StagedUpload_RemovesItOnceAndQuietlyAfter()
    {
        var id = await _staging.WriteAsync(new MemoryStream([1, 2, 3]), CancellationToken.None);

        _staging.Discard(id);
        _staging.Discard(id);

        Assert.False(_staging.TryGetModelPath(id, out _));
    }

    [Fact]
    public void Trash_VersionFolder_LeavesTheRepositoryAndIsDeleted()
    {
        _repository.CopyModel(TestModels.Iris, 1);
        _repository.CopyModel(TestModels.Iris, 2);

        _staging.Trash(Path.Combine(_repository.Root, TestModels.Iris, "2"));

        Assert.Equal(["1"], _repository.Scan().Select(s => s.Version));
        Assert.Empty(Directory.GetDirectories(_staging.Root));
    }

    [Fact]
    public async Task RemoveStale_OldAndNewUploads_RemovesOnlyTheOld()
    {
        var old = await _staging.WriteAsync(new MemoryStream([1]), CancellationToken.None);
        Directory.SetLastWriteTimeUtc(_staging.FolderOf(old), _time.Now.UtcDateTime - StagingArea.StaleAfter - TimeSpan.FromMinutes(1));
        var fresh = await _staging.WriteAsync(new MemoryStream([2]), CancellationToken.None);

        _staging.RemoveStale();

        Assert.False(_staging.TryGetModelPath(old, out _));
        Assert.True(_staging.TryGetModelPath(fresh, out _));
    }

    public void Dispose() => _repository.Dispose();

    private sealed class FailingStream : MemoryStream
    {
        public FailingStream()
            : base(new byte[100])
        {
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position == 0 ? ReadFirstAsync(buffer, cancellationToken) : throw new IOException("the client went away");

        private async ValueTask<int> ReadFirstAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
            await base.ReadAsync(buffer[..10], cancellationToken);
    }
}
