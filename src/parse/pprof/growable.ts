/**
 * Growable typed arrays for the decoder. Ids are kept as Uint32 (what Go writes) and switch to
 * Float64 storage the first time an id does not fit.
 */
export class GrowableIds {
  data: Uint32Array | Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity);
  }

  /** True while every id so far fits in 32 bits. */
  get narrow(): boolean {
    return this.data instanceof Uint32Array;
  }

  /** Makes room for `n` more values. */
  reserve(n: number): void {
    const need = this.length + n;
    if (need <= this.data.length) return;
    let cap = this.data.length * 2;
    while (cap < need) cap *= 2;
    const next = this.narrow ? new Uint32Array(cap) : new Float64Array(cap);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  push(v: number): void {
    this.reserve(1);
    if (v > 0xffffffff && this.narrow) this.data = Float64Array.from(this.data);
    this.data[this.length++] = v;
  }

  /** The pushed values (a view of the storage). */
  view(): Uint32Array | Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** A Float64Array that grows as values are pushed. */
export class GrowableFloats {
  data: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Float64Array(capacity);
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}
