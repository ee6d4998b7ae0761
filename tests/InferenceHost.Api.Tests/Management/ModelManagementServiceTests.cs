using System.Net;
using Grpc.Core;
using InferenceHost.Api.Management.Protocol;
using InferenceHost.Api.Tests.Admin;
using InferenceHost.Api.Tests.Hosting;

namespace InferenceHost.Api.Tests.Management;

/// <summary>
/// The gRPC management service on the real host, beside the REST API it mirrors. Tests share the
/// host and run one at a time, so each reads the state it starts from and asserts what its own change did.
/// </summary>
[Collection(AdminHostCollection.Name)]
public sealed class ModelManagementServiceTests(AdminHostFixture host)
{
    private const string Model = "iris-mlp";

    private ManagementClient Management { get; } = new(host, AdminHostFixture.Token);

    private static Deployment BlueCanary => new()
    {
        Active = Colour.Blue,
        Blue = new SlotAssignment { Version = "1", Weight = 80 },
        Canary = new SlotAssignment { Version = "2", Weight = 20 },
    };

    private static Deployment BlueWithGreenStandby => new()
    {
        Active = Colour.Blue,
        Blue = new SlotAssignment { Version = "1", Weight = 100 },
        Green = new SlotAssignment { Version = "2", Weight = 0 },
    };

    [Fact]
    public async Task ListModels_ListsEveryModelWithItsVersionsStatusAndRevision()
    {
        var response = await Management.Stub.ListModelsAsync(new ListModelsRequest(), Management.Headers);

        var models = response.Models.ToDictionary(m => m.Name);
        Assert.Contains("dtype-echo", models.Keys);
        Assert.Equal([.. models.Keys.Order(StringComparer.Ordinal)], models.Keys);
        var iris = models[Model];
        Assert.Equal((await Management.GetDeploymentAsync(Model)).Revision, iris.Revision);
        Assert.Equal(
            [("1", VersionState.Ready, ""), ("2", VersionState.Ready, ""), ("3", VersionState.Ready, "")],
            iris.Versions.Select(v => (v.Version, v.State, v.Reason)));
    }

    [Fact]
    public async Task GetDeployment_NeverDeployed_IsRevisionZeroWithNothingSet()
    {
        var deployment = await Management.GetDeploymentAsync("dtype-echo");

        Assert.Equal(new ModelDeployment { Model = "dtype-echo", Revision = 0 }, deployment);
        Assert.Null(deployment.ChangedAt);
        Assert.Null(deployment.Deployment);
        Assert.Equal(Colour.Unspecified, deployment.Standby);
    }

    [Fact]
    public async Task SetDeployment_BlueCanarySplit_IsTheNextRevisionAndGetDeploymentShowsIt()
    {
        var before = (await Management.GetDeploymentAsync(Model)).Revision;

        var set = await Management.SetDeploymentAsync(Model, BlueCanary);

        var got = await Management.GetDeploymentAsync(Model);
        Assert.Equal(set, got);
        Assert.Equal(before + 1, got.Revision);
        Assert.Equal(BlueCanary, got.Deployment);
        Assert.Equal(Colour.Green, got.Standby);
        Assert.Equal(AdminHostFixture.Principal, got.ChangedBy);
        Assert.True(DateTimeOffset.UtcNow - got.ChangedAt.ToDateTimeOffset() < TimeSpan.FromMinutes(1));

        // REST reads the same deployment.
        var rest = await host.Admin.GetDeploymentAsync(Model);
        Assert.Equal(got.Revision, rest.GetProperty("revision").GetInt64());
        Assert.Equal(got.ChangedAt.ToDateTimeOffset(), rest.GetProperty("changed_at").GetDateTimeOffset());
        Assert.Equal(
            """{"blue":{"version":"1","weight":80},"green":null,"canary":{"version":"2","weight":20}}""",
            rest.GetProperty("slots").GetRawText());
    }

