using System.Globalization;
using InferenceHost.Cli.Admin;

namespace InferenceHost.Cli.Output;

/// <summary>A model's deployment as <c>status</c> and every command that changes it print it.</summary>
internal static class DeploymentPrinter
{
    private const string Empty = "-";

    public static void Write(DeploymentView view, TextWriter output)
    {
        var summary = TextTable.Untitled(2)
            .AddRow("model", view.Model)
            .AddRow("revision", view.Revision.ToString(CultureInfo.InvariantCulture))
            .AddRow("changed", view.ChangedAt is { } at ? $"{Timestamps.Format(at)} by {view.ChangedBy}" : "never");
        if (view.Active is null)
        {
            summary.AddRow("deployment", "none: the highest ready version serves");
        }

        summary.WriteTo(output);
        output.WriteLine();

        var slots = new TextTable("SLOT", "VERSION", "TRAFFIC", "MARK");
        foreach (var name in SlotNames.Serving)
        {
            var slot = view.Slots[name];
            slots.AddRow(name, slot?.Version ?? Empty, slot is null ? Empty : Percent(slot.Weight), Mark(view, name));
        }

        var shadow = view.Shadow;
        slots.AddRow(SlotNames.Shadow, shadow?.Version ?? Empty, shadow is null ? Empty : Percent(shadow.Percent), shadow is null ? "" : "mirrored");
        slots.WriteTo(output);
    }

    /// <summary>Which serving slot is the active colour and which the standby; empty for the others.</summary>
    public static string Mark(DeploymentView view, string slot) =>
        slot == view.Active ? "active" : slot == view.Standby ? "standby" : "";

    private static string Percent(int value) => $"{value.ToString(CultureInfo.InvariantCulture)}%";
}
