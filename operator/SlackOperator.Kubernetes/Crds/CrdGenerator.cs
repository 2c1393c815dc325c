using System.ComponentModel;
using System.Reflection;
using k8s;
using k8s.Models;
using SlackOperator.Kubernetes.Api;

namespace SlackOperator.Kubernetes.Crds;

/// <summary>Generates a CustomResourceDefinition from an entity class and its attributes.</summary>
public static class CrdGenerator
{
    /// <summary>The CRD of <paramref name="entityType"/>.</summary>
    public static V1CustomResourceDefinition Generate(Type entityType)
    {
        var resource = ResourceType.For(entityType);
        var shortNames = entityType.GetCustomAttribute<ShortNamesAttribute>()?.Names.ToList();
        var hasStatus = entityType.GetInterfaces()
            .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStatus<>));
        return new V1CustomResourceDefinition
        {
            ApiVersion = "apiextensions.k8s.io/v1",
            Kind = "CustomResourceDefinition",
            Metadata = new V1ObjectMeta { Name = $"{resource.Plural}.{resource.Group}" },
            Spec = new V1CustomResourceDefinitionSpec
            {
                Group = resource.Group,
                Scope = resource.Namespaced ? "Namespaced" : "Cluster",
                Names = new V1CustomResourceDefinitionNames
                {
                    Kind = resource.Kind,
                    ListKind = resource.Kind + "List",
                    Plural = resource.Plural,
                    Singular = resource.Kind.ToLowerInvariant(),
                    ShortNames = shortNames is { Count: > 0 } ? shortNames : null,
                },
                Versions =
                [
                    new V1CustomResourceDefinitionVersion
                    {
                        Name = resource.Version,
                        Served = true,
                        Storage = true,
                        Schema = new V1CustomResourceValidation { OpenAPIV3Schema = RootSchema(entityType) },
                        Subresources = hasStatus
                            ? new V1CustomResourceSubresources { Status = new object() }
                            : null,
                        AdditionalPrinterColumns = PrinterColumns(entityType),
                    },
                ],
            },
        };
    }

    /// <summary>The CRD of <paramref name="entityType"/> as YAML, the form kept in <c>crds/</c>.</summary>
    public static string GenerateYaml(Type entityType) => KubernetesYaml.Serialize(Generate(entityType));

    private static V1JSONSchemaProps RootSchema(Type entityType)
    {
        var content = entityType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name is "Spec" or "Status");
        var schema = SchemaBuilder.ForProperties(entityType, content);
        schema.Properties["apiVersion"] = new V1JSONSchemaProps
        {
            Type = "string",
            Description = "The versioned schema of this object; clients should send the version they know.",
        };
        schema.Properties["kind"] = new V1JSONSchemaProps
        {
            Type = "string",
            Description = "The REST resource this object represents.",
        };
        schema.Properties["metadata"] = new V1JSONSchemaProps { Type = "object" };
        schema.Description = entityType.GetCustomAttribute<DescriptionAttribute>()?.Description;
        return schema;
    }

    private static List<V1CustomResourceColumnDefinition>? PrinterColumns(Type entityType)
    {
        var columns = entityType.GetCustomAttributes<PrinterColumnAttribute>()
            .Select(c => new V1CustomResourceColumnDefinition
            {
                Name = c.Name,
                Type = c.Type,
                JsonPath = c.JsonPath,
                Description = c.Description,
                Priority = c.Priority == 0 ? null : c.Priority,
            })
            .ToList();
        return columns.Count > 0 ? columns : null;
    }
}