    [Fact]
    public async Task SetDeployment_WithShadow_RoundTripsWhatGetDeploymentReturns()
    {
        await Management.SetDeploymentAsync(Model, new Deployment
        {
            Active = Colour.Green,
            Green = new SlotAssignment { Version = "3", Weight = 100 },
            Shadow = new ShadowAssignment { Version = "1", Percent = 10 },
        });
        var deployed = await Management.GetDeploymentAsync(Model);

        var again = await Management.SetDeploymentAsync(Model, deployed.Deployment);

        Assert.Equal(deployed.Deployment, again.Deployment);
        Assert.Equal(new ShadowAssignment { Version = "1", Percent = 10 }, again.Deployment.Shadow);
        Assert.Equal(deployed.Revision + 1, again.Revision);
    }

    [Fact]
    public async Task SetDeployment_WeightsSumTo90_IsInvalidArgumentWithRestsMessageAndChangesNothing()
    {
        const string Message = "invalid deployment: the active colour green has no version; weights must sum to 100, not 90";
        var deployment = new Deployment
        {
            Active = Colour.Green,
            Blue = new SlotAssignment { Version = "1", Weight = 70 },
            Canary = new SlotAssignment { Version = "2", Weight = 20 },
        };

        await AssertRefusedAsync(() => Management.SetDeploymentAsync(Model, deployment), StatusCode.InvalidArgument, Message);

        await HttpAssert.ErrorAsync(
            await host.Admin.PutDeploymentAsync(Model, """
                {"active": "green", "slots": {"blue": {"version": "1", "weight": 70}, "canary": {"version": "2", "weight": 20}}}
                """),
            HttpStatusCode.BadRequest,
            Message);
    }

    [Fact]
    public async Task SetDeployment_VersionNotLoaded_IsInvalidArgumentAndChangesNothing()
    {
        var deployment = BlueCanary;
        deployment.Canary.Version = "9";

        await AssertRefusedAsync(
            () => Management.SetDeploymentAsync(Model, deployment),
            StatusCode.InvalidArgument,
            "invalid deployment: canary version '9' of model 'iris-mlp' is not loaded and ready");
    }

    [Theory]
    [InlineData(false, "invalid deployment: 'deployment' is missing: send the desired deployment")]
    [InlineData(true, "invalid deployment: 'active' is missing: name the active colour, COLOUR_BLUE or COLOUR_GREEN")]
    public async Task SetDeployment_NoDeploymentOrNoActiveColour_IsInvalidArgumentAndChangesNothing(bool withSlots, string message)
    {
        var request = new SetDeploymentRequest { Model = Model };
        if (withSlots)
        {
            request.Deployment = new Deployment { Blue = new SlotAssignment { Version = "1", Weight = 100 } };
        }

        await AssertRefusedAsync(
            async () => await Management.Stub.SetDeploymentAsync(request, Management.Headers), StatusCode.InvalidArgument, message);
    }

    [Fact]
    public async Task SetDeployment_StaleExpectedRevision_IsFailedPreconditionAndChangesNothing()
    {
        var revision = (await Management.GetDeploymentAsync(Model)).Revision;

        await AssertRefusedAsync(
            () => Management.SetDeploymentAsync(Model, BlueCanary, expectedRevision: revision + 5),
            StatusCode.FailedPrecondition,
            $"model 'iris-mlp' is at revision {revision}, not {revision + 5}; read it again and retry");
    }

    [Fact]
    public async Task SetDeployment_ExpectedRevisionCurrent_Applies()
    {
        var revision = (await Management.GetDeploymentAsync(Model)).Revision;

        var set = await Management.SetDeploymentAsync(Model, BlueCanary, expectedRevision: revision);

        Assert.Equal(revision + 1, set.Revision);
    }

    [Theory]
    [InlineData("no-such-model", StatusCode.NotFound, "unknown model 'no-such-model'")]
    [InlineData("../etc", StatusCode.InvalidArgument, "'../etc' is not a valid model id: use 1 to 128 ASCII letters, digits, '-', '_' or '.', starting with a letter or digit")]
    public async Task SetDeployment_UnknownOrInvalidModel_IsRefused(string model, StatusCode code, string message)
    {
        await ManagementClient.RefusedAsync(() => Management.SetDeploymentAsync(model, BlueCanary), code, message);
    }

