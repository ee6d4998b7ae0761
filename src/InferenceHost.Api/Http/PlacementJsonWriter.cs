using System.Text.Json;
using InferenceHost.Abstractions.Models;
using InferenceHost.Abstractions.Repository;

namespace InferenceHost.Api.Http;

/// <summary>Where versions are loaded, as model metadata and the management API show it: per silo, the state and the device.</summary>
internal static class PlacementJsonWriter
{
    /// <summary>The state of a version on a silo that does not hold it (yet, or any more).</summary>
    public const string AbsentStateName = "ABSENT";

    /// <summary><c>{"silo", "state", "device", "reason"}</c>: one version on one silo.</summary>
    public static void WriteSilo(Utf8JsonWriter writer, SiloVersionStatus silo)
    {
        writer.WriteStartObject();
        writer.WriteString("silo"u8, silo.Silo);
        writer.WriteString("state"u8, silo.State is { } state ? ModelConfigFacts.StateName(state) : AbsentStateName);
        writer.WriteString("device"u8, silo.Device);
        writer.WriteString("reason"u8, silo.Reason);
        writer.WriteEndObject();
    }

    /// <summary>
    /// The cluster view: every active silo with its accelerator (<c>cuda</c>, <c>device_name</c>, <c>memory_bytes</c>,
    /// <c>detail</c>) and the state and device of every version it holds.
    /// </summary>
    public static void WriteCluster(Utf8JsonWriter writer, IReadOnlyList<SiloInventory> silos)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("silos"u8);
        foreach (var silo in silos)
        {
            writer.WriteStartObject();
            writer.WriteString("address"u8, silo.Silo);
            writer.WriteString("name"u8, silo.Name);
            writer.WriteString("status"u8, silo.ReportedAt is null ? "joining" : "active");
            WriteAccelerator(writer, silo.Accelerator);
            if (silo.ReportedAt is { } reported)
            {
                writer.WriteString("updated"u8, reported.UtcDateTime);
            }
            else
            {
                writer.WriteNull("updated"u8);
            }

            writer.WriteStartArray("versions"u8);
            foreach (var version in silo.Versions)
            {
                WriteVersion(writer, version);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteAccelerator(Utf8JsonWriter writer, SiloAccelerator? accelerator)
    {
        if (accelerator is null)
        {
            writer.WriteNull("accelerator"u8);
            return;
        }

        writer.WriteStartObject("accelerator"u8);
        writer.WriteBoolean("cuda"u8, accelerator.CudaUsable);
        writer.WriteString("device_name"u8, accelerator.DeviceName);
        if (accelerator.MemoryBytes is { } bytes)
        {
            writer.WriteNumber("memory_bytes"u8, bytes);
        }
        else
        {
            writer.WriteNull("memory_bytes"u8);
        }

        writer.WriteString("detail"u8, accelerator.Detail);
        writer.WriteEndObject();
    }

    private static void WriteVersion(Utf8JsonWriter writer, ModelVersionStatus version)
    {
        writer.WriteStartObject();
        writer.WriteString("model"u8, version.Model);
        writer.WriteString("version"u8, version.Version);
        writer.WriteString("state"u8, ModelConfigFacts.StateName(version.State));
        writer.WriteString("device"u8, version.Device);
        writer.WriteString("reason"u8, version.Reason.Length > 0 ? version.Reason : null);
        writer.WriteEndObject();
    }
}
