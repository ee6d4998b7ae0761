using System.Text.Json.Serialization;

namespace InferenceHost.Cli.Admin;

/// <summary>
/// The API's bodies, snake_case as the host writes them. Strict about required and non-null fields,
/// so a server that is not InferenceHost is told apart from an empty answer.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(ModelList))]
[JsonSerializable(typeof(DeploymentView))]
[JsonSerializable(typeof(DesiredDeployment))]
[JsonSerializable(typeof(AuditLog))]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(RolloutView))]
[JsonSerializable(typeof(RolloutList))]
[JsonSerializable(typeof(DecisionList))]
[JsonSerializable(typeof(PolicyView))]
[JsonSerializable(typeof(TelemetryView))]
[JsonSerializable(typeof(ComparisonView))]
[JsonSerializable(typeof(ReasonBody))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;
