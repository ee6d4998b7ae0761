namespace InferenceHost.Cli.Admin;

/// <summary>The body of <c>PUT /admin/v1/models/{m}/deployment</c>.</summary>
internal sealed record DesiredDeployment(string Active, SlotSet Slots, ShadowAssignment? Shadow);
