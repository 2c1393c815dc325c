// Opens a direct message with @slack/web-api's conversations.open and answers in it, as a bot would.
import webApi from '@slack/web-api';
import { deadline, finish, settings } from './lib.mjs';

const { WebClient } = webApi;

const s = settings();
const timer = deadline(30_000);

try {
  const bot = new WebClient(s.botToken, { slackApiUrl: s.apiUrl });
  const opened = await bot.conversations.open({ users: s.user });
  const reopened = await bot.conversations.open({ users: s.user, return_im: true });
  const posted = await bot.chat.postMessage({ channel: opened.channel.id, text: 'a direct hello' });
  const info = await bot.conversations.info({ channel: opened.channel.id });
  let botError;
  try {
    await bot.conversations.open({ users: process.env.OTHER_BOT_USER });
  } catch (error) {
    botError = error.data?.error;
  }
  clearTimeout(timer);
  finish({
    ok: true,
    openedId: opened.channel.id,
    openedAlready: opened.already_open ?? false,
    reopened: { id: reopened.channel.id, alreadyOpen: reopened.already_open, isIm: reopened.channel.is_im,
      user: reopened.channel.user },
    postedChannel: posted.channel,
    info: { isIm: info.channel.is_im, user: info.channel.user },
    botError,
  });
} catch (error) {
  finish({ ok: false, error: String(error), code: error.code, data: error.data });
}
