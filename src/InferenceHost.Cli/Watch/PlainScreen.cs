using Spectre.Console;

namespace InferenceHost.Cli.Watch;

/// <summary>
/// Output that is not a terminal (a pipe, a CI log, a test): no cursor moves, no colour; a whole frame each
/// time the rollout reaches a milestone, so a log reads as the rollout's story rather than a redraw per poll.
/// </summary>
internal sealed class PlainScreen(TextWriter output) : IWatchScreen
{
    /// <summary>Wider than a terminal's default 80: logs do not wrap, and reasons stay on one line.</summary>
    private const int Width = 120;

    private (string, int, int, bool, long, long?)? _shown;

    public Task<T> RunAsync<T>(Func<Action<RolloutSnapshot>, Task<T>> watch) => watch(Show);

    private void Show(RolloutSnapshot snapshot)
    {
        if (_shown == snapshot.Milestone)
        {
            return;
        }

        _shown = snapshot.Milestone;
        using var frame = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(frame),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = Width;
        console.Write(WatchFrame.Render(snapshot));

        // Spectre pads every line to the width; trailing blanks are noise in a log and in a diff.
        foreach (var line in frame.ToString().TrimEnd().Split('\n'))
        {
            output.WriteLine(line.TrimEnd());
        }

        output.WriteLine();
    }
}
