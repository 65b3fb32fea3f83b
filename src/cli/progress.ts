/** A one-line progress counter on stderr, only on a TTY and only for long runs. */
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
