using System.Security.Cryptography;

namespace SlackOperator.Kubernetes.LeaderElection;

/// <summary>Where the defaults of <see cref="LeaderElectionOptions"/> come from inside and outside a pod.</summary>
internal static class LeaseDefaults
{
    private const string ServiceAccountNamespaceFile = "/var/run/secrets/kubernetes.io/serviceaccount/namespace";

    /// <summary><c>POD_NAMESPACE</c> (the downward API), then the service account's namespace, else default.</summary>
    public static string Namespace()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("POD_NAMESPACE");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment.Trim();
        }

        try
        {
            var fromFile = File.Exists(ServiceAccountNamespaceFile)
                ? File.ReadAllText(ServiceAccountNamespaceFile)
                : string.Empty;
            return string.IsNullOrWhiteSpace(fromFile) ? "default" : fromFile.Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "default";
        }
    }

    /// <summary>The host name (the pod's name in a cluster) and a suffix, so two processes never share one.</summary>
    public static string Identity() =>
        $"{Environment.MachineName.ToLowerInvariant()}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
}
