using System.Globalization;
using InferenceHost.Cli.Admin;
using InferenceHost.Cli.CommandLine;

namespace InferenceHost.Cli.Commands;

/// <summary>One <c>SLOT=WEIGHT</c> of the <c>weights</c> command (<c>shadow=P</c> sets the shadow's percent).</summary>
internal readonly record struct WeightChange(string Slot, int Value)
{
    /// <exception cref="UsageException">Not <c>SLOT=WEIGHT</c> with a known slot and a whole number.</exception>
    public static WeightChange Parse(string text) => text.Split('=') switch
    {
        [var slot, var value] when (SlotNames.Serving.Contains(slot) || slot == SlotNames.Shadow)
            && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) => new WeightChange(slot, number),
        _ => throw new UsageException($"'{text}' is not SLOT=WEIGHT, where SLOT is blue, green, canary or shadow (e.g. canary=20)"),
    };

    /// <summary>The deployment with this slot's weight changed; only a slot that holds a version can be changed.</summary>
    /// <exception cref="CommandFailedException">The slot holds no version.</exception>
    public DesiredDeployment ApplyTo(DesiredDeployment deployment, string model)
    {
        if (Slot == SlotNames.Shadow)
        {
            return deployment.Shadow is { } shadow ? deployment with { Shadow = shadow with { Percent = Value } } : throw Empty(model);
        }

        return deployment.Slots[Slot] is { } assignment
            ? deployment with { Slots = deployment.Slots.With(Slot, assignment with { Weight = Value }) }
            : throw Empty(model);
    }

    private CommandFailedException Empty(string model) =>
        new($"the {Slot} slot of model '{model}' holds no version; 'weights' changes existing slots only (use 'deploy' to fill it)");
}
