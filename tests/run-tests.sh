#!/usr/bin/env bash
# Runs every test project and ends with one summary line over all of them: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."

RESULTS="TestResults"
rm -rf "$RESULTS"
if ! dotnet build SlackOperator.sln -c Release --nologo -v quiet; then
    echo
    echo "0 passed, 1 failed"
    exit 1
fi

# One project at a time, each into its own results folder, so no two runs write the same report file.
status=0
for project in tests/*/*.Tests.csproj tests/*/*.IntegrationTests.csproj; do
    name="$(basename "$project" .csproj)"
    dotnet test "$project" -c Release --no-build --nologo -v quiet \
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
        --results-directory "$RESULTS/$name" || status=$?
done

counter() { # name counters-element
    local value
    value="$(echo "$2" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9][0-9]*')"
    echo "${value:-0}"
}

passed=0 failed=0 skipped=0 reports=0
for trx in "$RESULTS"/*/*.trx; do
    [ -f "$trx" ] || continue
    reports=$((reports + 1))
    counters="$(grep -o '<Counters [^>]*>' "$trx")"
    passed=$((passed + $(counter passed "$counters")))
    failed=$((failed + $(counter failed "$counters") + $(counter error "$counters") + $(counter timeout "$counters")))
    failed=$((failed + $(counter aborted "$counters")))
    skipped=$((skipped + $(counter notExecuted "$counters")))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1 # a runner failed without reporting a failed test (crash, no report): never report green
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo
echo "$summary"
exit "$status"
