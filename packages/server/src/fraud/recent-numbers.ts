// The numbers of one range seen in the last minute, for the sequential-walk rule. Kept sorted
// as they arrive (and in arrival order, to expire them), so each message costs a binary search
// and a walk over its own neighbourhood instead of a sort of the whole minute.

/** Numbers this close (or closer) to the next one form a walk (rules.ts, `sequential`). */
export const WALK_GAP = 10;
const CAPACITY = 1000;

export class RecentNumbers {
  private readonly arrivals: { at: number; number: number }[] = [];
  private head = 0;
  private readonly sorted: number[] = [];

  /**
   * Adds `number` seen at `now` and returns the distinct numbers of the walk it belongs to, in
   * ascending order: its neighbours within WALK_GAP of each other in the last minute, itself included.
   */
  add(number: number, now: number, windowMs: number): number[] {
    while (
      this.head < this.arrivals.length &&
      (now - this.arrivals[this.head]!.at >= windowMs || this.arrivals.length - this.head >= CAPACITY)
    ) {
      this.remove(this.arrivals[this.head++]!.number);
    }
    if (this.head > CAPACITY) {
      this.arrivals.splice(0, this.head);
      this.head = 0;
    }
    this.arrivals.push({ at: now, number });
    const at = this.insert(number);
    const below: number[] = [];
    for (let i = at - 1, prev = number; i >= 0 && prev - this.sorted[i]! <= WALK_GAP; prev = this.sorted[i--]!) {
      if (this.sorted[i] !== prev) below.push(this.sorted[i]!);
    }
    const walk = below.reverse();
    walk.push(number);
    for (
      let i = at + 1, prev = number;
      i < this.sorted.length && this.sorted[i]! - prev <= WALK_GAP;
      prev = this.sorted[i++]!
    ) {
      if (this.sorted[i] !== prev) walk.push(this.sorted[i]!);
    }
    return walk;
  }

  /** Whether nothing from the last minute is left. */
  idle(now: number, windowMs: number): boolean {
    const last = this.arrivals[this.arrivals.length - 1];
    return !last || now - last.at >= windowMs;
  }

  private insert(n: number): number {
    const i = this.lowerBound(n);
    this.sorted.splice(i, 0, n);
    return i;
  }

  private remove(n: number): void {
    const i = this.lowerBound(n);
    if (this.sorted[i] === n) this.sorted.splice(i, 1);
  }

  private lowerBound(n: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < n) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
