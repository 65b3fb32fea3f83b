/** One-line progress on stderr, only on a TTY: a file counter for long runs, or a status line. */
export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private shown = false;

  constructor(private readonly label: string) {}

  update(done: number, total: number): void {
    if (!process.stderr.isTTY) return;
    const now = Date.now();
    if (now - this.started < 500 || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.shown = true;
    process.stderr.write(`\r${this.label}: ${done}/${total} files`);
  }

  done(): void {
    if (this.shown) process.stderr.write('\r\u001b[K');
  }
}

/** A status line redrawn in place (`replaying B-SEC-01 (2/5)`), only on a TTY. */
export class StatusLine {
  private shown = false;

  constructor(private readonly enabled = process.stderr.isTTY === true) {}

  show(text: string): void {
    if (!this.enabled) return;
    this.shown = true;
    process.stderr.write(`\r${text}\u001b[K`);
  }

  clear(): void {
    if (this.shown) process.stderr.write('\r\u001b[K');
    this.shown = false;
  }
}
