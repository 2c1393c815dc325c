# syntax=docker/dockerfile:1
# SlackOperator's image: framework-dependent on the official ASP.NET Core runtime image (README, "Install on a
# cluster", says why). Build with `make image`.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY operator/ operator/
COPY deploy/publish.sh deploy/
RUN deploy/publish.sh /app /tmp/build

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# No diagnostics IPC socket, so nothing needs to write to the file system: the root file system can be read-only.
ENV DOTNET_EnableDiagnostics=0 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
# The non-root user the .NET images provide (UID 1654); the Deployment also asks for runAsNonRoot.
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["/app/slack-operator", "run"]
