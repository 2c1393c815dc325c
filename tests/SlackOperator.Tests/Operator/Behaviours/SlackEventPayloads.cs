using System.Text.Json;

namespace SlackOperator.Tests.Operator.Behaviours;

/// <summary>Events API payloads in the shapes Slack sends them (trimmed of fields behaviours never read).</summary>
internal static class SlackEventPayloads
{
    public const string Bot = "U0BOT";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["plain"] = """
            {"type":"message","channel":"C0GENERAL","user":"U0ALICE","text":"hello there","ts":"1700000001.000100",
             "client_msg_id":"8c1a","team":"T0EMULATOR","channel_type":"channel","event_ts":"1700000001.000100"}
            """,
        ["app_mention"] = """
            {"type":"app_mention","user":"U0ALICE","text":"<@U0BOT> are you there?","ts":"1700000002.000100",
             "client_msg_id":"8c1b","team":"T0EMULATOR","channel":"C0GENERAL","event_ts":"1700000002.000100"}
            """,
        ["mention_message"] = """
            {"type":"message","channel":"C0GENERAL","user":"U0ALICE","text":"<@U0BOT> are you there?",
             "ts":"1700000002.000100","team":"T0EMULATOR","channel_type":"channel","event_ts":"1700000002.000100"}
            """,
        ["member_joined_channel"] = """
            {"type":"member_joined_channel","user":"U0NEW","channel":"C0GENERAL","channel_type":"C",
             "team":"T0EMULATOR","inviter":"U0ALICE","event_ts":"1700000003.000100"}
            """,
        ["message_changed"] = """
            {"type":"message","subtype":"message_changed","hidden":true,"channel":"C0GENERAL",
             "ts":"1700000004.000200","event_ts":"1700000004.000200","channel_type":"channel",
             "message":{"type":"message","user":"U0ALICE","text":"hello again","edited":{"user":"U0ALICE",
               "ts":"1700000004.000000"},"ts":"1700000001.000100"},
             "previous_message":{"type":"message","user":"U0ALICE","text":"hello there","ts":"1700000001.000100"}}
            """,
        ["message_deleted"] = """
            {"type":"message","subtype":"message_deleted","hidden":true,"channel":"C0GENERAL",
             "ts":"1700000005.000200","deleted_ts":"1700000001.000100","event_ts":"1700000005.000200",
             "previous_message":{"type":"message","user":"U0ALICE","text":"hello there","ts":"1700000001.000100"}}
            """,
        ["bot_message"] = """
            {"type":"message","subtype":"bot_message","text":"hello from a webhook","ts":"1700000006.000100",
             "bot_id":"B0OTHER","username":"otherbot","channel":"C0GENERAL","channel_type":"channel",
             "event_ts":"1700000006.000100"}
            """,
        ["other_app_bot"] = """
            {"type":"message","user":"U0OTHERBOT","bot_id":"B0OTHER","app_id":"A0OTHER","text":"hello",
             "ts":"1700000006.000200","team":"T0EMULATOR","channel":"C0GENERAL","channel_type":"channel",
             "bot_profile":{"id":"B0OTHER","name":"otherbot"},"event_ts":"1700000006.000200"}
            """,
        ["own_message"] = """
            {"type":"message","user":"U0BOT","bot_id":"B0BOT","app_id":"A0BOT","text":"hello <@U0ALICE>",
             "ts":"1700000007.000100","team":"T0EMULATOR","channel":"C0GENERAL","channel_type":"channel",
             "event_ts":"1700000007.000100"}
            """,
        ["thread_broadcast"] = """
            {"type":"message","subtype":"thread_broadcast","user":"U0ALICE","text":"hello everyone in the thread",
             "thread_ts":"1700000000.000100","root":{"type":"message","user":"U0BOB","text":"topic",
               "ts":"1700000000.000100"},"ts":"1700000008.000100","channel":"C0GENERAL","channel_type":"channel",
             "event_ts":"1700000008.000100"}
            """,
        ["file_share"] = """
            {"type":"message","subtype":"file_share","user":"U0ALICE","text":"hello, the log is attached",
             "files":[{"id":"F0LOG","name":"build.log","mimetype":"text/plain"}],"upload":false,
             "ts":"1700000009.000100","channel":"C0GENERAL","channel_type":"channel","event_ts":"1700000009.000100"}
            """,
        ["in_thread"] = """
            {"type":"message","user":"U0ALICE","text":"hello from the thread","ts":"1700000010.000100",
             "thread_ts":"1700000000.000100","parent_user_id":"U0BOB","channel":"C0GENERAL",
             "channel_type":"channel","event_ts":"1700000010.000100"}
            """,
        ["regex_capture"] = """
            {"type":"message","user":"U0ALICE","text":"deploy checkout to staging","ts":"1700000011.000100",
             "channel":"C0GENERAL","channel_type":"channel","event_ts":"1700000011.000100"}
            """,
        ["injection"] = """
            {"type":"message","user":"U0ALICE","text":"deploy <!channel> to &lt;!here&gt;","ts":"1700000012.000100",
             "channel":"C0GENERAL","channel_type":"channel","event_ts":"1700000012.000100"}
            """,
        ["forward_question"] = """
            {"type":"message","user":"U0ALICE","text":"? vpn","ts":"1700000013.000100","channel":"C0GENERAL",
             "channel_type":"channel","event_ts":"1700000013.000100"}
            """,
        ["direct_message"] = """
            {"type":"message","user":"U0ALICE","text":"ping","ts":"1700000014.000100","channel":"D0ALICE",
             "channel_type":"im","event_ts":"1700000014.000100"}
            """,
        ["dm_channel_only_text"] = """
            {"type":"message","user":"U0ALICE","text":"deploy checkout to staging","ts":"1700000015.000100",
             "channel":"D0ALICE","channel_type":"im","event_ts":"1700000015.000100"}
            """,
    };

    public static JsonElement Parse(string name) => JsonDocument.Parse(All[name]).RootElement.Clone();
}
