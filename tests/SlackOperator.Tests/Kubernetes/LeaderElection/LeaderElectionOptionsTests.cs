using System.ComponentModel.DataAnnotations;
using SlackOperator.Kubernetes.LeaderElection;

namespace SlackOperator.Tests.Kubernetes.LeaderElection;

public sealed class LeaderElectionOptionsTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        var errors = Validate(new LeaderElectionOptions());

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_RenewDeadlineNotBelowLeaseDuration_Fails()
    {
        var options = new LeaderElectionOptions
        {
            LeaseDuration = TimeSpan.FromSeconds(10), RenewDeadline = TimeSpan.FromSeconds(10),
        };

        var errors = Validate(options);

        Assert.Contains("LeaseDuration must be longer than RenewDeadline", errors);
    }

    [Fact]
    public void Validate_RetryPeriodNotBelowRenewDeadline_Fails()
    {
        var options = new LeaderElectionOptions { RetryPeriod = TimeSpan.FromSeconds(10) };

        var errors = Validate(options);

        Assert.Contains("RenewDeadline must be longer than RetryPeriod", errors);
    }

    [Fact]
    public void Identity_TwoInstances_Differ()
    {
        var (a, b) = (new LeaderElectionOptions().Identity, new LeaderElectionOptions().Identity);

        Assert.NotEqual(a, b);
        Assert.StartsWith(Environment.MachineName.ToLowerInvariant() + "_", a, StringComparison.Ordinal);
    }

    private static List<string> Validate(LeaderElectionOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? string.Empty)];
    }
}
