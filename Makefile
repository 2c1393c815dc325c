# SlackOperator: `make demo` runs the whole flow on the embedded emulators; `make test` runs every test suite.
SHELL := /bin/bash
CONFIG ?= Release
ARTIFACTS := .artifacts
DOTNET := DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet

.PHONY: all build demo demo-binaries test run crds clients check-tools clean

all: build

build:
	$(DOTNET) build SlackOperator.sln -c $(CONFIG) --nologo -v quiet

# Publishes the operator and the emulator host side by side so the demo runs them as plain programs.
demo-binaries:
	$(DOTNET) publish operator/SlackOperator -c $(CONFIG) -o $(ARTIFACTS)/demo --nologo -v quiet
	$(DOTNET) publish tests/SlackOperator.Emulators.Host -c $(CONFIG) -o $(ARTIFACTS)/demo --nologo -v quiet

demo: check-tools demo-binaries
	timeout --foreground -k 10 170 tests/demo/demo.sh

test: check-tools clients
	tests/run-tests.sh

# Runs the operator against the cluster of the current kubeconfig context and Slack itself.
run:
	$(DOTNET) run --project operator/SlackOperator -c $(CONFIG) -- run

crds:
	$(DOTNET) run --project operator/SlackOperator -c $(CONFIG) -- crd --output crds

clients:
	cd tests/clients && npm ci --no-audit --no-fund --loglevel=error

check-tools:
	@command -v dotnet >/dev/null || { echo "dotnet (the .NET 10 SDK) is needed"; exit 1; }
	@command -v kubectl >/dev/null || { echo "kubectl is needed on PATH for the real-client tests and the demo"; exit 1; }
	@command -v node >/dev/null || { echo "node (Node.js 20) is needed for the Slack client tests"; exit 1; }

clean:
	rm -rf $(ARTIFACTS) TestResults
	$(DOTNET) clean SlackOperator.sln -v quiet
