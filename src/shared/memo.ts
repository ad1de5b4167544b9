/**
 * A bounded memo of a pure function of immutable inputs, by a string key that
 * names every input: the answers it gives are the function's, whichever build
 * filled it, so it may live as long as the process (a `dev` session, a batch of
 * talks, a test worker) without one build seeing another's data. It holds at
 * most `max` weight (entries, or what `weigh` counts, e.g. the key's length)
 * and starts afresh when the next entry would pass that.
 *
 * @example
 * const formats = new Memo<Intl.NumberFormat>(64);
 * formats.get('de compact', () => new Intl.NumberFormat('de', { notation: 'compact' }));
 */
export class Memo<V> {
  readonly #values = new Map<string, V>();
  #weight = 0;

  constructor(
    readonly max: number,
    readonly weigh: (key: string) => number = () => 1,
  ) {}

  /** The value for `key`: remembered, or made by `make` (and remembered unless it alone weighs more than `max`). */
  get(key: string, make: () => V): V {
    if (this.#values.has(key)) return this.#values.get(key) as V;
    const value = make();
    const weight = this.weigh(key);
    if (weight > this.max) return value;
    if (this.#weight + weight > this.max) {
      this.#values.clear();
      this.#weight = 0;
    }
    this.#values.set(key, value);
    this.#weight += weight;
    return value;
  }

  /** How many values it holds. */
  get size(): number {
    return this.#values.size;
  }
}
