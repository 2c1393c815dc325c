using SlackOperator.Entities;
using SlackOperator.IntegrationTests.Support;

namespace SlackOperator.IntegrationTests.Behaviours;

/// <summary>
/// Channels declared by id are read one by one with <c>conversations.info</c> (no workspace listing); one that does
/// not exist says so, and the bot answers in the one that does.
/// </summary>
[Collection(OperatorCollection.Name)]
public sealed class ChannelByIdTests(OperatorEnvironment env)
{
    private const string Ns = "by-id";

    [Fact]
    public async Task ChannelsDeclaredById_ReadWithoutListing_MissingOneReportedAndTheOtherAnswers()
    {
        var app = await env.StartBotAsync(Ns);
        var channel = env.Slack.AddChannel("by-id-room", memberIds: [app.BotUserId]);
        var spec = BotScenarios.Spec(Ns, "bot", "pong");
        spec.Channels![0].Id = channel.Id;
        spec.Channels[0].Name = null;
        spec.Channels.Add(new ChannelSpec { Id = "C0NOSUCHROOM" });
        var from = DateTimeOffset.UtcNow;
        var bot = await env.GetBotAsync(Ns, "bot");
        bot.Spec = spec;
        await env.Api.ReplaceAsync(Kubernetes.Api.ResourceType.For<SlackBot>(), Ns, "bot", bot,
            CancellationToken.None);

        var ready = await env.WaitForConditionAsync(Ns, "bot", "ChannelsReady",
            c => c is { Status: "False", Reason: "ChannelNotFound" } && c.ObservedGeneration == 2);
        var reply = await env.AskAsync(app, channel.Id);

        Assert.Contains("C0NOSUCHROOM not found", ready.Status!.Conditions!.Single(c => c.Type == "ChannelsReady")
            .Message, StringComparison.Ordinal);
        Assert.Equal("pong", reply.Text);
        Assert.DoesNotContain(env.Slack.GetApiCalls("conversations.list"), c => c.AppId == app.AppId && c.At >= from);
        Assert.Contains(env.Slack.GetApiCalls("conversations.info"), c => c.AppId == app.AppId);
    }
}
