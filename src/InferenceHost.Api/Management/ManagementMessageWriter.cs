using Google.Protobuf.WellKnownTypes;
using InferenceHost.Abstractions.Models;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Api.Management.Protocol;

namespace InferenceHost.Api.Management;

/// <summary>
/// Writes the management service's answers, field for field what <see cref="Admin.AdminJsonWriter"/>
/// writes for REST; what REST writes as null is left unset (or empty, for strings).
/// </summary>
internal static class ManagementMessageWriter
{
    public static ListModelsResponse Models(IReadOnlyList<Abstractions.Management.ModelSummary> models)
    {
        var response = new ListModelsResponse();
        foreach (var model in models)
        {
            var summary = new Protocol.ModelSummary { Name = model.Name, Revision = model.Revision };
            summary.Versions.AddRange(model.Versions.Select(static v => new VersionStatus
            {
                Version = v.Version,
                State = StateOf(v.State),
                Reason = v.Reason,
            }));
            response.Models.Add(summary);
        }

        return response;
    }

    /// <summary>At revision 0 nobody changed anything yet, so <c>changed_at</c> is unset and <c>changed_by</c> empty.</summary>
    public static ModelDeployment Deployment(RouteTable table)
    {
        var message = new ModelDeployment { Model = table.Model, Revision = table.Revision };
        if (table.Revision != 0)
        {
            message.ChangedAt = Timestamp.FromDateTimeOffset(table.ChangedAt);
            message.ChangedBy = table.ChangedBy;
        }

        if (table.Deployment is { } deployment)
        {
            message.Deployment = new Protocol.Deployment
            {
                Active = ColourOf(deployment.Active),
                Blue = Slot(deployment.Blue),
                Green = Slot(deployment.Green),
                Canary = Slot(deployment.Canary),
                Shadow = deployment.Shadow is { } shadow ? new() { Version = shadow.Version, Percent = shadow.Percent } : null,
            };
            message.Standby = ColourOf(deployment.Standby);
        }

        return message;
    }

    public static ListAuditResponse Audit(IReadOnlyList<Abstractions.Management.AuditEntry> entries)
    {
        var response = new ListAuditResponse();
        response.Entries.AddRange(entries.Select(static e => new Protocol.AuditEntry
        {
            Sequence = e.Sequence,
            At = Timestamp.FromDateTimeOffset(e.At),
            Actor = e.Actor,
            Action = e.Action,
            Model = e.Model,
            Before = e.Before,
            After = e.After,
        }));
        return response;
    }

    /// <summary>A silo that does not hold the version at all is <c>VERSION_STATE_ABSENT</c>, as REST's <c>"ABSENT"</c>.</summary>
    public static VersionStatusResponse Version(Abstractions.Repository.VersionStatus status)
    {
        var response = new VersionStatusResponse { Model = status.Model, Version = status.Version, Ready = status.IsReadyEverywhere };
        response.Silos.AddRange(status.Silos.Select(static s => new Protocol.SiloVersionStatus
        {
            Silo = s.Silo,
            State = s.State is { } state ? StateOf(state) : VersionState.Absent,
            Reason = s.Reason,
        }));
        return response;
    }

    private static Protocol.SlotAssignment? Slot(Abstractions.Routing.SlotAssignment? slot) =>
        slot is null ? null : new() { Version = slot.Version, Weight = slot.Weight };

    private static Colour ColourOf(ServingSlot slot) => slot switch
    {
        ServingSlot.Blue => Colour.Blue,
        ServingSlot.Green => Colour.Green,
        _ => Colour.Unspecified,
    };

    private static VersionState StateOf(ModelVersionState state) => state switch
    {
        ModelVersionState.Loading => VersionState.Loading,
        ModelVersionState.Ready => VersionState.Ready,
        _ => VersionState.Unavailable,
    };
}
