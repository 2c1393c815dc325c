using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Kubernetes.Tests.Infrastructure;

/// <summary>An open watch read line by line; every read is bounded in time.</summary>
public sealed class WatchStream : IAsyncDisposable
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private WatchStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public int StatusCode => (int)_response.StatusCode;

    public static async Task<WatchStream> OpenAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        var stream = await response.Content.ReadAsStreamAsync();
        return new WatchStream(response, new StreamReader(stream));
    }

    /// <summary>The next event, or null when the server ended the stream.</summary>
    public async Task<(string Type, JsonObject Object)?> NextAsync()
    {
        using var cts = new CancellationTokenSource(ReadTimeout);
        var line = await _reader.ReadLineAsync(cts.Token);
        if (line is null)
        {
            return null;
        }

        var node = JsonNode.Parse(line)!;
        return (node["type"]!.GetValue<string>(), node["object"]!.AsObject());
    }

    /// <summary>Reads until an event of the given type arrives, skipping others; bounded by count.</summary>
    public async Task<(string Type, JsonObject Object)> NextOfTypeAsync(string type, int maxEvents = 50)
    {
        for (var i = 0; i < maxEvents; i++)
        {
            var next = await NextAsync() ?? throw new InvalidOperationException("watch ended");
            if (next.Type == type)
            {
                return next;
            }
        }

        throw new InvalidOperationException($"no {type} event among {maxEvents}");
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