    [Fact]
    public async Task SwitchThenRollback_MovesTrafficToStandbyAndBack()
    {
        var deployed = await Management.SetDeploymentAsync(Model, BlueWithGreenStandby);

        var switched = await Management.SwitchAsync(Model);

        Assert.Equal(deployed.Revision + 1, switched.Revision);
        Assert.Equal((Colour.Green, Colour.Blue), (switched.Deployment.Active, switched.Standby));
        Assert.Equal(new SlotAssignment { Version = "1", Weight = 0 }, switched.Deployment.Blue);
        Assert.Equal(new SlotAssignment { Version = "2", Weight = 100 }, switched.Deployment.Green);
        Assert.Null(switched.Deployment.Canary);

        var rolledBack = await Management.RollbackAsync(Model);

        Assert.Equal(deployed.Revision + 2, rolledBack.Revision);
        Assert.Equal(BlueWithGreenStandby, rolledBack.Deployment);
        Assert.Equal(rolledBack, await Management.GetDeploymentAsync(Model));
    }

    [Fact]
    public async Task Switch_StandbyColourEmpty_IsFailedPreconditionAndChangesNothing()
    {
        await Management.SetDeploymentAsync(Model, BlueCanary);

        await AssertRefusedAsync(
            () => Management.SwitchAsync(Model),
            StatusCode.FailedPrecondition,
            "model 'iris-mlp' has no version on the standby colour green to switch to");
    }

    [Fact]
    public async Task ListAudit_RecordsDeploySwitchAndRollbackWithActorAndOldToNew()
    {
        var start = (await Management.GetDeploymentAsync(Model)).Revision;
        await Management.SetDeploymentAsync(Model, BlueWithGreenStandby);
        await Management.SwitchAsync(Model);
        var rolledBack = await Management.RollbackAsync(Model);

        var entries = await Management.AuditAsync(Model, limit: 3);

        Assert.Equal(["deploy", "switch", "rollback"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal((AdminHostFixture.Principal, Model), (e.Actor, e.Model)));
        Assert.Equal($"r{start + 1} blue=1 100% (active), green=2 0%", entries[0].After);
        Assert.Equal($"r{start + 2} blue=1 0%, green=2 100% (active)", entries[1].After);
        Assert.Equal($"r{start + 3} blue=1 100% (active), green=2 0%", entries[2].After);
        Assert.Equal(rolledBack.ChangedAt, entries[2].At);
        for (var i = 1; i < entries.Count; i++)
        {
            Assert.Equal(entries[i - 1].After, entries[i].Before);
            Assert.True(entries[i].Sequence > entries[i - 1].Sequence);
        }
    }

    [Fact]
    public async Task ListAudit_NoLimitOrModel_IsRestsDefaultOfTheNewest100OfEveryModel()
    {
        var rest = await HttpAssert.OkJsonAsync(await host.Admin.SendAsync(HttpMethod.Get, "/admin/v1/audit"));

        var entries = (await Management.Stub.ListAuditAsync(new ListAuditRequest(), Management.Headers)).Entries;

        Assert.Equal(
            rest.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()),
            entries.Select(e => e.Sequence));
    }

    [Theory]
    [InlineData(1001, "", "limit must be from 1 to 1000, not 1001")]
    [InlineData(-1, "", "limit must be from 1 to 1000, not -1")]
    [InlineData(10, "../etc", "'../etc' is not a valid model id")]
    public async Task ListAudit_BadRequest_IsInvalidArgument(int limit, string model, string expected)
    {
        var error = await Assert.ThrowsAsync<RpcException>(
            async () => await Management.Stub.ListAuditAsync(new ListAuditRequest { Limit = limit, Model = model }, Management.Headers));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith(expected, error.Status.Detail, StringComparison.Ordinal);
    }

    private async Task AssertRefusedAsync(Func<Task> call, StatusCode code, string message)
    {
        var before = await Management.GetDeploymentAsync(Model);
        var audited = (await Management.AuditAsync(Model)).Count;

        await ManagementClient.RefusedAsync(call, code, message);

        Assert.Equal(before, await Management.GetDeploymentAsync(Model));
        Assert.Equal(audited, (await Management.AuditAsync(Model)).Count);
    }
}
