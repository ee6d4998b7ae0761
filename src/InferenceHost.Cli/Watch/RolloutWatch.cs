using InferenceHost.Cli.Admin;
using InferenceHost.Cli.Commands;
using InferenceHost.Cli.Output;
using Spectre.Console;

namespace InferenceHost.Cli.Watch;

/// <summary>
/// <c>rollout watch MODEL</c>: shows the model's rollout every <paramref name="interval"/> until it ends, then says
/// how it ended, in words and in the exit code, so a script or a pipeline can wait on a rollout and gate on it.
/// </summary>
internal sealed class RolloutWatch(string model, TimeSpan interval)
{
    public async Task RunAsync(CommandContext context)
    {
        var poller = new RolloutPoller(context.Admin, model);

        // Read before drawing anything: with no rollout to watch the command fails as 'rollout status' does.
        var first = await poller.ReadAsync();
        var last = await ScreenFor(context).RunAsync(show => FollowAsync(poller, first, show, context.Interrupted));
        var rollout = last.Rollout;
        var name = $"rollout #{Numbers.Whole(rollout.Number)} of {model}";
        if (!last.Ended)
        {
            context.Output.WriteLine($"stopped watching {name} at {RolloutPrinter.Progress(rollout)}; the rollout goes on");
            context.ExitCode = ExitCodes.Interrupted;
            return;
        }

        context.Output.WriteLine($"{name} {rollout.Phase}: {RolloutPrinter.Decision(rollout.Latest)}");
        context.ExitCode = rollout.Phase switch
        {
            RolloutPhases.Promoted => ExitCodes.Success,
            RolloutPhases.RolledBack => ExitCodes.RolledBack,
            RolloutPhases.Aborted => ExitCodes.Aborted,
            var phase => throw new CommandFailedException($"{name} ended {phase}, an ending this inferencehost does not know; update it"),
        };
    }

    /// <summary>The snapshots until the rollout ends or Ctrl+C is pressed; the last one read.</summary>
    private async Task<RolloutSnapshot> FollowAsync(RolloutPoller poller, RolloutSnapshot snapshot, Action<RolloutSnapshot> show, CancellationToken interrupted)
    {
        show(snapshot);
        while (!snapshot.Ended)
        {
            try
            {
                await Task.Delay(interval, interrupted);
                snapshot = await poller.ReadAsync();
            }
            catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
            {
                break;
            }

            show(snapshot);
        }

        return snapshot;
    }

    private static IWatchScreen ScreenFor(CommandContext context)
    {
        if (context.Interactive)
        {
            var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Output) });
            if (terminal.Profile.Capabilities is { Ansi: true, Interactive: true })
            {
                return new LiveScreen(terminal);
            }
        }

        return new PlainScreen(context.Output);
    }
}
