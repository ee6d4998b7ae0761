using InferenceHost.Abstractions.Routing;
using InferenceHost.Api.Management.Protocol;

namespace InferenceHost.Api.Management;

/// <summary>
/// Reads <c>SetDeployment</c>'s desired deployment. Only what protobuf's shape leaves open is checked
/// here (a deployment at all, an active colour); the weight and version rules are the router's to
/// judge, so both protocols refuse a deployment with the same words.
/// </summary>
internal static class DeploymentMessageReader
{
    /// <exception cref="DeploymentException">No deployment, or no valid active colour (Invalid).</exception>
    public static Abstractions.Routing.Deployment Read(Protocol.Deployment? message)
    {
        if (message is null)
        {
            throw Invalid("'deployment' is missing: send the desired deployment");
        }

        var active = message.Active switch
        {
            Colour.Blue => ServingSlot.Blue,
            Colour.Green => ServingSlot.Green,
            Colour.Unspecified => throw Invalid("'active' is missing: name the active colour, COLOUR_BLUE or COLOUR_GREEN"),
            var other => throw Invalid($"'active' must be COLOUR_BLUE or COLOUR_GREEN, not {(int)other}"),
        };

        return new Abstractions.Routing.Deployment(
            Slot(message.Blue),
            Slot(message.Green),
            Slot(message.Canary),
            active,
            message.Shadow is { } shadow ? new Abstractions.Routing.ShadowAssignment(shadow.Version, shadow.Percent) : null);
    }

    private static Abstractions.Routing.SlotAssignment? Slot(Protocol.SlotAssignment? slot) =>
        slot is null ? null : new(slot.Version, slot.Weight);

    private static DeploymentException Invalid(string problem) => new(DeploymentErrorKind.Invalid, $"invalid deployment: {problem}");
}
