/**
 * Word-overlap similarity for linking restatements to findings: content words, light
 * stemming, and inverse document frequency so rare words (`redis`, `mypy`) count most.
 */

const STOPWORDS = new Set(
  `a an the and or of to in on for with by from at as is are be been was were it its this that
  these those into per via not no all any each every than then so such can could should would may
  might must will do does did has have had use used using add adds new more most also only just
  other some same own out up over under between before after across within without vs e g ie etc`.split(
    /\s+/,
  ),
);

/** Content words of a text: lower case, stemmed, stopwords and one-letter words dropped. */
export function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/`/g, ' ')
    .split(/[^a-z0-9+]+/)
    .map((w) => w.replace(/^\++|\++$/g, ''))
    .filter((w) => w.length > 1 && !STOPWORDS.has(w))
    .map(stem);
}

function stem(word: string): string {
  if (word.length <= 4) return word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ing') && word.length > 6) return undouble(word.slice(0, -3));
  if (word.endsWith('ed') && word.length > 5) return undouble(word.slice(0, -2));
  if (word.endsWith('es') && /(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** `committ` -> `commit`, `mapp` -> `map`. */
function undouble(word: string): string {
  return /([bdgmnprt])\1$/.test(word) ? word.slice(0, -1) : word;
}

/** Inverse document frequencies over a corpus of texts (each a bag of words). */
export class WordWeights {
  private readonly df = new Map<string, number>();
  private readonly total: number;

  constructor(corpus: readonly (readonly string[])[]) {
    this.total = corpus.length;
    for (const words of corpus)
      for (const w of new Set(words)) this.df.set(w, (this.df.get(w) ?? 0) + 1);
  }

  weight(word: string): number {
    return Math.log(1 + (this.total + 1) / ((this.df.get(word) ?? 0) + 1));
  }

  /** The weighted share of `query`'s words that occur in `text` (0..1). */
  coverage(query: readonly string[], text: ReadonlySet<string>): number {
    return this.prepare(query).coverage(text);
  }

  /** `query` with its distinct words weighed once, to score against many texts. */
  prepare(query: readonly string[]): WeightedQuery {
    const words = [...new Set(query)];
    return new WeightedQuery(
      words,
      words.map((w) => this.weight(w)),
    );
  }
}

/** A query's distinct words and their weights (WordWeights.prepare). */
export class WeightedQuery {
  constructor(
    private readonly words: readonly string[],
    private readonly weights: readonly number[],
  ) {}

  /** The weighted share of the query's words that occur in `text` (0..1). */
  coverage(text: ReadonlySet<string>): number {
    let hit = 0;
    let all = 0;
    for (let i = 0; i < this.words.length; i++) {
      const weight = this.weights[i] ?? 0;
      all += weight;
      if (text.has(this.words[i] ?? '')) hit += weight;
    }
    return all === 0 ? 0 : hit / all;
  }
}

export interface BestMatch<T> {
  readonly best: T;
  readonly score: number;
  /** Score of the runner-up (0 when there is none). */
  readonly second: number;
}

/** The candidate scoring highest, with the runner-up's score. */
export function bestMatch<T>(
  candidates: readonly T[],
  score: (c: T) => number,
): BestMatch<T> | undefined {
  let best: T | undefined;
  let top = -1;
  let second = 0;
  for (const c of candidates) {
    const s = score(c);
    if (s > top) {
      second = Math.max(second, top);
      top = s;
      best = c;
    } else if (s > second) second = s;
  }
  return best === undefined ? undefined : { best, score: top, second: Math.max(0, second) };
}
