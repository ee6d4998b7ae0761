namespace InferenceHost.Cli;

/// <summary>
/// Ctrl+C as a cancellation. The first press asks the running command to stop, so a live view can put
/// the terminal back and say where the rollout stands; a second press ends the process at once, for a
/// host that does not answer.
/// </summary>
internal sealed class ConsoleInterrupt : IDisposable
{
    private readonly CancellationTokenSource _pressed = new();

    public ConsoleInterrupt() => Console.CancelKeyPress += OnCancelKeyPress;

    public CancellationToken Token => _pressed.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _pressed.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs press)
    {
        press.Cancel = !_pressed.IsCancellationRequested;
        _pressed.Cancel();
    }
}
