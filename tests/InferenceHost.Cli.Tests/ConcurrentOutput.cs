using System.Text;
using InferenceHost.Tests.Common;

namespace InferenceHost.Cli.Tests;

/// <summary>
/// Standard output for a command that runs until something happens: the command writes to it while the
/// test waits for what it needs to see, e.g. the first frame of a watch, before acting.
/// </summary>
public sealed class ConcurrentOutput : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.Unicode;

    public override void Write(char value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_text)
        {
            _text.Append(value);
        }
    }

    public override string ToString()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }

    /// <summary>Waits until the output holds <paramref name="text"/>.</summary>
    /// <exception cref="TimeoutException">It did not within <paramref name="timeout"/>; the message shows what it holds.</exception>
    public async Task WaitForAsync(string text, TimeSpan timeout)
    {
        try
        {
            await Eventually.TrueAsync(() => Task.FromResult(ToString().Contains(text, StringComparison.Ordinal)), timeout, $"the output to show '{text}'");
        }
        catch (TimeoutException timedOut)
        {
            throw new TimeoutException($"{timedOut.Message}; it shows:\n{this}", timedOut);
        }
    }
}
