using InferenceHost.Inference.Tensors;

namespace InferenceHost.Inference.Tests;

/// <summary>A request a model must refuse, and the words the client must read in the refusal.</summary>
/// <param name="Case">Short name shown in test results.</param>
/// <param name="Model">Which <see cref="SampleModelsFixture"/> model it is sent to.</param>
/// <param name="Inputs">The request's inputs.</param>
/// <param name="Outputs">Requested outputs; empty for all.</param>
/// <param name="Message">A fragment the error message must contain, verbatim.</param>
internal sealed record InvalidRequest(string Case, string Model, TensorInput[] Inputs, string[] Outputs, string Message);
