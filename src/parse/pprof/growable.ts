/**
 * Growable typed arrays for the decoder. Ids are kept as Uint32 (what Go writes), or as Uint16
 * when asked (the location ids of a program's stacks: 2 bytes a frame instead of 4, on profiles
 * of tens of millions of frames), and widen the first time an id does not fit: to Uint32, then
 * to Float64.
 *
 * Storage may be shared memory (a SharedArrayBuffer): a worker thread then reads the stacks of a
 * large profile without a copy of them (the flame graph is built on one while the tables are
 * made on the main thread).
 */
export class GrowableIds {
  data: Uint16Array | Uint32Array | Float64Array;
  length = 0;

  constructor(
    capacity = 1024,
    short = false,
    private readonly shared = false,
  ) {
    this.data = short ? typed(Uint16Array, capacity, shared) : typed(Uint32Array, capacity, shared);
  }

  /** True while every id so far fits in 16 bits (and the storage is Uint16). */
  get short(): boolean {
    return this.data instanceof Uint16Array;
  }

  /** True while every id so far fits in 32 bits (and the storage is Uint32). */
  get narrow(): boolean {
    return this.data instanceof Uint32Array;
  }

  /** Storage of the next width, with the values so far (pages not written cost no memory). */
  private widen(): void {
    const next = this.short
      ? typed(Uint32Array, this.data.length, this.shared)
      : typed(Float64Array, this.data.length, this.shared);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  /** Makes room for `n` more values. */
  reserve(n: number): void {
    const need = this.length + n;
    if (need <= this.data.length) return;
    let cap = this.data.length * 2;
    while (cap < need) cap *= 2;
    const next = this.short
      ? typed(Uint16Array, cap, this.shared)
      : this.narrow
        ? typed(Uint32Array, cap, this.shared)
        : typed(Float64Array, cap, this.shared);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  push(v: number): void {
    this.reserve(1);
    if (v > 0xffff && this.short) this.widen();
    if (v > 0xffffffff && this.narrow) this.widen();
    this.data[this.length++] = v;
  }

  /** The pushed values (a view of the storage). */
  view(): Uint16Array | Uint32Array | Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** A Float64Array that grows as values are pushed. */
export class GrowableFloats {
  data: Float64Array;
  length = 0;

  constructor(
    capacity = 1024,
    private readonly shared = false,
  ) {
    this.data = typed(Float64Array, capacity, shared);
  }

  /** Makes the storage hold at least `n` values, in one step. */
  reserve(n: number): void {
    if (n <= this.data.length) return;
    const next = typed(Float64Array, n, this.shared);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }

  push(v: number): void {
    if (this.length === this.data.length) {
      const next = typed(Float64Array, this.data.length * 2, this.shared);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }

  view(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

type TypedCtor<A> = {
  new (length: number): A;
  new (buffer: ArrayBufferLike): A;
  readonly BYTES_PER_ELEMENT: number;
};

/** A zeroed typed array of `n` elements, in shared memory when asked (pages unwritten cost none). */
export function typed<A>(ctor: TypedCtor<A>, n: number, shared: boolean): A {
  return shared ? new ctor(new SharedArrayBuffer(n * ctor.BYTES_PER_ELEMENT)) : new ctor(n);
}
