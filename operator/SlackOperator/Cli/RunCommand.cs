using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using k8s.Exceptions;
using YamlDotNet.Core;
using SlackOperator.Hosting;
using SlackOperator.Kubernetes.Observability;

namespace SlackOperator.Cli;

/// <summary><c>slack-operator run</c>: reconcile SlackBots until stopped.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var kubeconfig = new Option<string?>("--kubeconfig")
        {
            Description = "Kubeconfig file; default: $KUBECONFIG, then the in-cluster service account, "
                + "then ~/.kube/config",
        };
        var ns = new Option<string?>("--namespace", "-n")
        {
            Description = "Watch SlackBots and Secrets in this namespace only; default: all namespaces",
        };
        var slackApiUrl = new Option<string?>("--slack-api-url")
        {
            Description = "Base URL of the Slack Web API; default: https://slack.com/api/",
        };
        var workers = new Option<int?>("--workers") { Description = "SlackBots reconciled at once; default: 16" };
        var leaderElect = new Option<bool?>("--leader-elect")
        {
            Description = "Run only while holding the leader Lease, so one of several replicas runs the bots; "
                + "default: true",
        };
        var metricsPort = new Option<int?>("--metrics-port")
        {
            Description = "Port of /metrics, /healthz and /readyz; default: 8080",
        };
        var metricsBindAddress = new Option<string?>("--metrics-bind-address")
        {
            Description = "IP address the metrics and health port listens on; default: 0.0.0.0",
        };
        var logLevel = new Option<LogLevel>("--log-level")
        {
            Description = "Minimum log level", DefaultValueFactory = _ => LogLevel.Information,
        };
        var command = new Command("run", "Run the operator against the current cluster")
        {
            kubeconfig, ns, slackApiUrl, workers, leaderElect, metricsPort, metricsBindAddress, logLevel,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = OperatorOptions.ToConfiguration(parse.GetValue(kubeconfig), parse.GetValue(ns),
                parse.GetValue(slackApiUrl), parse.GetValue(workers))
                .Concat(MetricsOptions.ToConfiguration(parse.GetValue(metricsPort), parse.GetValue(metricsBindAddress)))
                .Concat(LeaderElectionSettings.ToConfiguration(parse.GetValue(leaderElect)));
            return await RunAsync(settings, parse.GetValue(logLevel), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        IEnumerable<KeyValuePair<string, string?>> settings, LogLevel logLevel, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(logLevel);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

        // A start-up failure is reported once, as one line below, not as the host's stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);

        // /readyz answers 503 with the reason until the caches are filled; a log line per probe adds nothing.
        builder.Logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None);
        builder.Logging.AddSimpleConsole(console =>
        {
            console.IncludeScopes = true;
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
            console.UseUtcTimestamp = true;
        });
        builder.Services.AddSlackOperator();
        builder.Services.AddOperatorEndpoint();
        using var host = builder.Build();
        try
        {
            await host.RunAsync(cancellationToken);
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            await Console.Error.WriteLineAsync($"slack-operator: invalid settings: {string.Join("; ", ex.Failures)}");
            return 2;
        }
        catch (MetricsEndpointException ex)
        {
            await Console.Error.WriteLineAsync($"slack-operator: {ex.Message} (flag: --metrics-port)");
            return 2;
        }
        catch (Exception ex) when (ex is KubeConfigException or YamlException or IOException)
        {
            await Console.Error.WriteLineAsync(
                $"slack-operator: cannot load the kubeconfig ({ex.Message}); pass --kubeconfig PATH to a valid file");
            return 2;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Anything else that stops the start (a setting that does not convert, an address that cannot be
            // bound) is still reported as one line a person can act on.
            await Console.Error.WriteLineAsync($"slack-operator: cannot start: {ex.Message}");
            return 1;
        }
    }
}
