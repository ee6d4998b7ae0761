using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Models;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Api.Routing;
using InferenceHost.Api.Telemetry;

namespace InferenceHost.Api;

/// <summary>
/// The one way both protocols reach a model, in three steps: <see cref="GetRouteTableAsync"/>
/// (before the body is decoded: unknown models answer 404 at once), <see cref="Route"/> (which
/// version, from the silo's cached route table, no grain call) and <see cref="InferAsync"/> (the
/// local replica runs it, or the one on the silo that serves a version this silo cannot, timed and recorded under the route's version and slot; a drawn shadow gets
/// a copy afterwards, off the response path).
/// </summary>
public sealed class InferenceDispatcher(
    IModelDirectory directory,
    ReplicaClient replicas,
    IRouteTableSource routes,
    IRandomSource random,
    ShadowMirror shadows,
    RequestTelemetry telemetry)
{
    /// <summary>The model's route table, after checking that the model (and the URL's version, if any) exists here.</summary>
    /// <exception cref="InferenceException">Unknown model or version (NotFound), or not ready (Unavailable).</exception>
    public ValueTask<RouteTable> GetRouteTableAsync(string model, string? version)
    {
        // Only known models reach the route tables, so a client cannot make routers for names it invents.
        if (version is not null || !directory.IsReady(model, null))
        {
            directory.Resolve(model, version);
        }

        return routes.GetAsync(model);
    }

    /// <summary>Picks the version (<see cref="RoutePicker"/>) and checks that it is ready here; draws the shadow.</summary>
    /// <exception cref="InferenceException">A bad pin (InvalidInput), or the chosen version cannot serve (Unavailable; NotFound for a URL's version).</exception>
    public InferenceRoute Route(RouteTable table, in RouteHints hints)
    {
        var decision = RoutePicker.Pick(table, hints, random);
        var target = Resolve(table.Model, decision);
        return new InferenceRoute(target, decision with { Version = target.Version }, RoutePicker.PickShadow(table.Deployment, target.Version, random));
    }

    /// <summary>
    /// Runs <paramref name="request"/> on the route's version, records the answer or failure in this silo's
    /// telemetry, then mirrors it to the route's shadow without waiting.
    /// </summary>
    /// <exception cref="InferenceException">Invalid input, or a model failure.</exception>
    public async ValueTask<InferenceResponse> InferAsync(InferenceRoute route, InferenceRequest request)
    {
        var (model, version, slot) = (route.Target.Model, route.Target.Version, route.Decision.Slot);
        var started = telemetry.Start();
        InferenceResponse response;
        try
        {
            response = await replicas.InferAsync(route.Target, request);
        }
        catch (Exception failure)
        {
            telemetry.Failed(model, version, slot, started, failure);
            throw;
        }

        // Drift, agreement and feedback read the model's first declared output, whichever outputs the client asked for.
        var summaryOutput = route.Target.Outputs.Count > 0 ? route.Target.Outputs[0].Name : null;
        telemetry.Answered(model, version, slot, started, request, response, summaryOutput);
        if (route.ShadowVersion is { } shadow)
        {
            shadows.TryMirror(shadow, request, response, summaryOutput);
        }

        return response;
    }

    private ModelVersionInfo Resolve(string model, RouteDecision decision)
    {
        if (decision.Reason is RouteReasons.Url or RouteReasons.Default)
        {
            return directory.Resolve(model, decision.Version);
        }

        try
        {
            return directory.Resolve(model, decision.Version);
        }
        catch (InferenceException missing) when (missing.Kind == InferenceErrorKind.NotFound)
        {
            // The deployment names a version this silo lacks: the server cannot serve, the request is fine.
            throw InferenceException.Unavailable(
                $"model '{model}' slot {decision.Slot} holds version '{decision.Version}', which is not loaded on this silo");
        }
    }
}
