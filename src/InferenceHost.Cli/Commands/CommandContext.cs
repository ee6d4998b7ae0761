using InferenceHost.Cli.Admin;

namespace InferenceHost.Cli.Commands;

/// <summary>What a running command uses: the API client, and where and how its result is printed.</summary>
internal sealed class CommandContext(AdminApiClient admin, TextWriter output, bool json)
{
    public AdminApiClient Admin => admin;

    /// <summary>Prints an answer: the server's JSON as it came with <c>--json</c>, else as <paramref name="render"/> lays it out.</summary>
    public void Print<T>(AdminReply<T> reply, Action<T, TextWriter> render)
    {
        if (json)
        {
            output.WriteLine(reply.Json);
        }
        else
        {
            render(reply.Body, output);
        }
    }
}
