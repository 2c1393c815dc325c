using System.Runtime.InteropServices;
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

// SIGTERM (what scripts and kill send) gets the same orderly stop as Ctrl-C instead of an abrupt exit.
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

var running = await EmulatorRunner.StartAsync(arguments, stop.Token);
await running.WaitForShutdownAsync(stop.Token);

// Open watches and sockets must not hold the process: give the servers a few seconds, then leave.
await Task.WhenAny(running.DisposeAsync().AsTask(), Task.Delay(TimeSpan.FromSeconds(3)));
return 0;
