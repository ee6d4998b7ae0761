namespace InferenceHost.Cli.Admin;

/// <summary>
/// <c>GET /admin/v1/models/{m}/deployment</c>. <see cref="Active"/> is null where no deployment is in
/// force (the highest ready version serves); <see cref="ChangedAt"/> is null at revision 0.
/// </summary>
internal sealed record DeploymentView(
    string Model,
    long Revision,
    DateTimeOffset? ChangedAt,
    string? ChangedBy,
    string? Active,
    string? Standby,
    SlotSet Slots,
    ShadowAssignment? Shadow)
{
    /// <summary>The deployment as a PUT takes it back, or null where none is in force.</summary>
    public DesiredDeployment? Desired => Active is { } active ? new DesiredDeployment(active, Slots, Shadow) : null;
}
