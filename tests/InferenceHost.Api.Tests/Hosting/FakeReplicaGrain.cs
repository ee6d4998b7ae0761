using InferenceHost.Abstractions.Inference;

namespace InferenceHost.Api.Tests.Hosting;

/// <summary>
/// Stands in for the silo's replica: echoes every input as <c>&lt;name&gt;_out</c>, adds
/// <c>label</c> (INT64, one per batch row), and honours the requested outputs.
/// Model <c>broken</c> fails like a model that crashed.
/// </summary>
internal sealed class FakeReplicaGrain(string model, string version) : IModelReplicaGrain
{
    public ValueTask<InferenceResponse> Infer(InferenceRequest request)
    {
        if (model == "broken")
        {
            throw new InferenceException(InferenceErrorKind.ModelFailure, "the model crashed: bad node");
        }

        var outputs = new List<InferenceTensor>();
        foreach (var input in request.Inputs)
        {
            outputs.Add(input with { Name = input.Name + "_out" });
        }

        var rows = request.Inputs.Count > 0 && request.Inputs[0].Shape.Length > 0 ? request.Inputs[0].Shape[0] : 1;
        outputs.Add(new InferenceTensor("label", "INT64", [rows], new byte[rows * sizeof(long)]));
        if (request.OutputNames.Count > 0)
        {
            var unknown = request.OutputNames.FirstOrDefault(name => !outputs.Exists(o => o.Name == name));
            if (unknown is not null)
            {
                throw InferenceException.InvalidInput($"unknown output '{unknown}'");
            }

            outputs = [.. request.OutputNames.Select(name => outputs.Find(o => o.Name == name)!)];
        }

        return ValueTask.FromResult(new InferenceResponse(model, version, request.Id, outputs));
    }
}
