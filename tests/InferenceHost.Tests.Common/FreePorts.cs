using System.Net;
using System.Net.Sockets;

namespace InferenceHost.Tests.Common;

/// <summary>Loopback ports nobody is listening on, so hosts in parallel test runs never collide.</summary>
public static class FreePorts
{
    public static int[] Take(int count)
    {
        var listeners = new TcpListener[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                listeners[i] = new TcpListener(IPAddress.Loopback, 0);
                listeners[i].Start();
            }

            return Array.ConvertAll(listeners, l => ((IPEndPoint)l.LocalEndpoint).Port);
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener?.Stop();
            }
        }
    }
}
