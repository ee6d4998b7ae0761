using Orleans.Concurrency;

namespace InferenceHost.Abstractions.Routing;

/// <summary>A silo's subscription to a model's route table changes (the push half of push + poll).</summary>
[Alias("InferenceHost.IRouteTableObserver")]
public interface IRouteTableObserver : IGrainObserver
{
    [OneWay, Alias("OnRouteTableChanged")]
    Task OnRouteTableChanged(RouteTable table);
}
