using System.Net.Http.Headers;
using System.Text;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Api.Routing;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceHost.Api.Tests.Routing;

/// <summary>Deploys through the real router grain and sends iris requests to the routing tests' host.</summary>
internal sealed class RoutingHost(InferenceHostFixture host)
{
    public const string Model = "iris-mlp";

    public IModelRouterGrain Router => host.Services.GetRequiredService<IGrainFactory>().GetGrain<IModelRouterGrain>(Model);

    /// <summary>Deploys <paramref name="model"/>, then waits until this silo's cached table has the new revision (the push is one-way).</summary>
    public async Task<RouteTable> DeployAsync(Deployment deployment, string model = Model)
    {
        var table = await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IModelRouterGrain>(model).Deploy(deployment, null, "routing-tests");
        var routes = host.Services.GetRequiredService<IRouteTableSource>();
        await Eventually.TrueAsync(
            async () => (await routes.GetAsync(model)).Revision >= table.Revision, TimeSpan.FromSeconds(1), $"revision {table.Revision} to reach the silo");
        return table;
    }

    /// <summary>POSTs one flower to <paramref name="path"/> with the routing headers given (null: not sent).</summary>
    public Task<HttpResponseMessage> InferAsync(
        string? id = null, string? pinnedSlot = null, string? routingKey = null, string? routingParameter = null, string path = $"/v2/models/{Model}/infer")
    {
        var parameters = routingParameter is null ? string.Empty : $$""","parameters":{"routing_key":"{{routingParameter}}"}""";
        var json = $$"""{"id":"{{id}}","inputs":[{"name":"input","shape":[1,4],"datatype":"FP32","data":[5.1,3.5,1.4,0.2]}]{{parameters}}}""";
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (pinnedSlot is not null)
        {
            request.Headers.TryAddWithoutValidation(RoutingHeaders.Slot, pinnedSlot);
        }

        if (routingKey is not null)
        {
            request.Headers.TryAddWithoutValidation(RoutingHeaders.RoutingKey, routingKey);
        }

        return host.Http.SendAsync(request);
    }

    public static string Header(HttpResponseMessage response, string name) => Assert.Single(response.Headers.GetValues(name));

    /// <summary>The routing headers as one tuple: version, slot, reason.</summary>
    public static (string Version, string Slot, string Reason) Route(HttpResponseMessage response) =>
        (Header(response, RoutingHeaders.ModelVersion), Header(response, RoutingHeaders.Slot), Header(response, RoutingHeaders.Reason));
}
