using Grpc.Core;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Api.Management.Protocol;
using InferenceHost.Api.Tests.Admin;

namespace InferenceHost.Api.Tests.Management;

/// <summary>
/// Every management RPC needs the admin bearer token and refuses what is not its request message;
/// a refused call changes nothing; inference over the same channel stays open.
/// </summary>
[Collection(AdminHostCollection.Name)]
public sealed class ModelManagementAuthenticationTests(AdminHostFixture host)
{
    private const string Model = "iris-mlp";

    public static TheoryData<string> Rpcs =>
    [
        nameof(ModelManagement.ModelManagementClient.ListModels),
        nameof(ModelManagement.ModelManagementClient.GetDeployment),
        nameof(ModelManagement.ModelManagementClient.SetDeployment),
        nameof(ModelManagement.ModelManagementClient.Switch),
        nameof(ModelManagement.ModelManagementClient.Rollback),
        nameof(ModelManagement.ModelManagementClient.ListAudit),
    ];

    private ManagementClient Operator { get; } = new(host, AdminHostFixture.Token);

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task NoToken_IsUnauthenticatedAndChangesNothing(string rpc)
    {
        await AssertRefusedAsync(new ManagementClient(host, token: null), rpc, StatusCode.Unauthenticated, "missing bearer token");
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task WrongToken_IsPermissionDeniedAndChangesNothing(string rpc)
    {
        await AssertRefusedAsync(new ManagementClient(host, AdminHostFixture.Token + "x"), rpc, StatusCode.PermissionDenied, "invalid token");
    }

    [Fact]
    public async Task OtherScheme_IsUnauthenticated()
    {
        var basic = new Metadata { { "authorization", $"Basic {Convert.ToBase64String("admin:admin"u8)}" } };

        await ManagementClient.RefusedAsync(
            async () => await Operator.Stub.SwitchAsync(new SwitchRequest { Model = Model }, basic),
            StatusCode.Unauthenticated,
            "missing bearer token");
    }

    [Theory]
    [MemberData(nameof(Rpcs))]
    public async Task GarbageBytes_AreInvalidArgumentAndChangeNothing(string rpc)
    {
        var bytes = Marshallers.Create(static (byte[] b) => b, static b => b);
        var method = new Method<byte[], byte[]>(MethodType.Unary, ModelManagement.Descriptor.FullName, rpc, bytes, bytes);
        byte[] garbage = [0x00, 0xDE, 0xAD, 0xBE, 0xEF];

        var error = await WithoutChangeAsync(() => Assert.ThrowsAsync<RpcException>(
            () => host.GrpcChannel.CreateCallInvoker().AsyncUnaryCall(method, null, new CallOptions(Operator.Headers), garbage).ResponseAsync));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.StartsWith($"malformed {rpc}Request protobuf: ", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InferenceRpcs_NeedNoToken()
    {
        var inference = new GRPCInferenceService.GRPCInferenceServiceClient(host.GrpcChannel);

        Assert.True((await inference.ModelReadyAsync(new ModelReadyRequest { Name = Model })).Ready);
    }

    private async Task AssertRefusedAsync(ManagementClient client, string rpc, StatusCode code, string message)
    {
        await WithoutChangeAsync(() => ManagementClient.RefusedAsync(() => CallAsync(client, rpc), code, message));
    }

    /// <summary>Each RPC with a request that would succeed (or change the deployment) given the token.</summary>
    private static Task CallAsync(ManagementClient client, string rpc) => rpc switch
    {
        nameof(ModelManagement.ModelManagementClient.ListModels) => client.Stub.ListModelsAsync(new ListModelsRequest(), client.Headers).ResponseAsync,
        nameof(ModelManagement.ModelManagementClient.GetDeployment) => client.GetDeploymentAsync(Model),
        nameof(ModelManagement.ModelManagementClient.SetDeployment) => client.SetDeploymentAsync(
            Model, new Deployment { Active = Colour.Blue, Blue = new SlotAssignment { Version = "2", Weight = 100 } }),
        nameof(ModelManagement.ModelManagementClient.Switch) => client.SwitchAsync(Model),
        nameof(ModelManagement.ModelManagementClient.Rollback) => client.RollbackAsync(Model),
        nameof(ModelManagement.ModelManagementClient.ListAudit) => client.AuditAsync(Model),
        _ => throw new ArgumentOutOfRangeException(nameof(rpc), rpc, null),
    };

    private async Task<T> WithoutChangeAsync<T>(Func<Task<T>> call)
    {
        var before = await Operator.GetDeploymentAsync(Model);
        var audited = (await Operator.AuditAsync(Model)).Count;

        var result = await call();

        Assert.Equal(before, await Operator.GetDeploymentAsync(Model));
        Assert.Equal(audited, (await Operator.AuditAsync(Model)).Count);
        return result;
    }

    private async Task WithoutChangeAsync(Func<Task> call) => await WithoutChangeAsync(async () =>
    {
        await call();
        return true;
    });
}
