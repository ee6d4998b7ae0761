using Spectre.Console;

namespace InferenceHost.Cli.Watch;

/// <summary>A terminal: one frame redrawn in place at every read, and left on screen when the watch ends.</summary>
internal sealed class LiveScreen(IAnsiConsole terminal) : IWatchScreen
{
    public Task<T> RunAsync<T>(Func<Action<RolloutSnapshot>, Task<T>> watch) =>
        terminal.Live(new Text("reading the rollout..."))
            .AutoClear(false)
            .StartAsync(live => watch(snapshot =>
            {
                live.UpdateTarget(WatchFrame.Render(snapshot));
                live.Refresh();
            }));
}
