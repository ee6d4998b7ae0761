using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Telemetry.Publishing;
using InferenceHost.Telemetry.Recording;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Telemetry;

/// <summary>
/// Sends this silo's recorded telemetry to each model's telemetry grain every
/// <see cref="TelemetryOptions.FlushInterval"/>, and once more when the host stops. A delta whose send
/// fails is kept and merged into the model's next one (its served answers bounded by
/// <see cref="TelemetryOptions.ServedCapacity"/>), so an unreachable grain delays counts but loses none.
/// </summary>
public sealed partial class TelemetryFlusher : BackgroundService
{
    private readonly TelemetryRecorder _recorder;
    private readonly IGrainFactory _grains;
    private readonly IOptions<TelemetryOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<TelemetryFlusher> _logger;

    // Flushes are serialised by the gate; these two are only touched while holding it.
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, TelemetryDelta> _unsent = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failing = new(StringComparer.Ordinal);
    private int _unsentCount;

    public TelemetryFlusher(
        TelemetryRecorder recorder,
        IGrainFactory grains,
        IOptions<TelemetryOptions> options,
        TimeProvider time,
        ILogger<TelemetryFlusher> logger,
        ILocalSiloDetails? silo = null)
    {
        _recorder = recorder;
        _grains = grains;
        _options = options;
        _time = time;
        _logger = logger;

        // The silo address holds the silo's start generation: unique to this process in the cluster.
        Silo = silo?.SiloAddress.ToString() ?? $"{Environment.MachineName}:{Environment.ProcessId}";
    }

    /// <summary>How this silo signs its deltas.</summary>
    public string Silo { get; }

    /// <summary>Models whose latest send failed, their counts kept for the next one (as of the latest flush).</summary>
    public int Unsent => Volatile.Read(ref _unsentCount);

    /// <summary>Sends what is recorded now, without waiting for the next tick (feedback needs the request it names to be known).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled while waiting for a flush in progress.</exception>
    public async Task FlushNowAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await SendAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // What the last interval recorded goes too; the host's shutdown timeout bounds the wait.
            await FlushNowAsync(cancellationToken).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogShutdownFlushAbandoned(_logger);
        }
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Value.Enabled)
        {
            // Nothing is recorded, so there is nothing to send.
            return;
        }

        using var timer = new PeriodicTimer(_options.Value.FlushInterval, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushNowAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync sends the rest.
        }
    }

    private async Task SendAsync()
    {
        try
        {
            foreach (var (model, delta) in _recorder.TakeDeltas(Silo))
            {
                _unsent[model] = _unsent.TryGetValue(model, out var older)
                    ? TelemetryDeltas.Merge(older, delta, _options.Value.ServedCapacity)
                    : delta;
            }
        }
        catch (Exception exception)
        {
            // A bug here must not stop the host (a background service's failure does): log, try next tick.
            LogTakeFailed(_logger, exception);
            return;
        }

        var sends = _unsent.Select(pending => TrySendAsync(pending.Key, pending.Value)).ToArray();
        foreach (var (model, failure) in await Task.WhenAll(sends))
        {
            if (failure is null)
            {
                _unsent.Remove(model);
                if (_failing.Remove(model))
                {
                    LogSendResumed(_logger, model);
                }
            }
            else if (_failing.Add(model))
            {
                LogSendFailed(_logger, model, failure);
            }
        }

        Volatile.Write(ref _unsentCount, _unsent.Count);
    }

    private async Task<(string Model, Exception? Failure)> TrySendAsync(string model, TelemetryDelta delta)
    {
        try
        {
            await _grains.GetGrain<IModelTelemetryGrain>(model).Record(delta);
            return (model, null);
        }
        catch (Exception exception)
        {
            return (model, exception);
        }
    }
}
