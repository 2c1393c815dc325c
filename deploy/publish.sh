#!/bin/sh
# The one publish command behind the container image: the Dockerfile runs it, and so does the packaging test
# (tests/SlackOperator.IntegrationTests/Packaging), so what the test proves is what the image ships.
# Framework-dependent on the ASP.NET Core shared framework (see README, "Install on a cluster").
#
# usage: deploy/publish.sh OUTPUT_DIR [BUILD_DIR]
#   OUTPUT_DIR  where the published program goes (the image copies it to /app)
#   BUILD_DIR   where intermediate build output goes, so a publish never touches the bin/ and obj/ of the tree
set -eu

out="${1:?usage: deploy/publish.sh OUTPUT_DIR [BUILD_DIR]}"
build="${2:-$(mktemp -d)}"
cd "$(dirname "$0")/.."

DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet publish operator/SlackOperator/SlackOperator.csproj \
  --configuration Release --artifacts-path "$build" --output "$out" --nologo \
  -p:DebugType=none -p:SatelliteResourceLanguages=en -p:PublishDocumentationFiles=false \
  -p:PublishReferencesDocumentationFiles=false
