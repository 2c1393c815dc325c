// Proves @slack/web-api sees Slack's error shapes from the emulator and honours 429 with Retry-After.
import webApi from '@slack/web-api';
import { control, deadline, finish, settings } from './lib.mjs';

// The package is CommonJS; retryPolicies is reachable only through the default export.
const { WebClient, retryPolicies } = webApi;

const s = settings();
const timer = deadline(30_000);

async function failure(call) {
  try {
    await call();
    return { thrown: false };
  } catch (error) {
    return { thrown: true, code: error.code, error: error.data?.error, needed: error.data?.needed };
  }
}

try {
  const wrongToken = new WebClient('xoxb-not-a-real-token', { slackApiUrl: s.apiUrl });
  const invalidAuth = await failure(() => wrongToken.auth.test());
  const noToken = new WebClient(undefined, { slackApiUrl: s.apiUrl });
  const notAuthed = await failure(() => noToken.auth.test());
  const bot = new WebClient(s.botToken, {
    slackApiUrl: s.apiUrl,
    rejectRateLimitedCalls: false,
    // Retry at once after the Retry-After wait, so the measured delay is the emulator's header alone.
    retryConfig: retryPolicies.rapidRetryPolicy,
  });
  const noChannel = await failure(() => bot.chat.postMessage({ channel: 'C0MISSING', text: 'hi' }));

  const retryAfterSeconds = 1;
  let rateLimitedEvents = 0;
  bot.on('rate_limited', () => { rateLimitedEvents += 1; });
  await control(s.emulatorUrl, 'faults/rate-limit',
    { method: 'auth.test', count: 1, retry_after: retryAfterSeconds });
  const started = Date.now();
  const identity = await bot.auth.test();
  const waitedMs = Date.now() - started;
  clearTimeout(timer);
  finish({
    ok: true,
    invalidAuth,
    notAuthed,
    channelNotFound: noChannel,
    rateLimit: { retryAfterSeconds, rateLimitedEvents, waitedMs, succeeded: identity.ok,
      userId: identity.user_id, scopes: identity.response_metadata?.scopes },
  });
} catch (error) {
  finish({ ok: false, error: String(error), code: error.code, data: error.data });
}
