using System.Globalization;
using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Internal.Api;
using SlackOperator.Emulators.Kubernetes.Internal.Json;

namespace SlackOperator.Emulators.Kubernetes.Internal.Patching;

/// <summary>JSON patch (RFC 6902): add, remove, replace, move, copy and test.</summary>
internal static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonArray operations)
    {
        var root = new JsonObject { ["doc"] = document.DeepClone() };
        foreach (var op in operations.OfType<JsonObject>())
        {
            ApplyOne(root, op);
        }

        return root["doc"]!.DeepClone();
    }

    private static void ApplyOne(JsonObject root, JsonObject op)
    {
        var kind = JsonNodes.Str(op, "op");
        var path = Pointer(JsonNodes.Str(op, "path"));
        switch (kind)
        {
            case "add":
                Add(root, path, op["value"]?.DeepClone());
                break;
            case "remove":
                Remove(root, path);
                break;
            case "replace":
                Remove(root, path);
                Add(root, path, op["value"]?.DeepClone());
                break;
            case "move":
                var moved = Remove(root, Pointer(JsonNodes.Str(op, "from")));
                Add(root, path, moved);
                break;
            case "copy":
                Add(root, path, Resolve(root, Pointer(JsonNodes.Str(op, "from")))?.DeepClone());
                break;
            case "test" when !JsonNodes.Equal(Resolve(root, path), op["value"]):
                throw Failed($"testing value {JsonNodes.Str(op, "path")} failed");
            case "test":
                break;
            default:
                throw Failed($"unexpected kind of operation: {kind}");
        }
    }

    private static List<string> Pointer(string? pointer)
    {
        if (pointer is null || (pointer.Length > 0 && pointer[0] != '/'))
        {
            throw Failed($"invalid JSON pointer: {pointer}");
        }

        return ["doc", .. pointer.Split('/').Skip(1).Select(s => s.Replace("~1", "/").Replace("~0", "~"))];
    }

    private static JsonNode? Resolve(JsonNode root, List<string> path) =>
        path.Aggregate((JsonNode?)root, (node, token) => node switch
        {
            JsonObject o => o[token],
            JsonArray a => a[Index(a, token, false)],
            _ => throw Failed($"path not found: {string.Join('/', path.Skip(1))}"),
        });

    private static void Add(JsonObject root, List<string> path, JsonNode? value)
    {
        switch (Resolve(root, path[..^1]))
        {
            case JsonObject parent:
                parent[path[^1]] = value;
                break;
            case JsonArray list when path[^1] == "-":
                list.Add(value);
                break;
            case JsonArray list:
                list.Insert(Index(list, path[^1], true), value);
                break;
            default:
                throw Failed($"missing path: {string.Join('/', path.Skip(1))}");
        }
    }

    private static JsonNode? Remove(JsonObject root, List<string> path)
    {
        switch (Resolve(root, path[..^1]))
        {
            case JsonObject parent when parent.ContainsKey(path[^1]):
                var value = parent[path[^1]];
                parent.Remove(path[^1]);
                return value;
            case JsonArray list:
                var index = Index(list, path[^1], false);
                var item = list[index];
                list.RemoveAt(index);
                return item;
            default:
                throw Failed($"unable to remove nonexistent key: {path[^1]}");
        }
    }

    private static int Index(JsonArray list, string token, bool allowEnd)
    {
        var max = allowEnd ? list.Count : list.Count - 1;
        return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= max
            ? i
            : throw Failed($"invalid array index: {token}");
    }

    private static ApiException Failed(string message) => new(422, "Invalid",
        $"the server rejected our request due to an error in our request: {message}");
}
