/*
 * The Node side of the bigram search: the query's normalization and words (the same characters the
 * SQL functions of migration 1764404250000 index), and the highlighted snippet around the first match
 * (`ts_headline` cannot highlight bigram tokens).
 */

/** The characters the search indexes (kept equal to the migration's class): CJK, kana, ASCII letters and digits. */
export const KNOWLEDGE_TOKEN_CLASS = '\\u3007\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{2fa1f}a-z0-9';
const WORD = new RegExp(`[${KNOWLEDGE_TOKEN_CLASS}]+`, 'gu');
const RUN = new RegExp(`[\\u3007\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{2fa1f}]+|[a-z0-9]+`, 'gu');
const ASCII = /^[a-z0-9]/;

/** The longest query taken (characters, as sent). */
export const MAX_QUERY_LENGTH = 64;
/** At most this many words of a query count (the rest are ignored). */
export const MAX_QUERY_WORDS = 8;
/** Code points of a snippet. */
export const SNIPPET_LENGTH = 80;
/** Code points kept before the first match. */
const SNIPPET_LEAD = 20;

/** A text as the search sees it: NFKC, lower-case, spaces collapsed (what the query log keeps). */
export function normalizeQuery(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim().slice(0, MAX_QUERY_LENGTH);
}

/** The query's words: runs of indexed characters (punctuation and spaces separate words), at most MAX_QUERY_WORDS, each once. */
export function queryWords(normalized: string): string[] {
  return [...new Set(normalized.match(WORD) ?? [])].slice(0, MAX_QUERY_WORDS);
}

/** A highlighted stretch of a text, in Unicode code points. */
export interface Highlight {
  readonly start: number;
  readonly length: number;
}

/** A snippet of a text with its highlights (offsets in the snippet, in code points). */
export interface Snippet {
  readonly text: string;
  readonly highlights: Highlight[];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A regular expression matching a query word as the index does (over normalized text): its runs in
 * order, with anything not indexed allowed between them; ASCII runs as whole words.
 */
function wordPattern(word: string): string | null {
  const runs = word.match(RUN);
  if (!runs) return null;
  return runs
    .map((r, i) => {
      let p = escape(r);
      if (ASCII.test(r)) {
        if (i === 0) p = `(?<![a-z0-9])${p}`;
        if (i === runs.length - 1) p = `${p}(?![a-z0-9])`;
      }
      return p;
    })
    .join(`[^${KNOWLEDGE_TOKEN_CLASS}]*`);
}

/** The matcher of a search: every variant of every word (synonyms included). */
export function matcher(variants: readonly string[]): RegExp | null {
  const patterns = [...new Set(variants)].map(wordPattern).filter((p): p is string => p !== null);
  // Longer alternatives first, so 地质灾害 wins over 地质.
  patterns.sort((a, b) => b.length - a.length);
  return patterns.length ? new RegExp(patterns.join('|'), 'gu') : null;
}

/** The text's code points normalized one by one, with the code point each normalized UTF-16 unit came from. */
function normalizedWithMap(points: readonly string[]): { text: string; from: number[] } {
  let text = '';
  const from: number[] = [];
  points.forEach((p, i) => {
    const n = p.normalize('NFKC').toLowerCase();
    text += n;
    for (let k = 0; k < n.length; k++) from.push(i);
  });
  return { text, from };
}

/** Every match in `text` as code point ranges of the original text. */
function matchesIn(text: string, re: RegExp | null): { points: string[]; ranges: Highlight[] } {
  const points = Array.from(text);
  if (!re) return { points, ranges: [] };
  const { text: normalized, from } = normalizedWithMap(points);
  const ranges: Highlight[] = [];
  for (const m of normalized.matchAll(re)) {
    if (!m[0].length) continue;
    const start = from[m.index!]!;
    const end = from[m.index! + m[0].length - 1]! + 1;
    ranges.push({ start, length: end - start });
  }
  return { points, ranges };
}

/** The highlights of the title (every match). */
export function titleHighlights(title: string, re: RegExp | null): Highlight[] {
  return matchesIn(title, re).ranges;
}

/**
 * The snippet of a body: SNIPPET_LENGTH code points starting a little before the first match (the
 * body's start when nothing in it matches, e.g. a title-only match), with an ellipsis where cut,
 * and the matches within it highlighted.
 */
export function snippetOf(body: string, re: RegExp | null): Snippet {
  const { points, ranges } = matchesIn(body, re);
  const first = ranges[0]?.start ?? 0;
  const start = Math.max(0, Math.min(first - SNIPPET_LEAD, points.length - SNIPPET_LENGTH));
  const end = Math.min(points.length, start + SNIPPET_LENGTH);
  const lead = start > 0 ? '…' : '';
  const text = `${lead}${points.slice(start, end).join('')}${end < points.length ? '…' : ''}`;
  const highlights = ranges
    .filter((r) => r.start >= start && r.start + r.length <= end)
    .map((r) => ({ start: r.start - start + lead.length, length: r.length }));
  return { text, highlights };
}
