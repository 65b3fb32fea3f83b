/**
 * Ctrl-C / SIGTERM during apply: never exit half-way through a finding. The first
 * signal asks the run to stop at the next safe point (and asks a running verify
 * command to stop, which rolls the finding back); a second signal kills the verify
 * command's process group, for commands that ignore the first. The run exits 130.
 */

export class InterruptWatch {
  private readonly first = new AbortController();
  private readonly second = new AbortController();
  private readonly onSignal = (signal: NodeJS.Signals) => {
    if (this.received === undefined) {
      this.received = signal;
      this.first.abort();
    } else {
      this.second.abort();
    }
  };
  received: NodeJS.Signals | undefined;

  constructor() {
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  get interrupted(): boolean {
    return this.received !== undefined;
  }

  /** Aborted by the first signal. */
  get signal(): AbortSignal {
    return this.first.signal;
  }

  /** Aborted by the second signal. */
  get forceSignal(): AbortSignal {
    return this.second.signal;
  }

  /** Act as if `signal` had been received (a Ctrl-C read as a key at a prompt). */
  raise(signal: NodeJS.Signals): void {
    this.onSignal(signal);
  }

  dispose(): void {
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }
}
