// The asynchronous window of one bind (SMPP 3.4 section 2.8 leaves its size to the SMSC):
// at most `size` requests awaiting their response; further callers wait in FIFO order.
export interface Window {
  /** Takes a free slot now, if there is one and nobody is waiting. */
  tryAcquire(): boolean;
  /** Resolves when a slot is free; rejects with `reason` if the waiters are failed first. */
  acquire(): Promise<void>;
  release(): void;
  /** Rejects everyone still waiting for a slot (link lost, closing); held slots are untouched. */
  failWaiting(reason: Error): void;
  /** Resolves once no slot is held (at once if none is). */
  drained(): Promise<void>;
  readonly inFlight: number;
  readonly waiting: number;
}

export function createWindow(size: number): Window {
  let inFlight = 0;
  const queue: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const idle: (() => void)[] = [];

  const tryAcquire = () => {
    if (inFlight >= size || queue.length > 0) return false;
    inFlight++;
    return true;
  };

  return {
    tryAcquire,
    acquire() {
      if (tryAcquire()) return Promise.resolve();
      // The slot is handed over by release(), so a late caller cannot overtake a waiter.
      return new Promise<void>((resolve, reject) => queue.push({ resolve, reject }));
    },
    release() {
      const next = queue.shift();
      if (next) return next.resolve();
      inFlight--;
      if (inFlight === 0) for (const r of idle.splice(0)) r();
    },
    failWaiting(reason) {
      for (const w of queue.splice(0)) w.reject(reason);
    },
    drained() {
      if (inFlight === 0) return Promise.resolve();
      return new Promise<void>((r) => idle.push(r));
    },
    get inFlight() {
      return inFlight;
    },
    get waiting() {
      return queue.length;
    },
  };
}
