using System.CommandLine;
using SlackOperator.Cli;

var root = new RootCommand("SlackOperator: runs Slack bots declared as SlackBot resources")
{
    RunCommand.Create(),
    CrdCommand.Create(),
    ValidateCommand.Create(),
    SimulateCommand.Create(),
};

// No response files: "simulate --say @bot hi" must pass "@bot hi" as it is, not read a file called "bot hi".
var parsing = new ParserConfiguration { ResponseFileTokenReplacer = null };
return await root.Parse(args, parsing).InvokeAsync();
