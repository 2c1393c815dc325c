using System.CommandLine;
using System.Text.Json;
using System.Text.RegularExpressions;
using SlackOperator.Behaviours;
using SlackOperator.Bots;
using SlackOperator.Entities;
using SlackOperator.Manifests;
using SlackOperator.Slack.Events;
using SlackOperator.Slack.WebApi;
using SlackOperator.Validation;

namespace SlackOperator.Cli;

/// <summary>
/// <c>slack-operator simulate BOT.yaml --say TEXT</c>: runs the behaviour engine offline on one message (or one
/// member joining with <c>--join</c>) and prints what the bot would post, react or forward, without calling
/// anything. Declared channels get pseudo ids, so their behaviours apply; any other <c>--channel</c> stands for a
/// direct message or another conversation, where only the top-level behaviours apply.
/// </summary>
internal static partial class SimulateCommand
{
    /// <summary>The bot's user id in simulations; a message mentions the bot with &lt;@U0SIMBOT&gt; or @NAME.</summary>
    public const string BotUserId = "U0SIMBOT";

    public const string OtherConversationId = "D0SIMULATED";

    private const string TeamId = "T0SIMULATED";

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A manifest holding the SlackBot" };
        var say = new Option<string?>("--say") { Description = "The message a user sends" };
        var user = new Option<string>("--as")
        {
            Description = "The user id of the author (default U0SIMUSER)",
            DefaultValueFactory = _ => "U0SIMUSER",
        };
        var channel = new Option<string?>("--channel")
        {
            Description = "A declared channel's name or id (default: the first declared); any other value is a " +
                "direct message or another conversation",
        };
        var thread = new Option<string?>("--thread") { Description = "The ts of the thread the message is in" };
        var join = new Option<bool>("--join") { Description = "Simulate the user joining the channel instead" };
        var command = new Command("simulate", "Show what a SlackBot would do about one message, offline")
        {
            file, say, user, channel, thread, join,
        };
        command.SetAction(parse => Run(
            new SimulateRequest(parse.GetValue(file)!, parse.GetValue(say), parse.GetValue(user)!,
                parse.GetValue(channel), parse.GetValue(thread), parse.GetValue(join)),
            Console.Out));
        return command;
    }

    /// <summary>Simulates <paramref name="request"/>: 0 when the spec is valid, 1 otherwise.</summary>
    public static int Run(SimulateRequest request, TextWriter output)
    {
        if (request.Say is null == !request.Join)
        {
            output.WriteLine("simulate: give either --say TEXT or --join");
            return 1;
        }

        if (Load(request.File, output) is not { } bot)
        {
            return 1;
        }

        var channels = Channels(bot.Spec);
        var behaviours = BehaviourSet.Compile(bot.Spec, channels);
        var (channelId, label) = Conversation(request.Channel, channels);
        if (request.Join)
        {
            SimulateJoin(behaviours, request.User, channelId, label, output);
            return 0;
        }

        var message = new MessageEvent(channelId, request.User, null, null, AsSlackSends(request.Say!, bot),
            "1700000000.000100", request.ThreadTs, channelId.StartsWith('D') ? "im" : "channel");
        output.WriteLine($"{request.User} says in {label}: {message.Text}");
        var self = new AuthIdentity(BotUserId, "B0SIMBOT", bot.Metadata.Name ?? "bot", TeamId, "Simulated", null);
        if (!MessageFilter.IsAnswerable(message, self, behaviours.AllowBots))
        {
            output.WriteLine("the bot ignores this message (its own, another bot's, or a system message)");
            return 0;
        }

        Describe(behaviours.Decide(message, BotUserId), message, label, output);
        return 0;
    }

    private static SlackBot? Load(string path, TextWriter output)
    {
        var bots = new List<ManifestDocument>();
        foreach (var file in ManifestReader.Read([path]))
        {
            if (file.Error is not null)
            {
                output.WriteLine($"{file.Path}: {file.Error}");
                return null;
            }

            bots.AddRange(file.Documents.Where(SlackBotManifest.IsSlackBot));
        }

        if (bots.Count != 1)
        {
            output.WriteLine(bots.Count == 0
                ? $"{path}: no SlackBot here"
                : $"{path}: {bots.Count} SlackBots here ({string.Join(", ", bots.Select(b => b.Name))}); "
                    + "simulate runs one: pass a file that holds only that one");
            return null;
        }

        var document = bots[0];
        var manifest = SlackBotManifest.Load(document, new SpecValidator(new ForwardUrlPolicy(false)));
        foreach (var problem in manifest.Problems)
        {
            output.WriteLine($"{document.Where}: {problem}");
        }

        return manifest.Problems.Count == 0 ? manifest.Bot : null;
    }

    /// <summary>Every declared channel, found and joined, with its id or a pseudo id made from its name.</summary>
    private static List<ChannelObservation> Channels(SlackBotSpec spec) =>
        [.. (spec.Channels ?? []).Select(c => new ChannelObservation(c.Display, c.Name, c.Id ?? PseudoId(c.Name!),
            true, null, null))];

    private static string PseudoId(string name) =>
        "C0" + new string([.. name.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);

    private static (string Id, string Label) Conversation(string? requested, List<ChannelObservation> channels)
    {
        if (requested is null)
        {
            return channels.Count > 0
                ? (channels[0].Id!, Label(channels[0]))
                : (OtherConversationId, $"a direct message ({OtherConversationId})");
        }

        var wanted = requested.TrimStart('#');
        var found = channels.FirstOrDefault(c =>
            string.Equals(c.Name, wanted, StringComparison.OrdinalIgnoreCase) || c.Id == wanted);
        return found is not null
            ? (found.Id!, Label(found))
            : (OtherConversationId, $"{requested} (not declared, so a direct message or other conversation " +
                "where only spec.behaviours apply)");
    }

    private static string Label(ChannelObservation channel) =>
        channel.Name is null ? channel.Id! : $"#{channel.Name} ({channel.Id})";

    /// <summary>The text as Slack would deliver it: escaped, with @here/@channel/@everyone and @BOT as mentions.
    /// </summary>
    private static string AsSlackSends(string typed, SlackBot bot)
    {
        var text = SlackText.Escape(typed);
        text = SpecialMention().Replace(text, m => $"<!{m.Groups[1].Value}>");
        return bot.Metadata.Name is { } name
            ? Regex.Replace(text, $@"@{Regex.Escape(name)}\b|&lt;@{BotUserId}&gt;", $"<@{BotUserId}>")
            : text;
    }

    private static void SimulateJoin(
        BehaviourSet behaviours, string user, string channelId, string label, TextWriter output)
    {
        output.WriteLine($"{user} joins {label}");
        output.WriteLine(behaviours.WelcomeFor(channelId) is { } welcome
            ? $"would post in {label}: {welcome.Render(user, channelId)}"
            : "nothing: no welcome behaviour for this channel");
    }

    private static void Describe(Decision decision, MessageEvent message, string label, TextWriter output)
    {
        if (decision.IsEmpty)
        {
            output.WriteLine("nothing: no behaviour matches");
            return;
        }

        foreach (var emoji in decision.Reactions)
        {
            output.WriteLine($"would react with :{emoji}:");
        }

        var threadTs = decision.Answer is { InThread: true } ? message.ThreadTs ?? message.Ts : message.ThreadTs;
        var where = threadTs is null ? label : $"{label}, in the thread of {threadTs}";
        switch (decision.Answer)
        {
            case ReplyRule reply:
                output.WriteLine($"would post in {where}: {reply.Render(message, decision.Match!)}");
                break;
            case ForwardRule forward:
                var payload = JsonSerializer.Serialize(ForwardClient.Payload(message, TeamId),
                    JsonSerializerOptions.Web);
                output.WriteLine($"would POST to {forward.Url} (timeout {forward.Timeout.TotalSeconds:0} s): " +
                    payload);
                output.WriteLine($"and post the service's answer in {where}");
                break;
        }
    }

    [GeneratedRegex("@(here|channel|everyone)\\b")]
    private static partial Regex SpecialMention();
}
