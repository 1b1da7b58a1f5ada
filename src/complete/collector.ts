/**
 * The one ranking: collects matching candidates and returns the best `max` of them, ordered by
 * prefix matches first, then tier (in scope before others), then the match (word boundary before subsequence), then recent use,
 * then the typed text's case (a prefix in the same case first), then shorter before longer, then alphabetically. Linear in the number of candidates offered; bodies
 * are built only for the candidates returned (no per-candidate closures: parallel arrays).
 */
import type { Completion, CompletionKind } from './completion.js';
import { fuzzyMatch } from './fuzzy-match.js';

/**
 * Tiers, best first: 0 = joins to foreign-key partners not yet in the query; 1 = names in scope (columns of the
 * tables in scope, the user's relations on the search path, CTEs, the keywords that fit the clause); 2 = the user's
 * other objects (functions, aliases, relations of other schemas, user types); 3 = built-in functions and other
 * keywords, catalog-wide column guesses; 4 = unused; 5 = system objects (pg_catalog, information_schema).
 */
export type Tier = 0 | 1 | 2 | 3 | 4 | 5;

/** Key packing: prefix or not (the most significant), tier < TIERS, the match rank, a recent flag, a case flag, and the order among equals < ORDERS (the name's length by default). */
const TIERS = 8;
const ORDERS = 1024;

export interface CandidateBody {
  readonly text: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly display?: string;
}

/** Builds a body from an argument: lets hot loops offer thousands of names without allocating per name. */
export type BodyBuilder<A> = (arg: A) => CandidateBody;

export class Collector {
  private readonly keys: number[] = [];
  private readonly weights: number[] = [];
  private readonly lowers: string[] = [];
  private readonly builders: (BodyBuilder<unknown> | CandidateBody)[] = [];
  private readonly args: unknown[] = [];
  private readonly seen = new Set<string>();
  private readonly caseMatters: boolean;

  constructor(
    private readonly pattern: string,
    private readonly recent: ReadonlyMap<string, number> | undefined,
    private readonly prefixOnly: boolean,
    /** The text as typed (the pattern is its lower case): a name starting with it in its case ranks first among equals. */
    private readonly typed: string = pattern,
    /** Recent names are keyed as the engine resolves them, exactly (PostgreSQL: `users` and `"Users"` are two names). */
    private readonly recentExact = false,
  ) {
    this.caseMatters = typed !== '' && typed !== typed.toUpperCase();
  }

  /**
   * Offer a candidate named `name` (what the pattern is matched against). `dedupe`, when given, identifies
   * it (first offer wins). `body` is a ready body, or a builder called with `arg` only if the candidate is returned.
   * `length` is the length it sorts by among equals (default: the name's; a qualified name's is its written length).
   */
  add<A>(name: string, tier: Tier, dedupe: string | undefined, body: CandidateBody | BodyBuilder<A>, lower?: string, arg?: A, length = name.length): void {
    const ln = lower ?? name.toLowerCase();
    const rank = fuzzyMatch(this.pattern, name, ln);
    if (rank < 0 || (this.prefixOnly && rank > 0)) return;
    if (dedupe !== undefined) {
      if (this.seen.has(dedupe)) return;
      this.seen.add(dedupe);
    }
    const weight = this.recent ? (this.recent.get(name) ?? (this.recentExact ? 0 : this.recent.get(ln)) ?? 0) : 0;
    // among equals, a name that starts with the typed text in its case too (`us`: users before "Users"); text typed
    // in capitals says nothing of case (`NOW`: the function now before the keyword NOWAIT, as for `now`)
    const otherCase = rank === 0 && this.caseMatters && !name.startsWith(this.typed) ? 1 : 0;
    // a prefix first; past it the tier before the kind of match: a name in scope matched loosely (`et`: entrytext)
    // before a built-in matched by its words' initials (json_each_text)
    const loose = rank === 0 ? 0 : 1;
    // without context (smart completion off) no kind of name is more likely than another: tiers do not apply
    if (this.prefixOnly) tier = 0;
    this.keys.push((((((loose * TIERS + tier) * 3 + rank) * 2 + (weight > 0 ? 0 : 1)) * 2) + otherCase) * ORDERS + Math.min(length, ORDERS - 1));
    this.weights.push(weight);
    this.lowers.push(ln);
    this.builders.push(body as BodyBuilder<unknown> | CandidateBody);
    this.args.push(arg);
  }

  get size(): number {
    return this.keys.length;
  }

  /** The best `max` candidates as Completions replacing [start, end). */
  results(max: number, start: number, end: number): readonly Completion[] {
    const { keys, weights, lowers } = this;
    let idx: number[] = [];
    if (keys.length > max) {
      // the smallest key threshold that keeps at least `max` entries, without sorting everything
      const counts = new Map<number, number>();
      for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
      const sortedKeys = [...counts.keys()].sort((a, b) => a - b);
      let total = 0;
      let threshold = sortedKeys[sortedKeys.length - 1]!;
      for (const k of sortedKeys) {
        total += counts.get(k)!;
        if (total >= max) {
          threshold = k;
          break;
        }
      }
      // below the threshold: all; at it: the first ones in arrival order (sources offer names sorted)
      let room = max - (total - counts.get(threshold)!);
      for (let i = 0; i < keys.length; i++) if (keys[i]! < threshold || (keys[i] === threshold && room-- > 0)) idx.push(i);
    } else {
      idx = keys.map((_, i) => i);
    }
    idx.sort((a, b) => keys[a]! - keys[b]! || weights[b]! - weights[a]! || (lowers[a]! < lowers[b]! ? -1 : lowers[a]! > lowers[b]! ? 1 : a - b));
    const out: Completion[] = [];
    const replace = Object.freeze({ start, end });
    const n = Math.max(0, max);
    // a word that is both a keyword and a built-in function (FORMAT, CURRENT_DATE, MATCH) is offered once, where it ranks best
    const words = new Set<string>();
    for (let k = 0; k < idx.length && out.length < n; k++) {
      const i = idx[k]!;
      const body = this.builders[i]!;
      const b = typeof body === 'function' ? body(this.args[i]) : body;
      if ((b.kind === 'keyword' || b.kind === 'function') && /^[A-Za-z_]+$/.test(b.text)) {
        const w = b.text.toLowerCase();
        if (words.has(w)) continue;
        words.add(w);
      }
      const c: { -readonly [K in keyof Completion]: Completion[K] } = { text: b.text, replace, kind: b.kind };
      if (b.detail !== undefined) c.detail = b.detail;
      if (b.display !== undefined) c.display = b.display;
      out.push(Object.freeze(c));
    }
    return Object.freeze(out);
  }
}
