/**
 * In-process ruff (`@astral-sh/ruff-wasm-nodejs`), loaded lazily on first use and
 * kept warm: one Workspace per distinct settings. Positions are UTF-16 (JS offsets).
 * A WebAssembly trap (a stack overflow on deeply nested code, "memory access out of
 * bounds") leaves the instance corrupted: it is then dropped and recreated, and the
 * call fails with RuffTrapError for that text only.
 */
import { createRequire } from 'node:module';
import type { Diagnostic, Workspace } from '@astral-sh/ruff-wasm-nodejs';
import { TransformError } from '../core/errors.js';

type RuffModule = typeof import('@astral-sh/ruff-wasm-nodejs');

const require = createRequire(import.meta.url);
const RUFF_PACKAGE = '@astral-sh/ruff-wasm-nodejs';
let ruff: RuffModule | undefined;
const workspaces = new Map<string, Workspace>();

/** ruff's WebAssembly trapped on one text; the instance has been recreated. */
export class RuffTrapError extends TransformError {}

function isTrap(error: unknown): boolean {
  // RangeError: stack overflow; RuntimeError (WebAssembly): unreachable, out of bounds.
  return error instanceof RangeError || (error instanceof Error && error.name === 'RuntimeError');
}

/** Forget the (corrupted) instance: the next call loads and instantiates ruff afresh. */
function dropInstance(): void {
  ruff = undefined;
  workspaces.clear();
  delete require.cache[require.resolve(RUFF_PACKAGE)];
}

/** Run `call` on ruff; a trap drops the instance and becomes RuffTrapError. */
function guarded<T>(what: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    if (!isTrap(error)) throw error;
    dropInstance();
    const why = `${(error as Error).name}: ${(error as Error).message}`;
    throw new RuffTrapError(`ruff could not ${what} this file (${why})`, {
      hint: 'the file is probably nested too deeply for ruff; fix it by hand',
    });
  }
}

/** The ruff module; compiled on first call (~0.1 s), then cached for the process. */
export function getRuff(): RuffModule {
  ruff ??= require(RUFF_PACKAGE) as RuffModule;
  return ruff;
}

/** A Workspace for these options (cached by their JSON). */
export function ruffWorkspace(options: Record<string, unknown>): Workspace {
  const key = JSON.stringify(options);
  let ws = workspaces.get(key);
  if (!ws) {
    const mod = getRuff();
    ws = new mod.Workspace(options, mod.PositionEncoding.Utf16);
    workspaces.set(key, ws);
  }
  return ws;
}

export type RuffDiagnostic = Diagnostic;

/** Lint `text` with exactly the rules in `select`. */
export function ruffCheck(
  text: string,
  select: readonly string[],
  base: Record<string, unknown> = {},
): RuffDiagnostic[] {
  const lint = (base.lint as Record<string, unknown> | undefined) ?? {};
  return guarded('check', () => {
    const ws = ruffWorkspace({ ...base, lint: { ...lint, select: [...select] } });
    return ws.check(text) as RuffDiagnostic[];
  });
}

/** Format `text` with ruff's formatter; throws when ruff cannot parse it. */
export function ruffFormat(text: string, base: Record<string, unknown> = {}): string {
  return guarded('format', () => ruffWorkspace({ ...base }).format(text));
}
