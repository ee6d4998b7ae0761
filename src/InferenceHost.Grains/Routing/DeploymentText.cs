using System.Text;
using InferenceHost.Abstractions.Routing;

namespace InferenceHost.Grains.Routing;

/// <summary>A deployment in one line, as the audit log shows it: <c>r3 blue=1 80% (active), canary=2 20%, shadow=3 10%</c>.</summary>
internal static class DeploymentText
{
    public static string Describe(RouteTable table)
    {
        if (table.Deployment is not { } deployment)
        {
            return $"r{table.Revision} default version";
        }

        var text = new StringBuilder($"r{table.Revision}");
        var separator = " ";
        foreach (var slot in Enum.GetValues<ServingSlot>())
        {
            if (deployment[slot] is { } assignment)
            {
                text.Append(separator).Append($"{SlotNames.Of(slot)}={assignment.Version} {assignment.Weight}%");
                text.Append(slot == deployment.Active ? " (active)" : string.Empty);
                separator = ", ";
            }
        }

        if (deployment.Shadow is { } shadow)
        {
            text.Append($", shadow={shadow.Version} {shadow.Percent}%");
        }

        return text.ToString();
    }
}
