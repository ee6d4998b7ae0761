using System.Net;
using System.Net.Sockets;

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>Loopback ports that were free when chosen.</summary>
internal static class FreePorts
{
    /// <summary><paramref name="count"/> different free ports: every listener is held until all are chosen, so no two picks collide.</summary>
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            return listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
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
