using System.Text.Json;
using InferenceHost.Abstractions.Management;
using InferenceHost.Abstractions.Repository;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Api.Http;

namespace InferenceHost.Api.Admin;

/// <summary>
/// Writes the <c>/admin/v1</c> bodies. Names are snake_case, as in the v2 protocol the host serves,
/// and the deployment's <c>active</c>, <c>slots</c> and <c>shadow</c> are exactly what a PUT takes back.
/// </summary>
internal static class AdminJsonWriter
{
    public static void WriteModels(Utf8JsonWriter writer, IReadOnlyList<ModelSummary> models)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("models"u8);
        foreach (var model in models)
        {
            writer.WriteStartObject();
            writer.WriteString("name"u8, model.Name);
            writer.WriteNumber("revision"u8, model.Revision);
            writer.WriteStartArray("versions"u8);
            foreach (var version in model.Versions)
            {
                writer.WriteStartObject();
                writer.WriteString("version"u8, version.Version);
                writer.WriteString("state"u8, ModelConfigFacts.StateName(version.State));
                writer.WriteString("reason"u8, version.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// A model's deployment. Where none is in force (revision 0, or after rolling back the first one)
    /// the colours, slots and shadow are null and the model's highest ready version serves; at
    /// revision 0 nobody changed anything yet, so the change fields are null too.
    /// </summary>
    public static void WriteDeployment(Utf8JsonWriter writer, RouteTable table)
    {
        var deployment = table.Deployment;
        writer.WriteStartObject();
        writer.WriteString("model"u8, table.Model);
        writer.WriteNumber("revision"u8, table.Revision);
        if (table.Revision == 0)
        {
            writer.WriteNull("changed_at"u8);
            writer.WriteNull("changed_by"u8);
        }
        else
        {
            writer.WriteString("changed_at"u8, table.ChangedAt);
            writer.WriteString("changed_by"u8, table.ChangedBy);
        }

        WriteSlotName(writer, "active"u8, deployment?.Active);
        WriteSlotName(writer, "standby"u8, deployment?.Standby);
        writer.WriteStartObject("slots"u8);
        foreach (var slot in Enum.GetValues<ServingSlot>())
        {
            writer.WritePropertyName(SlotNames.Of(slot));
            WritePair(writer, deployment?[slot] is { } assignment ? (assignment.Version, assignment.Weight) : null, "weight"u8);
        }

        writer.WriteEndObject();
        writer.WritePropertyName("shadow"u8);
        WritePair(writer, deployment?.Shadow is { } shadow ? (shadow.Version, shadow.Percent) : null, "percent"u8);
        writer.WriteEndObject();
    }

    public static void WriteAudit(Utf8JsonWriter writer, IReadOnlyList<AuditEntry> entries)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("entries"u8);
        foreach (var entry in entries)
        {
            writer.WriteStartObject();
            writer.WriteNumber("sequence"u8, entry.Sequence);
            writer.WriteString("at"u8, entry.At);
            writer.WriteString("actor"u8, entry.Actor);
            writer.WriteString("action"u8, entry.Action);
            writer.WriteString("model"u8, entry.Model);
            writer.WriteString("before"u8, entry.Before);
            writer.WriteString("after"u8, entry.After);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// A version's state on every active silo; <c>ready</c> says whether it may take traffic (ready on some silo, settled on
    /// the others, which forward to it), <c>ready_everywhere</c> whether every silo serves it itself.
    /// </summary>
    public static void WriteVersion(Utf8JsonWriter writer, VersionStatus status)
    {
        writer.WriteStartObject();
        writer.WriteString("model"u8, status.Model);
        writer.WriteString("version"u8, status.Version);
        writer.WriteBoolean("ready"u8, status.IsServable);
        writer.WriteBoolean("ready_everywhere"u8, status.IsReadyEverywhere);
        writer.WriteStartArray("silos"u8);
        foreach (var silo in status.Silos)
        {
            PlacementJsonWriter.WriteSilo(writer, silo);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteSlotName(Utf8JsonWriter writer, ReadOnlySpan<byte> property, ServingSlot? slot)
    {
        if (slot is { } named)
        {
            writer.WriteString(property, SlotNames.Of(named));
        }
        else
        {
            writer.WriteNull(property);
        }
    }

    private static void WritePair(Utf8JsonWriter writer, (string Version, int Number)? pair, ReadOnlySpan<byte> numberName)
    {
        if (pair is not (var version, var number))
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("version"u8, version);
        writer.WriteNumber(numberName, number);
        writer.WriteEndObject();
    }
}
