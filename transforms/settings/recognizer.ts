/**
 * Does a finding ask to promote literals or environment reads to a settings class?
 * Its Fix declares fields (`async_pool_size: int = 10`) for a `...Settings` class and
 * says to wire them: "Wire these into the `create_async_engine()` and `create_engine()`
 * calls" (keyword arguments), or "Update `broker.py` to read from settings instead of
 * raw `os.getenv`" (environment reads). A class it defines — "Create `settings.py`",
 * "`TaskIQSettings(BaseSettings)` with `SettingsConfigDict(env_prefix="TASKIQ_")`" — is
 * created in that module.
 */
import type { Finding } from '../../src/findings/types.js';
import type { Recognizer } from '../../src/plan/recognizer.js';
import {
  codeSpans,
  fieldDeclarations,
  fixSections,
  sentences,
} from '../../src/python/finding-spec.js';
import type { SettingsOptions } from './options.js';

const WIRE = /\b(?:wire|wiring|pass|use|read)\b/i;
const ENV_READ = /\bos\.(?:getenv|environ)\b|\benvironment reads?\b/i;

function spans(text: string): string[] {
  return codeSpans(text).map((s) => s.code);
}

/** `TaskIQSettings(BaseSettings)` -> class and base; else the first `...Settings` span. */
function classOf(fix: string): { name: string; base?: string } | undefined {
  for (const code of spans(fix)) {
    const m = /^([A-Z]\w*Settings)\(([A-Z]\w*)\)$/.exec(code);
    if (m) return { name: m[1]!, base: m[2]! };
  }
  const plain = spans(fix).find((c) => /^[A-Z]\w*Settings$/.test(c));
  return plain ? { name: plain } : undefined;
}

/** A repository path the finding names for a base name or path the fix mentions. */
function resolveFile(finding: Finding, name: string): string | undefined {
  const matches = finding.fileRefs.filter((r) => r.path === name || r.path.endsWith(`/${name}`));
  return matches.length === 1 ? matches[0]!.path : undefined;
}

function wiring(finding: Finding, fix: string): SettingsOptions['wire'] {
  const calls: string[] = [];
  const files: string[] = [];
  for (const sentence of sentences(fix)) {
    if (!WIRE.test(sentence)) continue;
    for (const code of spans(sentence)) {
      const call = /^([a-z_]\w*)\(\)$/.exec(code)?.[1];
      if (call && !/Settings/.test(code)) calls.push(call);
      const file =
        code.endsWith('.py') && ENV_READ.test(sentence) ? resolveFile(finding, code) : undefined;
      if (file) files.push(file);
    }
  }
  return {
    ...(calls.length ? { calls: [...new Set(calls)] } : {}),
    ...(files.length ? { files: [...new Set(files)] } : {}),
  };
}

export function inferSettings(finding: Finding): SettingsOptions | undefined {
  const fix = fixSections(finding.sections);
  const fields = fieldDeclarations(codeSpans(fix));
  const cls = classOf(fix);
  if (!cls || fields.length === 0) return undefined;
  const wire = wiring(finding, fix);
  if (!wire.calls && !wire.files) return undefined;
  const created = finding.fileRefs.find((r) => r.role === 'create' && r.path.endsWith('.py'))?.path;
  const createSpan = /\bcreate\s+`([^`]+\.py)`/i.exec(fix)?.[1];
  const file =
    created ?? (createSpan ? (resolveFile(finding, createSpan) ?? createSpan) : undefined);
  const prefix = /\benv_prefix\s*=\s*["']([^"']*)["']/.exec(fix)?.[1];
  const modified = [
    ...new Set(finding.fileRefs.filter((r) => r.path.endsWith('.py')).map((r) => r.path)),
  ];
  const home = file ?? (modified.length === 1 && !wire.files ? modified[0] : undefined);
  return {
    class: cls.name,
    ...(home ? { file: home } : {}),
    base: cls.base ?? 'BaseSettings',
    ...(prefix !== undefined ? { envPrefix: prefix } : {}),
    fields,
    wire,
  };
}

/** The planner's view of settings: which findings ask for it, with what options. */
export const recognizer: Recognizer<SettingsOptions> = {
  transform: 'settings',
  infer: inferSettings,
};
