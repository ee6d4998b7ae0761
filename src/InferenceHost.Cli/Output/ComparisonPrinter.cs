using InferenceHost.Cli.Admin;

namespace InferenceHost.Cli.Output;

/// <summary>A comparison as <c>compare</c> prints it: the window, both request counts, and the gate table rollouts print.</summary>
internal static class ComparisonPrinter
{
    public static void Write(ComparisonView comparison, TextWriter output)
    {
        output.WriteLine(
            $"model {comparison.Model}, version {comparison.Candidate} against {comparison.Baseline}, last {comparison.Window} "
            + $"({Timestamps.Format(comparison.From)} to {Timestamps.Format(comparison.To)})");
        output.WriteLine($"requests: candidate {Numbers.Whole(comparison.CandidateRequests)}, baseline {Numbers.Whole(comparison.BaselineRequests)}");
        output.WriteLine();
        RolloutPrinter.WriteGates(comparison.Gates, output);
    }
}
