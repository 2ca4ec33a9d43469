// The bits of a double, read through a shared view.
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

function hash(value: number): number {
  bits[0] = value;
  let h = words[0]! ^ Math.imul(words[1]!, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  return h ^ (h >>> 16);
}

/**
 * Gives each distinct number a dense id, in order of first appearance. Open
 * addressing on the number's bits: at 100,000 customers several times faster
 * than a Map keyed by doubles, or than sorting and a binary search per value.
 */
export class DistinctNumbers {
  /** The number behind each id; only the first `count` are used. */
  values = new Float64Array(16);
  count = 0;
  private slots = new Int32Array(32).fill(-1);

  /** The id of `value`, a new one if it was not seen before. */
  id(value: number): number {
    // −0 and 0 are one number.
    const key = value + 0;
    const mask = this.slots.length - 1;
    let slot = hash(key) & mask;
    for (let id = this.slots[slot]!; id >= 0; id = this.slots[slot]!) {
      if (this.values[id] === key) return id;
      slot = (slot + 1) & mask;
    }
    const id = this.count;
    if (id === this.values.length) {
      const longer = new Float64Array(2 * id);
      longer.set(this.values);
      this.values = longer;
    }
    this.values[id] = key;
    this.slots[slot] = id;
    this.count += 1;
    if (2 * this.count > mask) this.rehash();
    return id;
  }

  /** The distinct numbers, by id. */
  distinct(): Float64Array {
    return this.values.slice(0, this.count);
  }

  private rehash(): void {
    const slots = new Int32Array(2 * this.slots.length).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.count; id += 1) {
      let slot = hash(this.values[id]!) & mask;
      while (slots[slot]! >= 0) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}

/** Indices 0 … count − 1 in groups of equal value: group g has value `values[g]` and holds order[start[g]] … order[start[g + 1] − 1]. */
export type ValueGroups = { values: Float64Array; start: Int32Array; order: Int32Array };

/** Groups indices by equal value, groups in order of first appearance and indices ascending within each (a counting sort). */
export function groupByValue(count: number, valueOf: (index: number) => number): ValueGroups {
  const ids = new DistinctNumbers();
  const group = new Int32Array(count);
  for (let index = 0; index < count; index += 1) group[index] = ids.id(valueOf(index));
  const start = new Int32Array(ids.count + 1);
  for (const each of group) start[each + 1]! += 1;
  for (let each = 1; each <= ids.count; each += 1) start[each]! += start[each - 1]!;
  const next = start.slice(0, ids.count);
  const order = new Int32Array(count);
  for (let index = 0; index < count; index += 1) order[next[group[index]!]!++] = index;
  return { values: ids.distinct(), start, order };
}
