namespace InferenceHost.Abstractions.Routing;

/// <summary>The rules every deployment obeys, checked before anything changes; every broken rule is listed.</summary>
public static class DeploymentRules
{
    public static IReadOnlyList<string> Check(Deployment deployment)
    {
        var problems = new List<string>();
        if (deployment.Active is not (ServingSlot.Blue or ServingSlot.Green))
        {
            problems.Add("the active colour must be blue or green");
        }
        else if (deployment[deployment.Active] is null)
        {
            problems.Add($"the active colour {SlotNames.Of(deployment.Active)} has no version");
        }

        var total = 0;
        foreach (var slot in Enum.GetValues<ServingSlot>())
        {
            if (deployment[slot] is not { } assignment)
            {
                continue;
            }

            CheckVersion(SlotNames.Of(slot), assignment.Version, problems);
            if (assignment.Weight is < 0 or > 100)
            {
                problems.Add($"{SlotNames.Of(slot)} weight must be 0 to 100, not {assignment.Weight}");
            }

            total += assignment.Weight;
        }

        if (total != 100)
        {
            problems.Add($"weights must sum to 100, not {total}");
        }

        if (deployment.Shadow is { } shadow)
        {
            CheckVersion(SlotNames.Shadow, shadow.Version, problems);
            if (shadow.Percent is < 0 or > 100)
            {
                problems.Add($"shadow percent must be 0 to 100, not {shadow.Percent}");
            }
        }

        return problems;
    }

    /// <summary>Version ids are positive integers, as the repository's folders are named.</summary>
    public static bool IsVersionId(string? version) =>
        version is { Length: > 0 and <= 18 } && version[0] != '0' && version.All(char.IsAsciiDigit);

    private static void CheckVersion(string slot, string? version, List<string> problems)
    {
        if (!IsVersionId(version))
        {
            problems.Add($"{slot} version '{version}' is not a version id (a positive integer)");
        }
    }
}
