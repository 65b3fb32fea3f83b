/**
 * Ctrl-C / SIGTERM during apply: never exit half-way through a finding. The first
 * signal asks the run to stop at the next safe point (and aborts a running verify
 * command, which rolls the finding back); the run then exits with 130.
 */

export class InterruptWatch {
  private readonly controller = new AbortController();
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.received = signal;
    this.controller.abort();
  };
  received: NodeJS.Signals | undefined;

  constructor() {
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
  }

  get interrupted(): boolean {
    return this.received !== undefined;
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  dispose(): void {
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }
}
