// Opt-out keywords (industry practice, see PROTOCOLS.md): the whole message, trimmed,
// case-insensitive. Replies confirm, so the person knows it worked. Accounts can set their own
// words and replies (PUT /v1/privacy/settings); STOP and START are also recorded in the consent ledger.
export type KeywordAction = 'stop' | 'start' | 'help';

const STOP = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT']);
const START = new Set(['START', 'YES', 'UNSTOP']);
const HELP = new Set(['HELP', 'INFO']);

/** An account's own words per action (settings.keywords) replace the defaults for that action. */
export type KeywordLists = Partial<Record<KeywordAction, string[]>>;

export function keywordOf(text: string, custom: KeywordLists = {}): KeywordAction | undefined {
  const word = text.trim().toUpperCase();
  const lists: Record<KeywordAction, ReadonlySet<string>> = {
    stop: custom.stop ? new Set(custom.stop.map((w) => w.toUpperCase())) : STOP,
    start: custom.start ? new Set(custom.start.map((w) => w.toUpperCase())) : START,
    help: custom.help ? new Set(custom.help.map((w) => w.toUpperCase())) : HELP,
  };
  return (['stop', 'start', 'help'] as const).find((action) => lists[action].has(word));
}

export const DEFAULT_KEYWORDS: Record<KeywordAction, string[]> = {
  stop: [...STOP],
  start: [...START],
  help: [...HELP],
};

export const DEFAULT_REPLIES: Record<KeywordAction, string> = {
  stop: 'You have been unsubscribed and will receive no more messages from this number. Reply START to subscribe again.',
  start: 'You have been subscribed again. Reply STOP to unsubscribe.',
  help: 'Reply STOP to unsubscribe, START to subscribe again.',
};
