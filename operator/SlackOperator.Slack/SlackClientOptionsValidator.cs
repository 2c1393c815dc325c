using Microsoft.Extensions.Options;

namespace SlackOperator.Slack;

/// <summary>Checks what data annotations cannot: the API URL's scheme.</summary>
internal sealed class SlackClientOptionsValidator : IValidateOptions<SlackClientOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackClientOptions options)
    {
        var url = options.ApiBaseUrl;
        if (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http"))
        {
            return ValidateOptionsResult.Fail(
                "Slack:ApiBaseUrl must be an absolute http(s) URL, e.g. https://slack.com/api/");
        }

        return ValidateOptionsResult.Success;
    }
}
