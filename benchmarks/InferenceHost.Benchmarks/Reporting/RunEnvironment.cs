namespace InferenceHost.Benchmarks.Reporting;

/// <summary>Where and how a run was made, for a report's header.</summary>
/// <param name="StartedAt">When the run began (UTC).</param>
/// <param name="LoadAtStart">The 1, 5 and 15 minute load averages before it.</param>
/// <param name="Contention">How much CPU other processes and the hypervisor took while it measured.</param>
/// <param name="Machine">CPUs, CPU model, runtime versions.</param>
/// <param name="Configuration">The build configuration of the benchmark and the servers.</param>
/// <param name="Command">The command line that reproduces the run.</param>
internal sealed record RunEnvironment(DateTimeOffset StartedAt, string LoadAtStart, string Contention, MachineInfo Machine, string Configuration, string Command);
