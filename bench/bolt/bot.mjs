// One Bolt for JavaScript bot in Socket Mode, as a team would deploy it: one process, one app.
// The Slack benchmark starts one of these per bot with SLACK_BOT_TOKEN, SLACK_APP_TOKEN and SLACK_API_URL
// (the emulator's /api/ base); it answers every message holding the trigger word with a reply in its thread.
import bolt from '@slack/bolt';

const { App, LogLevel } = bolt;
const trigger = process.env.BENCH_TRIGGER ?? 'bench-ping';

const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  appToken: process.env.SLACK_APP_TOKEN,
  socketMode: true,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});

app.message(trigger, async ({ message, say }) => {
  await say({ text: `pong ${message.ts}`, thread_ts: message.ts });
});

app.error(async (error) => {
  console.error(`bolt error: ${error.message}`);
});

const stop = async () => {
  try {
    await app.stop();
  } finally {
    process.exit(0);
  }
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

await app.start();
console.log('bolt bot ready');
