// Shared helpers for the client checks: settings from the environment, the emulator's control API, timeouts.

export function settings() {
  const required = ['SLACK_API_URL', 'EMULATOR_URL'];
  for (const name of required) {
    if (!process.env[name]) throw new Error(`${name} is not set`);
  }
  return {
    apiUrl: process.env.SLACK_API_URL,
    emulatorUrl: process.env.EMULATOR_URL,
    botToken: process.env.SLACK_BOT_TOKEN ?? '',
    appToken: process.env.SLACK_APP_TOKEN ?? '',
    channel: process.env.SLACK_CHANNEL ?? 'C0GENERAL',
    user: process.env.SLACK_USER ?? 'U0ALICE',
  };
}

// Calls the emulator's control API (never Slack itself).
export async function control(emulatorUrl, path, body) {
  const response = await fetch(new URL(`_emulator/${path}`, emulatorUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${path} answered ${response.status}`);
  return response.json();
}

// Resolves with the first value emitter produces for eventName that passes the filter, or rejects on timeout.
export function once(emitter, eventName, ms, filter = () => true) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      emitter.off(eventName, listener);
      reject(new Error(`timed out after ${ms} ms waiting for ${eventName}`));
    }, ms);
    const listener = (value) => {
      if (!filter(value)) return;
      clearTimeout(timer);
      emitter.off(eventName, listener);
      resolve(value);
    };
    emitter.on(eventName, listener);
  });
}

// Prints the single JSON result line the tests parse, then exits.
export function finish(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(result.ok ? 0 : 1);
}

// Bounds a whole check so a hang prints a result instead of blocking the test.
export function deadline(ms) {
  return setTimeout(() => finish({ ok: false, error: `check did not finish within ${ms} ms` }), ms);
}
