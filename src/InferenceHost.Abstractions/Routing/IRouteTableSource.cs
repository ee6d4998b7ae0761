namespace InferenceHost.Abstractions.Routing;

/// <summary>
/// This silo's cache of route tables: a hit is a dictionary read (the hot path); a miss fetches
/// the table from the model's router grain once, after which pushes and polling keep it fresh.
/// </summary>
public interface IRouteTableSource
{
    ValueTask<RouteTable> GetAsync(string model);
}
