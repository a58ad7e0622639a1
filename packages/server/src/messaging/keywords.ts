// Opt-out keywords (industry practice, see PROTOCOLS.md): the whole message, trimmed,
// case-insensitive. Replies confirm, so the person knows it worked.
export type KeywordAction = 'stop' | 'start' | 'help';

const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const START = new Set(['START', 'YES', 'UNSTOP']);
const HELP = new Set(['HELP', 'INFO']);

export function keywordOf(text: string): KeywordAction | undefined {
  const word = text.trim().toUpperCase();
  if (STOP.has(word)) return 'stop';
  if (START.has(word)) return 'start';
  if (HELP.has(word)) return 'help';
  return undefined;
}

export const DEFAULT_REPLIES: Record<KeywordAction, string> = {
  stop: 'You have been unsubscribed and will receive no more messages from this number. Reply START to subscribe again.',
  start: 'You have been subscribed again. Reply STOP to unsubscribe.',
  help: 'Reply STOP to unsubscribe, START to subscribe again.',
};
