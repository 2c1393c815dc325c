#!/usr/bin/env bash
# The demo behind `make demo`: both emulators on loopback, the real kubectl, the operator unchanged.
# Ends by itself (every wait is bounded) and removes every process and file it started, also on Ctrl-C.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BIN="${DEMO_BIN:-$ROOT/.artifacts/demo}"
WORK="$(mktemp -d)"
PIDS=()

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

cleanup() {
    local status=$?
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    if [ "$status" -ne 0 ] && [ -f "$WORK/operator.log" ]; then
        echo "--- operator log (last 40 lines) ---"; tail -n 40 "$WORK/operator.log"
    fi
    rm -rf "$WORK"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_for_line() { # file pattern seconds
    for _ in $(seq 1 $(($3 * 10))); do
        grep -m1 -o "$2" "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "timed out waiting for '$2' in $1" >&2; cat "$1" >&2; return 1
}

say "Starting the Kubernetes API and Slack emulators on loopback"
"$BIN/emulator" all --kubeconfig "$WORK/kubeconfig" >"$WORK/emulators.log" 2>&1 &
PIDS+=($!)
wait_for_line "$WORK/emulators.log" "kubeconfig written" 30 >/dev/null
SLACK_URL="$(wait_for_line "$WORK/emulators.log" 'slack emulator listening on http://127.0.0.1:[0-9]*/' 30 \
    | grep -o 'http://.*')"
export KUBECONFIG="$WORK/kubeconfig"
echo "Kubernetes API: $(grep -o 'kubernetes emulator listening on .*' "$WORK/emulators.log" | cut -d' ' -f5)"
echo "Slack API:      ${SLACK_URL}api/"

say "kubectl apply -f crds/"
kubectl apply -f "$ROOT/crds/"
kubectl wait --for=condition=Established crd/slackbots.slackoperator.io --timeout=30s

say "Creating the token Secrets the usual way"
cd "$WORK"
printf 'xoxb-emulator-kittenbot\n' >slack-token
printf 'xapp-1-emulator-kittenbot\n' >slack-app-token
echo "+ kubectl create secret generic slack-token --from-file=slack-token"
kubectl create secret generic slack-token --from-file=slack-token
echo "+ kubectl create secret generic slack-app-token --from-file=slack-app-token"
kubectl create secret generic slack-app-token --from-file=slack-app-token
rm -f slack-token slack-app-token
cd "$ROOT"

say "kubectl apply -f samples/kittenbot.yaml"
kubectl apply -f samples/kittenbot.yaml

say "Starting the operator: slack-operator run --kubeconfig ... --slack-api-url ${SLACK_URL}api/"
"$BIN/slack-operator" run --kubeconfig "$KUBECONFIG" --slack-api-url "${SLACK_URL}api/" \
    --metrics-bind-address 127.0.0.1 --metrics-port 0 >"$WORK/operator.log" 2>&1 &
PIDS+=($!)
kubectl wait --for=condition=Ready slackbot/kittenbot --timeout=60s

say "kubectl get slackbots"
kubectl get slackbots

say "alice says \"hello\" in #general"
TS="$(curl -fsS -X POST -H 'Content-Type: application/json' \
    -d '{"channel":"general","user":"U0ALICE","text":"hello"}' "${SLACK_URL}_emulator/messages" \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).ts))')"
echo "posted at ts $TS"

for _ in $(seq 1 100); do
    REPLY="$(curl -fsS "${SLACK_URL}_emulator/messages?channel=general" | node -e '
        let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
            const all = JSON.parse(s); const list = Array.isArray(all) ? all : all.messages;
            const reply = list.find(m => m.bot_id && parseFloat(m.ts) > parseFloat(process.argv[1]));
            if (reply) console.log(`${reply.user} (bot ${reply.bot_id}) replied: ${reply.text}`);
        });' "$TS")"
    [ -n "$REPLY" ] && break
    sleep 0.1
done
if [ -z "$REPLY" ]; then echo "no reply within 10 s" >&2; exit 1; fi
say "#general, as posted through the Slack Web API"
echo "U0ALICE: hello"
echo "$REPLY"

say "Done: stopping the operator and the emulators"
