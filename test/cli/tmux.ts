/**
 * A real terminal for the interactive tests: tmux on a private socket (so no user
 * session is touched), one detached session per command, keys sent with send-keys and
 * the screen read with capture-pane. `kill()` ends this socket's server only.
 */
import { spawnSync } from 'node:child_process';

export const TMUX_INSTALL = 'apt-get update && apt-get install -y tmux';

export function tmuxPresent(): boolean {
  return spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;
}

export class Tmux {
  private readonly socket = `remedy-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private sessions = 0;

  private run(...args: string[]): string {
    const r = spawnSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  }

  /**
   * Start `command` (a shell line) in `cwd` in a new 200x60 terminal; when it ends, the
   * pane shows `EXIT=<code>` and stays open for reading.
   */
  start(command: string, cwd: string): TmuxSession {
    const name = `s${++this.sessions}`;
    const line = `${command}; echo "EXIT=$?"; sleep 600`;
    this.run('new-session', '-d', '-s', name, '-x', '200', '-y', '60', '-c', cwd, line);
    return new TmuxSession((...args) => this.run(...args), name);
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}

export class TmuxSession {
  constructor(
    private readonly run: (...args: string[]) => string,
    readonly name: string,
  ) {}

  /** The whole pane with its history, wrapped lines joined; `escapes` keeps colours. */
  screen(escapes = false): string {
    return this.run(
      'capture-pane',
      '-p',
      '-J',
      '-S',
      '-',
      ...(escapes ? ['-e'] : []),
      '-t',
      this.name,
    );
  }

  /** Send keys as tmux names them (`y`, `C-c`), or literally with `literal`. */
  keys(keys: string, literal = false): void {
    this.run('send-keys', '-t', this.name, ...(literal ? ['-l'] : []), keys);
  }

  /** Wait until the screen shows `text` `count` times; the screen then. */
  async waitFor(text: string, count = 1, ms = 60_000): Promise<string> {
    const deadline = Date.now() + ms;
    for (;;) {
      const screen = this.screen();
      if (screen.split(text).length - 1 >= count) return screen;
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${JSON.stringify(text)} x${count}:\n${screen}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
