using InferenceHost.Cli.Admin;

namespace InferenceHost.Cli.Commands;

/// <summary>What a running command uses: the API client, where and how its result is printed, and Ctrl+C.</summary>
internal sealed class CommandContext(AdminApiClient admin, TextWriter output, bool json, bool interactive, CancellationToken interrupted)
{
    public AdminApiClient Admin => admin;

    public TextWriter Output => output;

    /// <summary>
    /// Whether <see cref="Output"/> is a terminal that a live view may redraw in place; false when it is
    /// redirected (pipes, CI logs, tests), where only whole lines belong.
    /// </summary>
    public bool Interactive => interactive;

    /// <summary>Cancelled when the operator presses Ctrl+C.</summary>
    public CancellationToken Interrupted => interrupted;

    /// <summary>
    /// What the process exits with when the command returns; <see cref="ExitCodes.Success"/> unless the
    /// command has more to say than done or failed (<c>rollout watch</c> tells how the rollout ended).
    /// </summary>
    public int ExitCode { get; set; } = ExitCodes.Success;

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
