#!/usr/bin/env bash
# Runs every test project and ends with one summary line over all of them: "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")/.."

RESULTS="TestResults"
rm -rf "$RESULTS"
dotnet build SlackOperator.sln -c Release --nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }

status=0
dotnet test SlackOperator.sln -c Release --no-build --nologo -v quiet \
    --logger "trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS" || status=$?

passed=0 failed=0 skipped=0
for trx in "$RESULTS"/*.trx; do
    [ -f "$trx" ] || continue
    counters="$(grep -o '<Counters [^>]*>' "$trx")"
    get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
    passed=$((passed + $(get passed)))
    failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
    skipped=$((skipped + $(get notExecuted)))
done

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1 # the runner failed without a result file: count it, never report green
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo
echo "$summary"
exit "$status"
