using System.Text;
using InferenceHost.Api.Grpc;

namespace InferenceHost.Api.Tests.Grpc;

public sealed class Utf8NameCacheTests
{
    [Fact]
    public void Get_ARepeatedName_IsTheSameStringWithoutANewOne()
    {
        var first = Utf8NameCache.Get("iris-mlp"u8);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var second = Utf8NameCache.Get("iris-mlp"u8);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Same(first, second);
        Assert.Equal("iris-mlp", second);
    }

    [Fact]
    public void Get_ManyNamesSharingFewSlots_EachReadsAsItsOwnText()
    {
        // More names than slots, in turn: whatever replaced whatever, every answer is the text of its own bytes.
        var names = Enumerable.Range(0, 2_000).Select(i => $"model-{i}-é").Concat([string.Empty, new string('x', 200)]).ToArray();
        for (var round = 0; round < 3; round++)
        {
            foreach (var name in names)
            {
                Assert.Equal(name, Utf8NameCache.Get(Encoding.UTF8.GetBytes(name)));
            }
        }
    }
}
