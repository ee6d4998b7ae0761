using System.Net;
using System.Net.Sockets;

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>The four ports one host process listens on, all free when chosen.</summary>
internal readonly record struct HostPorts(int Http, int Grpc, int Silo, int Gateway)
{
    public static HostPorts Free()
    {
        // Hold all four listeners until all are chosen, so no two picks collide.
        var listeners = Enumerable.Range(0, 4).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            var ports = listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
            return new HostPorts(ports[0], ports[1], ports[2], ports[3]);
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}
