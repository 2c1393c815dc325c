using SlackOperator.Emulators.Host;

// emulator kube  [--port N] [--kubeconfig PATH] [--namespace NS]
// emulator slack [--port N]
// emulator all   [--kube-port N] [--slack-port N] [--kubeconfig PATH] [--namespace NS]
var arguments = HostArguments.Parse(args);
if (arguments is null)
{
    await Console.Error.WriteLineAsync(HostArguments.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();

await using var running = await EmulatorRunner.StartAsync(arguments, stop.Token);
await running.WaitForShutdownAsync(stop.Token);
return 0;
