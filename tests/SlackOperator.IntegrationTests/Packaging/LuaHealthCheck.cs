using System.Globalization;
using System.Text;
using System.Text.Json;
using NLua;

namespace SlackOperator.IntegrationTests.Packaging;

/// <summary>Runs an Argo CD health script the way Argo CD does: the live object as the global <c>obj</c>.</summary>
internal static class LuaHealthCheck
{
    public static (string Status, string Message) Run(string script, JsonElement obj)
    {
        using var lua = new Lua();
        lua.DoString("obj = " + ToLua(obj));
        var result = lua.DoString(script, "health.lua");
        var hs = Assert.IsType<LuaTable>(Assert.Single(result));
        return ((string)hs["status"], hs["message"] as string ?? "");
    }

    private static string ToLua(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",",
            value.EnumerateObject().Select(p => $"[{Quote(p.Name)}]={ToLua(p.Value)}")) + "}",
        JsonValueKind.Array => "{" + string.Join(",", value.EnumerateArray().Select(ToLua)) + "}",
        JsonValueKind.String => Quote(value.GetString()!),
        JsonValueKind.Number => value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "nil",
    };

    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when c < ' ' => $"\\{(int)c:D3}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
