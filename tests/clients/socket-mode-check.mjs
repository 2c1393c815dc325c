// Proves the official Socket Mode and Web API clients work against the emulator: connect, receive a message
// event, ack it, reply, follow a refresh_requested disconnect and receive a second event on the new socket.
import { LogLevel, SocketModeClient } from '@slack/socket-mode';
import { WebClient } from '@slack/web-api';
import { control, deadline, finish, once, settings } from './lib.mjs';

const s = settings();
const timer = deadline(40_000);
const socket = new SocketModeClient({
  appToken: s.appToken,
  logLevel: LogLevel.ERROR,
  // A short ping timeout also shortens the client's reconnect delay, which is this value times the attempt.
  clientPingTimeout: 2_000,
  clientOptions: { slackApiUrl: s.apiUrl },
});
const web = new WebClient(s.botToken, { slackApiUrl: s.apiUrl });
const received = [];
let connects = 0;

socket.on('connected', () => { connects += 1; });
socket.on('message', async ({ ack, event, body, retry_num: retryNum }) => {
  await ack();
  if (event.bot_id) return;
  received.push({ text: event.text, channel: event.channel, user: event.user, ts: event.ts,
    eventId: body.event_id, retryNum, teamId: body.team_id, apiAppId: body.api_app_id });
  socket.emit('user_message', event);
});

async function userSays(text) {
  const waiting = once(socket, 'user_message', 10_000, (event) => event.text === text);
  await control(s.emulatorUrl, 'messages', { channel: s.channel, user: s.user, text });
  return waiting;
}

try {
  const started = Date.now();
  await socket.start();
  const first = await userSays('hello from alice');
  const reply = await web.chat.postMessage({ channel: first.channel, text: `echo: ${first.text}` });

  const reconnected = once(socket, 'connected', 15_000);
  await control(s.emulatorUrl, 'faults/disconnect', { reason: 'refresh_requested' });
  await reconnected;
  const second = await userSays('second hello');
  await socket.disconnect();
  clearTimeout(timer);
  finish({
    ok: true,
    connects,
    events: received,
    reply: { ok: reply.ok, channel: reply.channel, ts: reply.ts, text: reply.message?.text,
      botId: reply.message?.bot_id },
    secondText: second.text,
    elapsedMs: Date.now() - started,
  });
} catch (error) {
  finish({ ok: false, error: String(error), code: error.code, data: error.data, connects, events: received });
}
