using System.CommandLine;
using SlackOperator.Behaviours;
using SlackOperator.Manifests;
using SlackOperator.Validation;

namespace SlackOperator.Cli;

/// <summary>
/// <c>slack-operator validate FILE|DIR...</c>: checks SlackBot manifests offline, as the API server and the
/// operator would, for GitOps CI. One line per problem (<c>FILE: document N (SlackBot NAME): FIELD: message</c>);
/// exit code 1 when there is any, 0 otherwise.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Manifest files, or directories searched recursively for *.yaml and *.yml",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("validate", "Check SlackBot manifests offline (exit code 1 on any error)")
        {
            paths,
        };
        command.SetAction(parse => Run(parse.GetValue(paths) ?? [], Console.Out));
        return command;
    }

    /// <summary>Validates everything under <paramref name="paths"/>, writing to <paramref name="output"/>.</summary>
    public static int Run(IReadOnlyList<string> paths, TextWriter output)
    {
        var validator = new SpecValidator(new ForwardUrlPolicy(allowLoopback: false));
        int files = 0, bots = 0, errors = 0;
        foreach (var file in ManifestReader.Read(paths))
        {
            files++;
            if (file.Error is not null)
            {
                output.WriteLine($"{file.Path}: {file.Error}");
                errors++;
                continue;
            }

            foreach (var document in file.Documents)
            {
                if (SlackBotManifest.MisspeltKind(document) is { } misspelt)
                {
                    output.WriteLine($"{document.Where}: {misspelt}");
                    errors++;
                    continue;
                }

                if (!SlackBotManifest.IsSlackBot(document))
                {
                    continue;
                }

                bots++;
                foreach (var problem in SlackBotManifest.Load(document, validator).Problems)
                {
                    output.WriteLine($"{document.Where}: {problem}");
                    errors++;
                }
            }
        }

        output.WriteLine(errors == 0
            ? $"{Count(bots, "SlackBot")} in {Count(files, "file")}: valid"
            : $"{Count(bots, "SlackBot")} in {Count(files, "file")}: {Count(errors, "error")}");
        return errors == 0 ? 0 : 1;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
