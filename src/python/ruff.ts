/**
 * In-process ruff (`@astral-sh/ruff-wasm-nodejs`), loaded lazily on first use and
 * kept warm: one Workspace per distinct settings. Positions are UTF-16 (JS offsets).
 */
import { createRequire } from 'node:module';
import type { Diagnostic, Workspace } from '@astral-sh/ruff-wasm-nodejs';

type RuffModule = typeof import('@astral-sh/ruff-wasm-nodejs');

const require = createRequire(import.meta.url);
let ruff: RuffModule | undefined;
const workspaces = new Map<string, Workspace>();

/** The ruff module; compiled on first call (~0.1 s), then cached for the process. */
export function getRuff(): RuffModule {
  ruff ??= require('@astral-sh/ruff-wasm-nodejs') as RuffModule;
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
  const ws = ruffWorkspace({ ...base, lint: { ...lint, select: [...select] } });
  return ws.check(text) as RuffDiagnostic[];
}

/** Format `text` with ruff's formatter; throws when ruff cannot parse it. */
export function ruffFormat(text: string, base: Record<string, unknown> = {}): string {
  return ruffWorkspace({ ...base }).format(text);
}
