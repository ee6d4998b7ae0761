namespace InferenceHost.Benchmarks.Hosting;

/// <summary>The four ports one host process listens on, all free when chosen.</summary>
internal readonly record struct HostPorts(int Http, int Grpc, int Silo, int Gateway)
{
    public static HostPorts Free()
    {
        var ports = FreePorts.Take(4);
        return new HostPorts(ports[0], ports[1], ports[2], ports[3]);
    }
}
