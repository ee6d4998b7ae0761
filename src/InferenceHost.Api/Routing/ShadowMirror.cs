using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Api.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Routing;

/// <summary>
/// Sends copies of requests to a shadow version after the primary answered, without the client
/// waiting: at most <see cref="RoutingOptions.MaxShadowInFlight"/> at once (more are dropped and
/// counted); each outcome, answer or failure, becomes a <see cref="ShadowPair"/> in <see cref="ShadowPairLog"/>
/// and is recorded in this silo's telemetry under the shadow version's slot <c>shadow</c>, an answer
/// with its agreement with the primary's.
/// </summary>
public sealed partial class ShadowMirror
{
    private readonly Func<string, string, InferenceRequest, Task<InferenceResponse>> _send;
    private readonly ShadowPairLog _pairs;
    private readonly RequestTelemetry _telemetry;
    private readonly IOptions<RoutingOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ShadowMirror> _logger;
    private int _inFlight;
    private long _dropped;

    public ShadowMirror(
        ReplicaClient replicas, ShadowPairLog pairs, RequestTelemetry telemetry, IOptions<RoutingOptions> options, TimeProvider time, ILogger<ShadowMirror> logger)
        : this(replicas.InferAsync, pairs, telemetry, options, time, logger)
    {
    }

    /// <summary>With the way a copy reaches the shadow replica given, so tests can hold a copy in flight.</summary>
    internal ShadowMirror(
        Func<string, string, InferenceRequest, Task<InferenceResponse>> send,
        ShadowPairLog pairs,
        RequestTelemetry telemetry,
        IOptions<RoutingOptions> options,
        TimeProvider time,
        ILogger<ShadowMirror> logger)
    {
        _send = send;
        _pairs = pairs;
        _telemetry = telemetry;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Shadow requests running now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Mirrors dropped because <see cref="RoutingOptions.MaxShadowInFlight"/> were already running.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Starts mirroring <paramref name="request"/> to <paramref name="shadowVersion"/>; false when dropped. Never throws for the shadow's failures.</summary>
    /// <param name="shadowVersion">The version that gets the copy.</param>
    /// <param name="request">The request the primary answered.</param>
    /// <param name="primary">The primary's answer, compared with the shadow's.</param>
    /// <param name="summaryOutput">The output telemetry summarises and compares (the model's first declared output).</param>
    public bool TryMirror(string shadowVersion, InferenceRequest request, InferenceResponse primary, string? summaryOutput = null)
    {
        if (Interlocked.Increment(ref _inFlight) > _options.Value.MaxShadowInFlight)
        {
            Interlocked.Decrement(ref _inFlight);
            Interlocked.Increment(ref _dropped);
            return false;
        }

        _ = MirrorAsync(shadowVersion, request, primary, summaryOutput, _time.GetUtcNow());
        return true;
    }

    private async Task MirrorAsync(string shadowVersion, InferenceRequest request, InferenceResponse primary, string? summaryOutput, DateTimeOffset at)
    {
        // Off the caller's thread at once: not even the call's synchronous start delays the response.
        await Task.Yield();
        try
        {
            IReadOnlyList<InferenceTensor>? outputs = null;
            string? error = null;
            var started = _telemetry.Start();
            try
            {
                var shadow = await _send(primary.ModelName, shadowVersion, request);
                _telemetry.Answered(primary.ModelName, shadowVersion, SlotNames.Shadow, started, request, shadow, summaryOutput);
                _telemetry.Paired(primary.ModelName, shadowVersion, primary, shadow, summaryOutput);
                outputs = shadow.Outputs;
            }
            catch (InferenceException failure)
            {
                _telemetry.Failed(primary.ModelName, shadowVersion, SlotNames.Shadow, started, failure);
                error = failure.Message;
                LogShadowRefused(_logger, primary.ModelName, shadowVersion, failure.Message);
            }
            catch (Exception exception)
            {
                _telemetry.Failed(primary.ModelName, shadowVersion, SlotNames.Shadow, started, exception);
                error = exception.Message;
                LogShadowFailed(_logger, primary.ModelName, shadowVersion, exception);
            }

            _pairs.Add(new ShadowPair(primary.ModelName, request.Id, at, primary.ModelVersion, primary.Outputs, shadowVersion, outputs, error));
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
