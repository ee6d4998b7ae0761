using System.Diagnostics;

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>
/// Keeps the last lines a child process wrote, to explain a failed start. Reading both streams
/// continuously also keeps a chatty child from blocking on a full pipe.
/// </summary>
internal sealed class ProcessOutputTail(int lines)
{
    private readonly Queue<string> tail = new();

    public void Follow(Process process)
    {
        process.OutputDataReceived += (_, line) => Add(line.Data);
        process.ErrorDataReceived += (_, line) => Add(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public override string ToString()
    {
        lock (tail)
        {
            return string.Join('\n', tail);
        }
    }

    private void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (tail)
        {
            tail.Enqueue(line);
            if (tail.Count > lines)
            {
                tail.Dequeue();
            }
        }
    }
}
