# SlackOperator: `make demo` runs the whole flow on the embedded emulators; `make test` runs every test suite.
SHELL := /bin/bash
CONFIG ?= Release
ARTIFACTS := .artifacts
DOTNET := DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 dotnet

.PHONY: all build demo demo-binaries test run crds clients bench bench-bolt image deploy check-tools clean

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
	cp crds/*.yaml deploy/base/crds/  # kustomize loads nothing from outside deploy/; a test keeps the copy equal

clients:
	cd tests/clients && npm ci --no-audit --no-fund --loglevel=error

# The controller benchmark: N SlackBots (BENCH_BOTS, default 1000) on the emulators, then the Slack message load on
# 500 SlackOperator bots and on Bolt for JavaScript (bench/bolt); writes bench/results/latest.json.
# Extra options go in BENCH_ARGS, e.g. make bench BENCH_ARGS="--bots 50 --steady-seconds 10" or
# make bench BENCH_ARGS="--only slack --slack-bots 50 --slack-seconds 10 --bolt-bots 5".
bench: demo-binaries bench-bolt
	$(DOTNET) run --project bench/SlackOperator.Bench -c $(CONFIG) -- $(BENCH_ARGS)

bench-bolt:
	cd bench/bolt && npm ci --no-audit --no-fund --loglevel=error

# Builds the operator's image with docker or podman, whichever answers. Without a working container engine it
# says so and fails (exit 2): a target named "image" must not report success when no image was built.
IMAGE ?= slack-operator:dev
image:
	@engine=""; for e in docker podman; do \
	  if command -v $$e >/dev/null 2>&1 && $$e info >/dev/null 2>&1; then engine=$$e; break; fi; done; \
	if [ -z "$$engine" ]; then \
	  echo "make image: no working container engine (docker or podman) here; no image was built." >&2; \
	  echo "deploy/publish.sh, which the image runs, is tested without one (make test)." >&2; \
	  exit 2; fi; \
	$$engine build -t $(IMAGE) .

# Installs the CRDs and the operator (deploy/, the cluster-wide kustomize base) into the current kubectl context.
deploy:
	kubectl apply -f crds/
	kubectl apply -k deploy/

check-tools:
	@command -v dotnet >/dev/null || { echo "dotnet (the .NET 10 SDK) is needed"; exit 1; }
	@command -v kubectl >/dev/null || { echo "kubectl is needed on PATH for the real-client tests and the demo"; exit 1; }
	@command -v node >/dev/null || { echo "node (Node.js 20) is needed for the Slack client tests"; exit 1; }

clean:
	rm -rf $(ARTIFACTS) TestResults
	$(DOTNET) clean SlackOperator.sln -v quiet
