// Smart encoding: typographic look-alikes that word processors and phones insert (curly
// quotes, long dashes, the ellipsis, special spaces) are outside GSM 03.38, so one of them
// turns a whole message into UCS-2 — 70 instead of 160 characters per SMS. Each is replaced
// by the GSM-7 character a reader cannot tell apart from it.
//
// Only unambiguous replacements are listed. Left out on purpose: accented letters (é is GSM,
// á is not; dropping the accent changes the word), superscripts and fractions (m² → m2 changes
// the meaning), ×, ÷, tab and other characters whose plain form is a matter of taste.

/** Look-alike → GSM-7 replacement. Every replacement is GSM-7 text (possibly empty). */
export const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  // Single quotes, apostrophes, primes and accents used as apostrophes → '
  '\u2018': "'", // ‘ left single quotation mark
  '\u2019': "'", // ’ right single quotation mark (the typographic apostrophe)
  '\u201a': "'", // ‚ single low-9 quotation mark (German/Polish opening quote)
  '\u201b': "'", // ‛ single high-reversed-9 quotation mark
  '\u2039': "'", // ‹ single left-pointing angle quotation mark
  '\u203a': "'", // › single right-pointing angle quotation mark
  '\u2032': "'", // ′ prime (feet, minutes)
  '\u2035': "'", // ‵ reversed prime
  '\u02bc': "'", // ʼ modifier letter apostrophe
  '\u02bb': "'", // ʻ modifier letter turned comma
  '\u00b4': "'", // ´ acute accent
  '\u0060': "'", // ` grave accent (ASCII, but not in GSM 03.38)
  '\uff07': "'", // ＇ fullwidth apostrophe
  // Double quotes and guillemets → "
  '\u201c': '"', // “ left double quotation mark
  '\u201d': '"', // ” right double quotation mark
  '\u201e': '"', // „ double low-9 quotation mark
  '\u201f': '"', // ‟ double high-reversed-9 quotation mark
  '\u00ab': '"', // « left-pointing double angle quotation mark
  '\u00bb': '"', // » right-pointing double angle quotation mark
  '\u2033': '"', // ″ double prime (inches, seconds)
  '\u02ba': '"', // ʺ modifier letter double prime
  '\uff02': '"', // ＂ fullwidth quotation mark
  // Hyphens, dashes and the minus sign → -
  '\u2010': '-', // ‐ hyphen
  '\u2011': '-', // ‑ non-breaking hyphen
  '\u2012': '-', // ‒ figure dash
  '\u2013': '-', // – en dash
  '\u2014': '-', // — em dash
  '\u2015': '-', // ― horizontal bar
  '\u2043': '-', // ⁃ hyphen bullet
  '\u2212': '-', // − minus sign
  '\ufe63': '-', // ﹣ small hyphen-minus
  '\uff0d': '-', // － fullwidth hyphen-minus
  // A bullet becomes "-", the usual list marker in plain text; "*" would read as emphasis
  // or a footnote mark.
  '\u2022': '-', // • bullet
  '\u2026': '...', // … horizontal ellipsis
  // Spaces of other widths → space; line and paragraph separators → line feed
  '\u00a0': ' ', // no-break space
  '\u2000': ' ', // en quad
  '\u2001': ' ', // em quad
  '\u2002': ' ', // en space
  '\u2003': ' ', // em space
  '\u2004': ' ', // three-per-em space
  '\u2005': ' ', // four-per-em space
  '\u2006': ' ', // six-per-em space
  '\u2007': ' ', // figure space
  '\u2008': ' ', // punctuation space
  '\u2009': ' ', // thin space
  '\u200a': ' ', // hair space
  '\u202f': ' ', // narrow no-break space
  '\u205f': ' ', // medium mathematical space
  '\u3000': ' ', // ideographic space
  '\u2028': '\n', // line separator
  '\u2029': '\n', // paragraph separator
  // Invisible characters → nothing (pasted text is full of them)
  '\u00ad': '', // soft hyphen
  '\u200b': '', // zero width space
  '\u2060': '', // word joiner
  '\ufeff': '', // zero width no-break space (byte order mark)
  // Spacing forms of the extension table's characters (these cost 2 septets, still far less than UCS-2)
  '\u02c6': '^', // ˆ modifier letter circumflex accent
  '\u02dc': '~', // ˜ small tilde
};

const LOOKALIKE = new RegExp(`[${Object.keys(TRANSLITERATIONS).join('')}]`, 'gu');

/** The text with every listed look-alike replaced; other characters, GSM or not, are kept. */
export function transliterate(text: string): string {
  return text.replace(LOOKALIKE, (ch) => TRANSLITERATIONS[ch] ?? ch);
}
