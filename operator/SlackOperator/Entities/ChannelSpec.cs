using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using SlackOperator.Kubernetes.Crds;

namespace SlackOperator.Entities;

/// <summary>A channel and what the bot does there.</summary>
[ExactlyOneOf("name", "id")]
[Description("A channel, by name or by id (exactly one), and the behaviours the bot has there.")]
public sealed class ChannelSpec
{
    /// <summary>The channel's name without '#'; Slack names are lower case, so case is ignored.</summary>
    [MaxLength(80)]
    [RegularExpression(@"^[^#\s,][^\s,]*$")]
    [Description("The channel's name without '#', e.g. general. Give name or id.")]
    public string? Name { get; set; }

    /// <summary>The channel's id: public (C…) or private (G… in older workspaces). Direct messages have no
    /// entry here; <see cref="SlackBotSpec.Behaviours"/> covers them.</summary>
    [MaxLength(32)]
    [RegularExpression("^[CG][A-Z0-9]+$")]
    [Description("The channel's id, e.g. C0123456789. Give name or id.")]
    public string? Id { get; set; }

    /// <summary>Join the channel when the bot is not a member.</summary>
    [Description("Join this public channel when the bot is not in it yet. Private channels need an invitation.")]
    public bool? Join { get; set; }

    /// <summary>What to do in this channel.</summary>
    [MaxLength(50)]
    [Description("Behaviours in this channel, tried in order: the first matching reply wins.")]
    public List<BehaviourSpec>? Behaviours { get; set; }

    /// <summary>How the channel is shown in messages and status.</summary>
    [JsonIgnore]
    public string Display => Name is not null ? $"#{Name}" : Id ?? "(unnamed)";
}
