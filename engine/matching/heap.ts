// Indexed binary min-heap over small integer ids with float keys, on typed arrays: Dijkstra in the
// assignment solver needs decrease-key without allocating per push.

/** Min-heap of ids 0..size-1 keyed by a caller-owned Float64Array, with decrease-key. */
export class IndexedMinHeap {
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  private length = 0;
  /** `keys` is shared: the caller writes keys[id] before push/decrease. */
  constructor(
    size: number,
    private readonly keys: Float64Array,
  ) {
    this.heap = new Int32Array(size);
    this.pos = new Int32Array(size).fill(-1);
  }

  /** Number of ids in the heap. */
  get size(): number {
    return this.length;
  }

  /** Removes every id (O(current size), not O(capacity)). */
  clear(): void {
    for (let k = 0; k < this.length; k++) this.pos[this.heap[k]] = -1;
    this.length = 0;
  }

  /** Inserts id, or restores heap order after its key decreased. */
  pushOrDecrease(id: number): void {
    let k = this.pos[id];
    if (k < 0) {
      k = this.length++;
      this.heap[k] = id;
      this.pos[id] = k;
    }
    this.up(k);
  }

  /** Removes and returns the id with the smallest key (heap must be non-empty). */
  pop(): number {
    const top = this.heap[0];
    this.pos[top] = -1;
    const last = this.heap[--this.length];
    if (this.length > 0) {
      this.heap[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }

  private up(k: number): void {
    const { heap, pos, keys } = this;
    const id = heap[k];
    const key = keys[id];
    while (k > 0) {
      const parent = (k - 1) >> 1;
      const pid = heap[parent];
      if (keys[pid] <= key) break;
      heap[k] = pid;
      pos[pid] = k;
      k = parent;
    }
    heap[k] = id;
    pos[id] = k;
  }

  private down(k: number): void {
    const { heap, pos, keys } = this;
    const n = this.length;
    const id = heap[k];
    const key = keys[id];
    for (;;) {
      let child = 2 * k + 1;
      if (child >= n) break;
      if (child + 1 < n && keys[heap[child + 1]] < keys[heap[child]]) child++;
      if (keys[heap[child]] >= key) break;
      heap[k] = heap[child];
      pos[heap[k]] = k;
      k = child;
    }
    heap[k] = id;
    pos[id] = k;
  }
}
