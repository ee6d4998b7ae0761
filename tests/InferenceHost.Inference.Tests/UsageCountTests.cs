using InferenceHost.Inference.Execution;

namespace InferenceHost.Inference.Tests;

public sealed class UsageCountTests
{
    [Fact]
    public void Retire_WhileInUse_ReleasesOnlyWhenTheLastUserExits()
    {
        var released = 0;
        var usage = new UsageCount(() => released++);
        Assert.True(usage.TryEnter());
        Assert.True(usage.TryEnter());

        usage.Retire();
        usage.Exit();
        Assert.Equal(0, released);
        usage.Exit();

        Assert.Equal(1, released);
        Assert.False(usage.TryEnter());
    }

    [Fact]
    public void Retire_Twice_ReleasesOnce()
    {
        var released = 0;
        var usage = new UsageCount(() => released++);

        usage.Retire();
        usage.Retire();

        Assert.Equal(1, released);
    }

    [Fact]
    public async Task TryEnter_RacingWithRetire_NeverEntersAfterRelease()
    {
        var released = false;
        var enteredAfterRelease = false;
        var usage = new UsageCount(() => Volatile.Write(ref released, true));
        var users = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                if (!usage.TryEnter())
                {
                    return;
                }

                enteredAfterRelease |= Volatile.Read(ref released);
                usage.Exit();
            }
        })).ToArray();

        usage.Retire();
        await Task.WhenAll(users);

        Assert.True(released);
        Assert.False(enteredAfterRelease);
    }
}
