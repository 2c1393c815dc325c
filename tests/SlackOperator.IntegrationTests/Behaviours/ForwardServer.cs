using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SlackOperator.IntegrationTests.Behaviours;

/// <summary>A service on 127.0.0.1 for forward behaviours: records each request body and answers with JSON.</summary>
public sealed class ForwardServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<string, string> _answer;
    private readonly List<string> _bodies = [];
    private readonly Task _loop;

    public ForwardServer(Func<string, string> answer)
    {
        _answer = answer;
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public IReadOnlyList<string> Bodies
    {
        get
        {
            lock (_bodies)
            {
                return [.. _bodies];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop;
        _listener.Close();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            lock (_bodies)
            {
                _bodies.Add(body);
            }

            var answer = Encoding.UTF8.GetBytes(_answer(body));
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
