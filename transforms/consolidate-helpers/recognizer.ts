/**
 * Does a finding ask to put divergent helpers behind one new function? It says the
 * code does one thing several ways ("three independent implementations", "each ... their
 * own way", "duplicated"), its fix gives the new function's signature and where it goes
 * ("Add a `require_env(name: str) -> str` function to `backend/src/app/utils/__init__.py`")
 * and says to replace the call sites. The copies are the helpers named with their files
 * (`cloudfront_signing.py` — `_required_env()`; `media_urls.py` (`_required`)); a file
 * named with an "inline" check is an inline site (in the function named with it). The
 * exception comes from "raise `ConfigurationError(name)`", the failure condition from
 * "when the variable is unset or empty".
 */
import type { Finding } from '../../src/findings/types.js';
import type { Recognizer } from '../../src/plan/recognizer.js';
import { codeSpans, fixSections, sentences, signatureIn } from '../../src/python/finding-spec.js';
import type { ConsolidateOptions } from './options.js';

const SEVERAL = /\bduplicat|\bimplementations\b|\btheir own way\b|\bdifferent ways\b|\bcopies\b/i;
const REPLACE = /\breplace\b[^.]*\b(?:call ?sites|callers|copies|uses)\b/i;

function resolve(finding: Finding, name: string): string | undefined {
  const matches = finding.fileRefs.filter((r) => r.path === name || r.path.endsWith(`/${name}`));
  return matches.length === 1 ? matches[0]!.path : undefined;
}

/** The new function: the fix's first signature with parameters, and the file after "to". */
function newFunctionIn(
  finding: Finding,
  fix: string,
): { name: string; signature: string; target: string } | undefined {
  for (const sentence of sentences(fix)) {
    const spans = codeSpans(sentence);
    const at = spans.findIndex((s) => (signatureIn(s.code)?.parameters.length ?? 0) > 0);
    if (at === -1) continue;
    const file = spans.slice(at + 1).find((s) => s.code.endsWith('.py'));
    const target =
      file && (resolve(finding, file.code) ?? (file.code.includes('/') ? file.code : undefined));
    if (target)
      return { name: signatureIn(spans[at]!.code)!.name, signature: spans[at]!.code, target };
  }
  return undefined;
}

function raisesIn(fix: string): string | undefined {
  return /\braises?\s+`([A-Z]\w*(?:\([^`]*\))?)`/.exec(fix)?.[1];
}

function behaviourIn(text: string): ConsolidateOptions['behaviour'] {
  if (
    /\b(?:unset|missing|not set|absent)\s+or\s+empty\b|\bempty\s+or\s+(?:unset|missing)\b/i.test(
      text,
    )
  )
    return 'falsy';
  if (/\bwhen (?:the variable |it )?is (?:unset|missing|not set)\b/i.test(text)) return 'none';
  return undefined;
}

/** Copies and inline sites: each path span with the name written after it. */
function sitesIn(
  finding: Finding,
  text: string,
  target: string,
): Pick<ConsolidateOptions, 'copies' | 'inline'> {
  const copies: ConsolidateOptions['copies'] = [];
  const inline: ConsolidateOptions['inline'] = [];
  for (const line of text.split('\n')) {
    const spans = codeSpans(line);
    spans.forEach((span, i) => {
      const file = span.code.endsWith('.py') ? resolve(finding, span.code) : undefined;
      if (!file || file === target) return;
      const end = spans.slice(i + 1).find((s) => s.code.endsWith('.py'))?.start ?? line.length;
      const segment = line.slice(span.end, end);
      const name = codeSpans(segment)
        .map((s) => s.code.replace(/\(\)$/, ''))
        .find((c) => /^[A-Za-z_]\w*$/.test(c));
      if (/\binline\b/i.test(segment)) {
        if (!inline.some((e) => e.file === file))
          inline.push({ file, ...(name ? { function: name } : {}) });
      } else if (name && !copies.some((c) => c.file === file && c.name === name))
        copies.push({ file, name });
    });
  }
  return { copies, inline };
}

export function inferConsolidation(finding: Finding): ConsolidateOptions | undefined {
  const fix = fixSections(finding.sections);
  const all = Object.values(finding.sections).join('\n');
  if (!SEVERAL.test(all) || !REPLACE.test(fix)) return undefined;
  const fn = newFunctionIn(finding, fix);
  if (!fn) return undefined;
  const { copies, inline } = sitesIn(finding, all, fn.target);
  if (copies.length + inline.length < 2) return undefined;
  const raises = raisesIn(fix);
  const behaviour = behaviourIn(fix);
  return {
    target: fn.target,
    name: fn.name,
    signature: fn.signature,
    ...(raises ? { raises } : {}),
    ...(behaviour ? { behaviour } : {}),
    copies,
    inline,
  };
}

/** The planner's view of consolidate-helpers: which findings ask for it, with what options. */
export const recognizer: Recognizer<ConsolidateOptions> = {
  transform: 'consolidate-helpers',
  infer: inferConsolidation,
};
