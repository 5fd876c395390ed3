/** A Uint32Array that grows as values are pushed; switches to Float64 storage for larger values. */
export class GrowableIds {
  data: Uint32Array | Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Uint32Array(capacity);
  }

  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    if (v > 0xffffffff && this.data instanceof Uint32Array)
      this.data = Float64Array.from(this.data);
    this.data[this.length++] = v;
  }

  private grow(): void {
    const next = new (this.data.constructor as typeof Uint32Array | typeof Float64Array)(
      this.data.length * 2,
    );
    next.set(this.data);
    this.data = next;
  }

  /** The pushed values, trimmed to length (a view when possible). */
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
