namespace SlackOperator.Emulators.Kubernetes.Internal.Resources;

/// <summary>A CRD additionalPrinterColumn.</summary>
internal sealed record PrinterColumn(
    string Name, string Type, string Format, string Description, int Priority, string JsonPath);
