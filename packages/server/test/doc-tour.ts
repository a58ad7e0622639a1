// Reads a tour written as docs/quickstart.md is (its opening HTML comment states the rules):
// the fenced blocks in order, the shell commands of a ```sh block as words, and the expected
// answers and receiver output, with the matching rules the tour promises its readers.

export interface Block {
  lang: string;
  text: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

export function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
    blocks.push({ lang: open[1]!, text: lines.slice(i + 1, end).join('\n'), line: i + 1 });
    i = end;
  }
  return blocks;
}

/**
 * The commands of a shell block as words, the way sh splits them: quotes, `\` line
 * continuations, `#` comments, `&&` and new lines between commands, and `$NAME` expanded from
 * `vars` (not inside single quotes). A generator, so that a command sees the variables the ones
 * before it set. Anything more (pipes, `$(…)`) is refused: the tour stays runnable without a shell.
 */
export function* shellCommands(text: string, vars: Map<string, string>): Generator<string[]> {
  let words: string[] = [];
  let word: string | null = null;
  const append = (s: string) => (word = (word ?? '') + s);
  const endWord = () => {
    if (word !== null) words.push(word);
    word = null;
  };
  const expand = (from: number): number => {
    const m = /^\$(?:\{(\w+)\}|(\w+))/.exec(text.slice(from));
    if (!m) throw new Error(`unsupported shell at: ${text.slice(from, from + 20)}`);
    const name = m[1] ?? m[2]!;
    if (!vars.has(name)) throw new Error(`$${name} is used before it is set`);
    append(vars.get(name)!);
    return from + m[0].length;
  };
  let i = 0;
  while (i <= text.length) {
    const c = text[i];
    if (c === undefined || c === '\n' || (c === '&' && text[i + 1] === '&' && word === null)) {
      endWord();
      if (words.length > 0) yield words;
      words = [];
      i += c === '&' ? 2 : 1;
    } else if (c === '\\' && text[i + 1] === '\n') {
      i += 2;
    } else if (c === ' ' || c === '\t') {
      endWord();
      i++;
    } else if (c === '#' && word === null) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated ' in ${text}`);
      append(text.slice(i + 1, end));
      i = end + 1;
    } else if (c === '"') {
      append('');
      for (i++; text[i] !== '"'; ) {
        if (i >= text.length) throw new Error(`unterminated " in ${text}`);
        if (text[i] === '$') i = expand(i);
        else if (text[i] === '\\' && '"\\$'.includes(text[i + 1]!)) {
          append(text[i + 1]!);
          i += 2;
        } else append(text[i++]!);
      }
      i++;
    } else if (c === '$') {
      i = expand(i);
    } else if ('|;<>`()'.includes(c)) {
      throw new Error(`unsupported shell: '${c}' in ${text}`);
    } else {
      append(c);
      i++;
    }
  }
}

/** `NAME=value` words at the start of a command: the variables it sets (or passes on). */
export function assignments(words: string[]): { set: Record<string, string>; rest: string[] } {
  const set: Record<string, string> = {};
  let i = 0;
  for (; i < words.length; i++) {
    const m = /^([A-Za-z_]\w*)=(.*)$/s.exec(words[i]!);
    if (!m) break;
    set[m[1]!] = m[2]!;
  }
  return { set, rest: words.slice(i) };
}

export interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** The options the tour's curl commands may use: -s, -X, -H, -d, -o (the body is discarded). */
export function curlRequest(args: string[]): CurlRequest {
  const headers: Record<string, string> = {};
  let method: string | undefined;
  let body: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-s') continue;
    if (a === '-X') method = args[++i];
    else if (a === '-H') {
      const [name, ...value] = args[++i]!.split(':');
      headers[name!.trim()] = value.join(':').trim();
    } else if (a === '-d') body = args[++i];
    else if (a === '-o') i++;
    else if (/^https?:\/\//.test(a)) url = a;
    else throw new Error(`curl option the tour test does not know: ${a}`);
  }
  if (!url) throw new Error(`curl without a URL: ${args.join(' ')}`);
  return { method: method ?? (body === undefined ? 'GET' : 'POST'), url, headers, ...(body !== undefined && { body }) };
}

/** A ```jsonc block: `// <status> <text>` on its first line, then JSON with // comment lines. */
export function expectedAnswer(block: Block): { status: number; json: unknown } {
  const [first, ...rest] = block.text.split('\n');
  const status = /^\/\/ (\d{3}) /.exec(first ?? '');
  if (!status) throw new Error(`docs line ${block.line}: an expected answer starts with "// <status> <text>"`);
  const json = rest.filter((l) => !/^\s*\/\//.test(l)).join('\n');
  return { status: Number(status[1]), json: JSON.parse(json) };
}

/**
 * Where `actual` differs from what the tour shows (undefined: it does not). Every field shown
 * must be there with that value; a … in a string stands for any text without spaces; an array
 * element shown matches any element of the answer's array.
 */
export function mismatch(expected: unknown, actual: unknown, at = ''): string | undefined {
  if (typeof expected === 'string' && expected.includes('…')) {
    return typeof actual === 'string' && elided(expected).test(actual)
      ? undefined
      : `${at || '/'}: ${JSON.stringify(actual)} is not "${expected}"`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: expected an array, got ${JSON.stringify(actual)}`;
    const missing = expected.find((e) => !actual.some((a) => mismatch(e, a) === undefined));
    return missing === undefined
      ? undefined
      : `${at}: no element matches ${JSON.stringify(missing)} in ${JSON.stringify(actual)}`;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object')
      return `${at}: expected an object, got ${JSON.stringify(actual)}`;
    for (const [key, value] of Object.entries(expected)) {
      const found = mismatch(value, (actual as Record<string, unknown>)[key], `${at}/${key}`);
      if (found) return found;
    }
    return undefined;
  }
  return expected === actual ? undefined : `${at}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

/** The first string in `value` (depth first, in JSON order) that `shown` (with its …) matches. */
export function findString(value: unknown, shown: string): string | undefined {
  if (typeof value === 'string') return elided(shown).test(value) ? value : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const v of Object.values(value)) {
    const found = findString(v, shown);
    if (found) return found;
  }
  return undefined;
}

/** What the tour shows as a pattern for the whole text: … stands for any text without spaces. */
export function elided(shown: string): RegExp {
  const escaped = shown
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/…/g, '\\S*');
  return new RegExp(`^${escaped}$`);
}
