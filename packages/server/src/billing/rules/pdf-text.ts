// The PDF standard fonts (Helvetica) only encode WinAnsi (Windows-1252) characters and
// pdf-lib throws on anything else, so customer-supplied text is made encodable first:
// letters with accents WinAnsi lacks lose them ("Łódź" → "Lódz"), and what has no Latin equivalent
// (Greek, Cyrillic, CJK, emoji) becomes "?". Embedding a Unicode font would keep the names
// intact but needs a font file in the repository; this keeps the renderer dependency-free.

// Letters and dashes that Unicode does not decompose to an encodable character.
const FALLBACKS: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŧ: 't',
  Ŧ: 'T',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
};

export function toEncodableText(text: string, isEncodable: (codePoint: number) => boolean): string {
  const encodable = (chars: string) => [...chars].every((char) => isEncodable(char.codePointAt(0) ?? 0));
  let result = '';
  // Line breaks and tabs become spaces: the layout decides where lines break.
  for (const char of text.replace(/[\t\n\v\f\r]+/g, ' ')) {
    if (encodable(char)) {
      result += char;
      continue;
    }
    // NFKD splits "ő" into "o" + combining accent and "ﬁ" into "fi"; the marks are dropped.
    const decomposed = char.normalize('NFKD').replace(/\p{M}/gu, '');
    result += decomposed !== '' && encodable(decomposed) ? decomposed : (FALLBACKS[char] ?? '?');
  }
  return result;
}
