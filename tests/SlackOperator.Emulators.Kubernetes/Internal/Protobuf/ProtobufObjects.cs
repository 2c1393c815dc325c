using System.Text;
using System.Text.Json.Nodes;
using SlackOperator.Emulators.Kubernetes.Internal.Api;

namespace SlackOperator.Emulators.Kubernetes.Internal.Protobuf;

/// <summary>
/// Decodes the Kubernetes protobuf envelope for the kinds kubectl's typed client creates (Secret, ConfigMap,
/// Namespace). kubectl 1.32 sends those as protobuf and does not fall back to JSON on 415.
/// </summary>
internal static class ProtobufObjects
{
    public const string MediaType = "application/vnd.kubernetes.protobuf";

    private static readonly byte[] Magic = "k8s\0"u8.ToArray();

    public static JsonObject Decode(byte[] body)
    {
        if (body.Length < Magic.Length || !body.AsSpan(0, Magic.Length).SequenceEqual(Magic))
        {
            throw StatusFactory.BadRequest("the protobuf body does not start with the Kubernetes magic number");
        }

        var (apiVersion, kind, raw) = Envelope(body.AsMemory(Magic.Length));
        var obj = new JsonObject { ["apiVersion"] = apiVersion, ["kind"] = kind };
        foreach (var (field, value) in ProtoReader.Fields(raw))
        {
            DecodeField(kind, obj, field, value);
        }

        return obj;
    }

    private static (string ApiVersion, string Kind, ReadOnlyMemory<byte> Raw) Envelope(ReadOnlyMemory<byte> unknown)
    {
        string apiVersion = "", kind = "";
        ReadOnlyMemory<byte> raw = default;
        foreach (var (field, value) in ProtoReader.Fields(unknown))
        {
            if (field == 1)
            {
                foreach (var (typeField, typeValue) in ProtoReader.Fields(ProtoReader.Bytes(value)))
                {
                    _ = typeField == 1 ? apiVersion = ProtoReader.Text(typeValue) : kind = ProtoReader.Text(typeValue);
                }
            }
            else if (field == 2)
            {
                raw = ProtoReader.Bytes(value);
            }
        }

        return (apiVersion, kind, raw);
    }

    private static void DecodeField(string kind, JsonObject obj, int field, object value)
    {
        switch (kind, field)
        {
            case (_, 1):
                obj["metadata"] = ProtobufMetadata.Decode(ProtoReader.Bytes(value));
                break;
            case ("Secret", 2) or ("ConfigMap", 3):
                AddEntry(obj, field == 2 ? "data" : "binaryData", value, base64: true);
                break;
            case ("Secret", 3) when ProtoReader.Text(value).Length > 0:
                obj["type"] = ProtoReader.Text(value);
                break;
            case ("Secret", 4) or ("ConfigMap", 2):
                AddEntry(obj, field == 4 ? "stringData" : "data", value, base64: false);
                break;
            case ("Secret", 5) or ("ConfigMap", 4):
                obj["immutable"] = (ulong)value != 0;
                break;
            case ("Namespace", 2):
                obj["spec"] = new JsonObject
                {
                    ["finalizers"] = new JsonArray(ProtoReader.Fields(ProtoReader.Bytes(value))
                        .Where(f => f.Field == 1).Select(f => (JsonNode?)ProtoReader.Text(f.Value)).ToArray()),
                };
                break;
            case ("Secret" or "ConfigMap" or "Namespace", _):
                break;
            default:
                throw StatusFactory.UnsupportedMediaType($"{MediaType} for kind {kind}");
        }
    }

    private static void AddEntry(JsonObject obj, string key, object value, bool base64)
    {
        var (entryKey, entryValue) = ProtoReader.MapEntry(value);
        var map = obj[key] as JsonObject ?? [];
        obj[key] = map;
        map[entryKey] = base64 ? Convert.ToBase64String(entryValue.Span) : Encoding.UTF8.GetString(entryValue.Span);
    }
}
