using System.Text.Json.Nodes;

namespace SlackOperator.Emulators.Kubernetes.Internal.Protobuf;

/// <summary>Decodes the ObjectMeta fields a client may set; the server owns the rest.</summary>
internal static class ProtobufMetadata
{
    public static JsonObject Decode(ReadOnlyMemory<byte> message)
    {
        var meta = new JsonObject();
        foreach (var (field, value) in ProtoReader.Fields(message))
        {
            switch (field)
            {
                case 1:
                    meta["name"] = ProtoReader.Text(value);
                    break;
                case 2 when ProtoReader.Text(value).Length > 0:
                    meta["generateName"] = ProtoReader.Text(value);
                    break;
                case 3:
                    meta["namespace"] = ProtoReader.Text(value);
                    break;
                case 11 or 12:
                    var (key, entry) = ProtoReader.MapEntry(value);
                    var map = meta[field == 11 ? "labels" : "annotations"] as JsonObject ?? [];
                    meta[field == 11 ? "labels" : "annotations"] = map;
                    map[key] = System.Text.Encoding.UTF8.GetString(entry.Span);
                    break;
                case 14:
                    var finalizers = meta["finalizers"] as JsonArray ?? [];
                    meta["finalizers"] = finalizers;
                    finalizers.Add(ProtoReader.Text(value));
                    break;
            }
        }

        return meta;
    }
}
