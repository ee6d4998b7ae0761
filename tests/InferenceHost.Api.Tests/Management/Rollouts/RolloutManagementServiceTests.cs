using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using InferenceHost.Api.Admin;
using InferenceHost.Api.Management.Protocol;
using InferenceHost.Api.Tests.Admin.Rollouts;
using InferenceHost.Api.Tests.Hosting;

namespace InferenceHost.Api.Tests.Management.Rollouts;

/// <summary>The gRPC telemetry and rollout RPCs on the real host, beside the REST endpoints they mirror.</summary>
[Collection(RolloutsHostCollection.Name)]
public sealed class RolloutManagementServiceTests(RolloutsHostFixture host)
{
    private const string Model = "gather-lookup";

    private ManagementClient Management { get; } = new(host, RolloutsHostFixture.Token);

    private ModelManagement.ModelManagementClient Stub => Management.Stub;

    [Fact]
    public async Task SetRolloutPolicy_ThenGet_ReadsBackWhatRestShows()
    {
        var set = await Stub.SetRolloutPolicyAsync(
            new SetRolloutPolicyRequest
            {
                Model = Model,
                Policy = new RolloutPolicy
                {
                    Mode = RolloutMode.Canary,
                    Steps = { 25, 100 },
                    StepInterval = Duration.FromTimeSpan(TimeSpan.FromSeconds(30)),
                    Gates = new RolloutGates { Gates = { new RolloutGate { Metric = GateMetric.LatencyP99, Threshold = 1.5 } } },
                },
            },
            Management.Headers);

        var got = await Stub.GetRolloutPolicyAsync(new GetRolloutPolicyRequest { Model = Model }, Management.Headers);

        Assert.Equal(set, got);
        Assert.Equal([25, 100], got.Steps);
        Assert.Equal((100, 0.05), (got.ShadowPercent, got.Alpha));
        var rest = await HttpAssert.OkJsonAsync(await host.Admin.SendAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/rollout-policy"));
        Assert.Equal(
            """{"mode":"canary","shadow_percent":100,"steps":[25,100],"step_interval":"30s","step_min_requests":100,"evaluation_interval":"10s","max_duration":"1h","alpha":0.05,"beta":0.05,"gates":[{"metric":"latency_p99","threshold":1.5}]}""",
            rest.GetRawText());
    }

    [Fact]
    public async Task SetRolloutPolicy_BrokenRules_IsInvalidArgumentListingEveryProblemAndChangesNothing()
    {
        var before = await Stub.GetRolloutPolicyAsync(new GetRolloutPolicyRequest { Model = Model }, Management.Headers);

        await ManagementClient.RefusedAsync(
            async () => await Stub.SetRolloutPolicyAsync(
                new SetRolloutPolicyRequest { Model = Model, Policy = new RolloutPolicy { Steps = { 50, 40 }, Alpha = 0.9 } }, Management.Headers),
            StatusCode.InvalidArgument,
            "invalid rollout policy: steps must rise strictly within 1 to 100, not 50, 40; alpha must be above 0 and at most 0.5, not 0.9");

        Assert.Equal(before, await Stub.GetRolloutPolicyAsync(new GetRolloutPolicyRequest { Model = Model }, Management.Headers));
    }

    [Fact]
    public async Task SetRolloutPolicy_NoPolicy_IsInvalidArgument()
    {
        await ManagementClient.RefusedAsync(
            async () => await Stub.SetRolloutPolicyAsync(new SetRolloutPolicyRequest { Model = Model }, Management.Headers),
            StatusCode.InvalidArgument,
            "'policy' is missing: send the policy (an empty one for the default)");
    }

    [Fact]
    public async Task GetRolloutPolicy_UnknownModel_IsNotFound()
    {
        await ManagementClient.RefusedAsync(
            async () => await Stub.GetRolloutPolicyAsync(new GetRolloutPolicyRequest { Model = "no-such-model" }, Management.Headers),
            StatusCode.NotFound,
            "unknown model 'no-such-model'");
    }

    [Fact]
    public async Task GetRollout_NeverHadOne_IsNotFoundAsRestSays()
    {
        await ManagementClient.RefusedAsync(
            async () => await Stub.GetRolloutAsync(new GetRolloutRequest { Model = "dtype-echo" }, Management.Headers),
            StatusCode.NotFound,
            AdminHandlers.NoRolloutMessage("dtype-echo"));
    }

    [Fact]
    public async Task ControlRollout_NoCommand_IsInvalidArgument()
    {
        await ManagementClient.RefusedAsync(
            async () => await Stub.ControlRolloutAsync(new ControlRolloutRequest { Model = Model }, Management.Headers),
            StatusCode.InvalidArgument,
            "'command' must be one of pause, resume, abort, promote, rollback (ROLLOUT_COMMAND_PAUSE ...), not 0");
    }

    [Fact]
    public async Task StartRollout_ThenPauseAndAbort_AreRecordedAsDecisions()
    {
        await Management.SetDeploymentAsync("iris-mlp", new Deployment { Active = Colour.Green, Green = new SlotAssignment { Version = "1", Weight = 100 } });

        var started = await Stub.StartRolloutAsync(
            new StartRolloutRequest { Model = "iris-mlp", Candidate = "3", Policy = new RolloutPolicy { ShadowPercent = 50, StepInterval = Duration.FromTimeSpan(TimeSpan.FromHours(1)) } },
            Management.Headers);
        var paused = await Stub.ControlRolloutAsync(
            new ControlRolloutRequest { Model = "iris-mlp", Command = RolloutCommand.Pause, Reason = "look first" }, Management.Headers);
        var aborted = await Stub.ControlRolloutAsync(new ControlRolloutRequest { Model = "iris-mlp", Command = RolloutCommand.Abort }, Management.Headers);

        Assert.Equal((RolloutPhase.Shadow, "3", "1", RolloutsHostFixture.Principal), (started.Phase, started.Candidate, started.Baseline, started.StartedBy));
        Assert.Null(started.EndedAt);
        Assert.True(paused.Paused);
        Assert.Equal(RolloutPhase.Aborted, aborted.Phase);
        Assert.NotNull(aborted.EndedAt);
        var history = await Stub.GetRolloutHistoryAsync(new GetRolloutHistoryRequest { Model = "iris-mlp", Number = started.Number }, Management.Headers);
        Assert.Equal(RolloutAction.Start, history.Decisions[0].Action);
        Assert.Contains(history.Decisions, d => d.Action == RolloutAction.Pause);
        Assert.Equal(RolloutAction.Abort, history.Decisions[^1].Action);
        var listed = await Stub.ListRolloutsAsync(new ListRolloutsRequest { Model = "iris-mlp", Limit = 1 }, Management.Headers);
        Assert.Equal(aborted, Assert.Single(listed.Rollouts));
    }

    [Fact]
    public async Task GetTelemetry_DefaultWindowIsFiveMinutes_AndAWrongOneIsInvalidArgument()
    {
        var telemetry = await Stub.GetTelemetryAsync(new GetTelemetryRequest { Model = "dtype-echo" }, Management.Headers);

        Assert.Equal(("dtype-echo", TimeSpan.FromMinutes(5)), (telemetry.Model, telemetry.Window.ToTimeSpan()));
        await ManagementClient.RefusedAsync(
            async () => await Stub.GetTelemetryAsync(
                new GetTelemetryRequest { Model = "dtype-echo", Window = Duration.FromTimeSpan(TimeSpan.FromDays(2)) }, Management.Headers),
            StatusCode.InvalidArgument,
            "the window must be from 1 second to 24 hours, not 2.00:00:00");
    }

    [Fact]
    public async Task RolloutRpcs_MissingToken_AreUnauthenticated()
    {
        var anonymous = new ManagementClient(host, token: null);

        await ManagementClient.RefusedAsync(
            async () => await anonymous.Stub.StartRolloutAsync(new StartRolloutRequest { Model = "iris-mlp", Candidate = "2" }, anonymous.Headers),
            StatusCode.Unauthenticated,
            AdminGuard.MissingTokenMessage);
        await ManagementClient.RefusedAsync(
            async () => await anonymous.Stub.GetTelemetryAsync(new GetTelemetryRequest { Model = "iris-mlp" }, anonymous.Headers),
            StatusCode.Unauthenticated,
            AdminGuard.MissingTokenMessage);
    }

    [Fact]
    public async Task SetRolloutPolicy_MalformedProtobuf_IsInvalidArgument()
    {
        var call = host.GrpcChannel.CreateCallInvoker().AsyncUnaryCall(
            new Method<byte[], byte[]>(
                MethodType.Unary,
                ModelManagement.Descriptor.FullName,
                "SetRolloutPolicy",
                Marshallers.Create(static b => b, static b => b),
                Marshallers.Create(static b => b, static b => b)),
            null,
            new CallOptions(Management.Headers),
            [0x0A, 0xFF]);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith("malformed SetRolloutPolicyRequest protobuf", error.Status.Detail, StringComparison.Ordinal);
    }
}
