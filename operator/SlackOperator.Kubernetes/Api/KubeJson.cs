using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlackOperator.Kubernetes.Api;

/// <summary>
/// The JSON settings for every object the runtime reads or writes: the API's camelCase names, nulls left out,
/// and times in RFC 3339 with six fractional digits, UTC. The API server parses <c>metav1.MicroTime</c> fields
/// (a Lease's renewTime, an Event's eventTime) only in exactly that form, and accepts it for <c>metav1.Time</c>
/// fields too, which it then keeps to whole seconds.
/// </summary>
public static class KubeJson
{
    /// <summary>Shared options; do not mutate.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Serializes with <see cref="Options"/>.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Deserializes with <see cref="Options"/>.</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"null {typeof(T).Name}");

    /// <summary>Deserializes an element with <see cref="Options"/>.</summary>
    public static T Deserialize<T>(JsonElement json) =>
        json.Deserialize<T>(Options) ?? throw new JsonException($"null {typeof(T).Name}");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new Rfc3339DateTimeConverter());
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class Rfc3339DateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTime.Parse(reader.GetString()!, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'",
                CultureInfo.InvariantCulture));
    }
}
