using System.Globalization;
using System.Net;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Api.Routing;
using InferenceHost.Api.Tests.Hosting;
using InferenceHost.Tests.Common;

namespace InferenceHost.Api.Tests.Routing;

[Collection(RoutingHostCollection.Name)]
public sealed class HttpRoutingTests(InferenceHostFixture fixture)
{
    private static readonly Deployment EverySlot =
        new(new SlotAssignment("1", 100), new SlotAssignment("2", 0), new SlotAssignment("3", 0), ServingSlot.Blue, null);

    private readonly RoutingHost _host = new(fixture);

    [Fact]
    public async Task Infer_VersionlessAfterDeploy_ServesTheDeployedVersionAndSaysWhy()
    {
        var table = await _host.DeployAsync(Deployment.Single("1"));

        var response = await _host.InferAsync("h1");
        var json = await HttpAssert.OkJsonAsync(response);

        Assert.Equal(("1", SlotNames.Blue, RouteReasons.Weighted), RoutingHost.Route(response));
        Assert.Equal(table.Revision.ToString(CultureInfo.InvariantCulture), RoutingHost.Header(response, RoutingHeaders.Revision));
        Assert.Equal("1", json.GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task Infer_AfterAnotherDeploy_ServesTheNewVersionWithoutARestart()
    {
        await _host.DeployAsync(Deployment.Single("1"));
        Assert.Equal("1", RoutingHost.Route(await _host.InferAsync()).Version);

        await _host.Router.Deploy(Deployment.Single("2"), null, "routing-tests");

        await Eventually.TrueAsync(
            async () => RoutingHost.Route(await _host.InferAsync()).Version == "2", TimeSpan.FromSeconds(1), "version 2 to serve");
    }

    [Theory]
    [InlineData(SlotNames.Blue, "1")]
    [InlineData(SlotNames.Green, "2")]
    [InlineData(SlotNames.Canary, "3")]
    public async Task Infer_PinnedSlot_ServesThatSlotsVersionWhateverItsWeight(string slot, string version)
    {
        await _host.DeployAsync(EverySlot);

        var response = await _host.InferAsync(pinnedSlot: slot, routingKey: "ignored");
        var json = await HttpAssert.OkJsonAsync(response);

        Assert.Equal((version, slot, RouteReasons.Pinned), RoutingHost.Route(response));
        Assert.Equal(version, json.GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task Infer_UrlVersion_WinsOverThePin()
    {
        await _host.DeployAsync(EverySlot);

        var response = await _host.InferAsync(pinnedSlot: SlotNames.Green, path: $"/v2/models/{RoutingHost.Model}/versions/3/infer");

        Assert.Equal(("3", SlotNames.Canary, RouteReasons.Url), RoutingHost.Route(response));
    }

    [Theory]
    [InlineData("purple", "x-inference-slot 'purple' is not a serving slot; use blue, green or canary")]
    [InlineData("", "x-inference-slot is empty; use blue, green or canary")]
    public async Task Infer_BadPinnedSlot_Is400SayingWhy(string slot, string message)
    {
        await _host.DeployAsync(Deployment.Single("1"));

        await HttpAssert.ErrorAsync(await _host.InferAsync(pinnedSlot: slot), HttpStatusCode.BadRequest, message);
    }

    [Fact]
    public async Task Infer_PinnedEmptySlot_Is400SayingWhy()
    {
        var table = await _host.DeployAsync(Deployment.Single("1"));

        await HttpAssert.ErrorAsync(
            await _host.InferAsync(pinnedSlot: SlotNames.Canary),
            HttpStatusCode.BadRequest,
            $"x-inference-slot 'canary': model 'iris-mlp' has no version in that slot (revision {table.Revision})");
    }

    [Fact]
    public async Task Infer_RoutingKeyByHeaderOrParameter_LandsWhereTheKeyHashes()
    {
        await _host.DeployAsync(new Deployment(new SlotAssignment("1", 50), null, new SlotAssignment("2", 50), ServingSlot.Blue, null));

        for (var k = 0; k < 12; k++)
        {
            var key = $"user-{k}";
            var expected = RoutePicker.StickyPoint(key) < 0.5 ? ("2", SlotNames.Canary, RouteReasons.Sticky) : ("1", SlotNames.Blue, RouteReasons.Sticky);

            Assert.Equal(expected, RoutingHost.Route(await _host.InferAsync(routingKey: key)));
            Assert.Equal(expected, RoutingHost.Route(await _host.InferAsync(routingParameter: key)));
        }
    }

    [Fact]
    public async Task Infer_UnknownModel_Is404BeforeTheBodyIsRead()
    {
        await HttpAssert.ErrorAsync(
            await _host.InferAsync(pinnedSlot: "purple", path: "/v2/models/nope/infer"), HttpStatusCode.NotFound, "unknown model 'nope'");
    }
}
