/**
 * The k best (score, doc) pairs with a small binary min-heap: O(n log k), no array the size of
 * the knowledge base. Ties go to the smaller key (entry id), so results never depend on
 * insertion order (an incrementally updated index ranks exactly like a fresh one).
 */
export class TopK {
  private readonly scores: Float64Array;
  private readonly docs: Int32Array;
  size = 0;

  constructor(
    private readonly k: number,
    private readonly keyOf: (doc: number) => string,
  ) {
    this.scores = new Float64Array(Math.max(1, k));
    this.docs = new Int32Array(Math.max(1, k));
  }

  /** a ranks below b */
  private below(sa: number, da: number, sb: number, db: number): boolean {
    if (sa !== sb) return sa < sb;
    return this.keyOf(da) > this.keyOf(db);
  }

  /** Whether push(score, doc) would keep it (cheap: lets callers skip work for the rest). */
  wouldTake(score: number, doc: number): boolean {
    if (this.k <= 0) return false;
    return this.size < this.k || this.below(this.scores[0]!, this.docs[0]!, score, doc);
  }

  clear(): void {
    this.size = 0;
  }

  /** The i-th kept document (in heap order, not ranked). */
  docAt(i: number): number {
    return this.docs[i]!;
  }

  /** Holds k items (and k > 0). */
  full(): boolean {
    return this.k > 0 && this.size === this.k;
  }

  /** The lowest score kept (the k-th best once full). */
  lowest(): number {
    return this.size ? this.scores[0]! : 0;
  }

  push(score: number, doc: number): void {
    if (this.k <= 0) return;
    if (this.size < this.k) {
      let i = this.size++;
      this.scores[i] = score;
      this.docs[i] = doc;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.below(this.scores[i]!, this.docs[i]!, this.scores[p]!, this.docs[p]!)) break;
        this.swap(i, p);
        i = p;
      }
      return;
    }
    if (!this.below(this.scores[0]!, this.docs[0]!, score, doc)) return;
    this.scores[0] = score;
    this.docs[0] = doc;
    this.siftDown(0);
  }

  private siftDown(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.below(this.scores[l]!, this.docs[l]!, this.scores[m]!, this.docs[m]!)) m = l;
      if (r < this.size && this.below(this.scores[r]!, this.docs[r]!, this.scores[m]!, this.docs[m]!)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(a: number, b: number): void {
    const s = this.scores[a]!;
    const d = this.docs[a]!;
    this.scores[a] = this.scores[b]!;
    this.docs[a] = this.docs[b]!;
    this.scores[b] = s;
    this.docs[b] = d;
  }

  /** Best first. */
  result(): { doc: number; score: number }[] {
    const out: { doc: number; score: number }[] = [];
    for (let i = 0; i < this.size; i++) out.push({ doc: this.docs[i]!, score: this.scores[i]! });
    return out.sort((a, b) => (b.score !== a.score ? b.score - a.score : this.keyOf(a.doc) < this.keyOf(b.doc) ? -1 : 1));
  }
}
