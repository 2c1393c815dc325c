using System.Text;

namespace SlackOperator.Emulators.Kubernetes.Internal.Protobuf;

/// <summary>A minimal protocol buffers wire-format reader: fields as (number, value) pairs.</summary>
internal static class ProtoReader
{
    public static IEnumerable<(int Field, object Value)> Fields(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var key = Varint(message.Span, ref position);
            var field = (int)(key >> 3);
            object value = (key & 7) switch
            {
                0 => Varint(message.Span, ref position),
                1 => Skip(ref position, 8),
                2 => LengthDelimited(message, ref position),
                5 => Skip(ref position, 4),
                _ => throw new FormatException("unsupported protobuf wire type"),
            };
            yield return (field, value);
        }
    }

    public static string Text(object value) => Encoding.UTF8.GetString(((ReadOnlyMemory<byte>)value).Span);

    public static ReadOnlyMemory<byte> Bytes(object value) => (ReadOnlyMemory<byte>)value;

    /// <summary>Reads a map entry message: key is field 1, value field 2.</summary>
    public static (string Key, ReadOnlyMemory<byte> Value) MapEntry(object value)
    {
        var key = "";
        ReadOnlyMemory<byte> entry = default;
        foreach (var (field, item) in Fields(Bytes(value)))
        {
            if (field == 1)
            {
                key = Text(item);
            }
            else if (field == 2)
            {
                entry = Bytes(item);
            }
        }

        return (key, entry);
    }

    private static ulong Varint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = data[position++];
            result |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new FormatException("malformed protobuf varint");
    }

    private static ReadOnlyMemory<byte> LengthDelimited(ReadOnlyMemory<byte> data, ref int position)
    {
        var length = (int)Varint(data.Span, ref position);
        var slice = data.Slice(position, length);
        position += length;
        return slice;
    }

    private static object Skip(ref int position, int size)
    {
        position += size;
        return 0UL;
    }
}
