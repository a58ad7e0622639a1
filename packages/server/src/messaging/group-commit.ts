// Group commit: concurrent requests hand their rows to one shared transaction every few
// milliseconds instead of one round trip each. Every caller's promise settles only after
// the transaction that holds its rows has committed, so a 2xx still means durable.
export interface GroupCommitOptions {
  /** Longest a row waits for companions before its batch is written. */
  maxWaitMs: number;
  /** A batch this big is written at once. */
  maxRows: number;
  /** Transactions in flight at the same time (each holds one pool connection). */
  concurrency: number;
}

interface Job<T> {
  rows: T[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class GroupCommit<T> {
  private readonly write: (rows: T[]) => Promise<void>;
  private readonly opts: GroupCommitOptions;
  private pending: Job<T>[] = [];
  private pendingRows = 0;
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private readonly idle: (() => void)[] = [];

  constructor(write: (rows: T[]) => Promise<void>, opts: GroupCommitOptions) {
    this.write = write;
    this.opts = opts;
  }

  add(rows: T[]): Promise<void> {
    if (rows.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.pending.push({ rows, resolve, reject });
      this.pendingRows += rows.length;
      if (this.pendingRows >= this.opts.maxRows) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.opts.maxWaitMs);
    });
  }

  /** Resolves once everything handed in so far is written. */
  async drain(): Promise<void> {
    this.flush();
    while (this.inFlight > 0 || this.pending.length > 0) {
      await new Promise<void>((r) => this.idle.push(r));
      this.flush();
    }
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.pending.length > 0 && this.inFlight < this.opts.concurrency) {
      const jobs = this.takeBatch();
      this.inFlight++;
      this.write(jobs.flatMap((j) => j.rows))
        .then(
          () => jobs.forEach((j) => j.resolve()),
          (err: unknown) => jobs.forEach((j) => j.reject(err)),
        )
        .finally(() => {
          this.inFlight--;
          this.idle.splice(0).forEach((r) => r());
          if (this.pending.length > 0) this.flush();
        });
    }
    // Everything left waits for a free slot; the finally above picks it up.
  }

  private takeBatch(): Job<T>[] {
    const jobs: Job<T>[] = [];
    let rows = 0;
    while (this.pending.length > 0 && (jobs.length === 0 || rows + this.pending[0]!.rows.length <= this.opts.maxRows)) {
      const job = this.pending.shift()!;
      rows += job.rows.length;
      jobs.push(job);
    }
    this.pendingRows -= rows;
    return jobs;
  }
}
