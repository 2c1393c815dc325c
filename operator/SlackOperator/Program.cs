using System.CommandLine;
using SlackOperator.Cli;

var root = new RootCommand("SlackOperator: runs Slack bots declared as SlackBot resources")
{
    RunCommand.Create(),
    CrdCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
