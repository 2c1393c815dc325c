using System.Net;
using System.Net.Sockets;
using System.Text;
using SlackOperator.Behaviours;
using SlackOperator.Entities;
using SlackOperator.Slack.Events;

namespace SlackOperator.Tests.Operator.Behaviours;

/// <summary><see cref="ForwardClient"/> against a real HTTP server on 127.0.0.1 (loopback allowed, as in tests).
/// </summary>
public sealed class ForwardClientTests : IDisposable
{
    private static readonly MessageEvent Message =
        new("C0HELP", "U0ALICE", null, null, "? vpn", "1700000000.000100", null, "channel");

    private readonly HttpListener _listener = new();
    private readonly ForwardClient _sut = new(new ForwardUrlPolicy(allowLoopback: true));
    private readonly int _port;

    public ForwardClientTests()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _listener.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _listener.Start();
    }

    [Fact]
    public async Task Forward_TextAnswer_Trimmed()
    {
        var serving = ServeAsync(200, "text/plain", "  try the VPN guide\n");

        var (answer, error) = await ForwardAsync();

        Assert.Equal(("try the VPN guide", null), (answer, error));
        Assert.Contains("\"text\":\"? vpn\"", await serving, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forward_JsonAnswer_TextFieldUsed()
    {
        _ = ServeAsync(200, "application/json; charset=utf-8", """{"text":"from JSON"}""");

        var (answer, error) = await ForwardAsync();

        Assert.Equal(("from JSON", null), (answer, error));
    }

    [Fact]
    public async Task Forward_Redirect_NotFollowed()
    {
        _ = ServeAsync(302, "text/plain", "moved", location: "http://169.254.169.254/");

        var (answer, error) = await ForwardAsync();

        Assert.Null(answer);
        Assert.Equal("the service answered HTTP 302", error);
    }

    [Fact]
    public async Task Forward_AnswerOver64KiB_Refused()
    {
        _ = ServeAsync(200, "text/plain", new string('x', ForwardClient.MaxAnswerBytes + 1));

        var (answer, error) = await ForwardAsync();

        Assert.Null(answer);
        Assert.Equal("the answer is larger than 64 KiB", error);
    }

    [Fact]
    public async Task Forward_NoAnswerInTime_TimesOut()
    {
        // The server never answers; the 1-second timeout of the behaviour ends the wait.
        var (answer, error) = await ForwardAsync(timeoutSeconds: 1);

        Assert.Null(answer);
        Assert.Equal("no answer within 1 s", error);
    }

    public void Dispose()
    {
        _listener.Close();
        _sut.Dispose();
    }

    private Task<(string? Answer, string? Error)> ForwardAsync(int timeoutSeconds = 5)
    {
        var rule = new ForwardRule(new ForwardBehaviour
        {
            When = new MessageMatch { Contains = "?" },
            Url = $"http://127.0.0.1:{_port}/ask",
            TimeoutSeconds = timeoutSeconds,
        });
        return _sut.ForwardAsync(rule, Message, "T0EMULATOR", CancellationToken.None);
    }

    private async Task<string> ServeAsync(int status, string contentType, string body, string? location = null)
    {
        var context = await _listener.GetContextAsync();
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var request = await reader.ReadToEndAsync();
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        if (location is not null)
        {
            context.Response.RedirectLocation = location;
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        try
        {
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (HttpListenerException)
        {
            // The client stops reading after the size limit.
        }

        return request;
    }
}
