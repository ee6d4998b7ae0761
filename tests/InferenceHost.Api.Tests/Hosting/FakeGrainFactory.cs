using System.Reflection;
using InferenceHost.Abstractions.Inference;

namespace InferenceHost.Api.Tests.Hosting;

/// <summary>
/// An <see cref="IGrainFactory"/> that only hands out <see cref="FakeReplicaGrain"/>s, so
/// <see cref="InferenceDispatcher"/> runs unchanged without a silo.
/// </summary>
public class FakeGrainFactory : DispatchProxy
{
    public static IGrainFactory Create() => Create<IGrainFactory, FakeGrainFactory>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is { Name: nameof(IGrainFactory.GetGrain), IsGenericMethod: true }
            && targetMethod.GetGenericArguments()[0] == typeof(IModelReplicaGrain)
            && args?[0] is string key)
        {
            var (model, version) = ModelReplicaKey.Parse(key);
            return new FakeReplicaGrain(model, version);
        }

        throw new NotSupportedException($"The fake grain factory does not support {targetMethod}.");
    }
}
