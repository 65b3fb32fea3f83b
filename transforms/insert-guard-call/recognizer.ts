/**
 * Does a finding ask to call a validator on parameters at the top of functions? Its Fix
 * says "Apply `_validate_identifier()` to `table_name`, `policy_name`, and `cast_type`
 * at the top of each helper" (or "call ... on ..."), and it names one Python file. When
 * it also says how the validator works — "`_validate_identifier(name: str) -> str` that
 * asserts `re.fullmatch(...)` and raises `ValueError` otherwise" — that is the validator
 * to create if the module lacks it. Functions are the ones the sentence names after
 * "in"/"of", else every function that has one of the parameters.
 */
import type { Finding } from '../../src/findings/types.js';
import type { Recognizer } from '../../src/plan/recognizer.js';
import {
  codeSpans,
  fixSections,
  predicateIn,
  sentences,
  signatureIn,
} from '../../src/python/finding-spec.js';
import type { GuardCallOptions } from './options.js';

const APPLY = /\b(?:apply|call|invoke|run)\b/i;
const AT_TOP = /\b(?:at the (?:top|start|beginning)|first thing|before (?:any|using))\b/i;

/** `name()` spans: validators referred to by name. */
function calledName(code: string): string | undefined {
  return /^([A-Za-z_]\w*)\(\)$/.exec(code)?.[1];
}

function specification(fix: string, validator: string): GuardCallOptions['create'] {
  for (const sentence of sentences(fix)) {
    const signature = codeSpans(sentence)
      .map((s) => signatureIn(s.code))
      .find((s) => s?.name === validator);
    const predicate = predicateIn(sentence);
    if (!signature || !predicate || predicate.sense === 'call' || signature.parameters.length !== 1)
      continue;
    const p = signature.parameters[0]!;
    return {
      parameter: { name: p.name, ...(p.annotation ? { annotation: p.annotation } : {}) },
      ...(signature.returns ? { returns: signature.returns } : {}),
      predicate: {
        expression: predicate.expression,
        sense: predicate.sense,
        raises: predicate.raises,
      },
    };
  }
  return undefined;
}

/** The last function a signature in these sentences declares (`name(x: str) -> str`). */
function definedBefore(previous: readonly string[]): string | undefined {
  for (const sentence of [...previous].reverse()) {
    const signature = codeSpans(sentence)
      .map((s) => signatureIn(s.code))
      .find((s) => s && s.parameters.length > 0);
    if (signature) return signature.name;
  }
  return undefined;
}

export function inferGuardCall(finding: Finding): GuardCallOptions | undefined {
  const fix = fixSections(finding.sections);
  const files = [
    ...new Set(finding.fileRefs.filter((r) => r.path.endsWith('.py')).map((r) => r.path)),
  ];
  if (files.length !== 1) return undefined;
  const all = sentences(fix);
  for (const [index, sentence] of all.entries()) {
    if (!APPLY.test(sentence) || !AT_TOP.test(sentence)) continue;
    const spans = codeSpans(sentence);
    const at = spans.findIndex((s) => calledName(s.code));
    // "Apply it to ...": the validator the previous sentences define.
    const validator = at === -1 ? definedBefore(all.slice(0, index)) : calledName(spans[at]!.code);
    if (!validator || (at === -1 && !/\b(?:it|this|the validator)\b/i.test(sentence))) continue;
    const after = at === -1 ? 0 : spans[at]!.end;
    const rest = spans.filter((s) => s.start >= after);
    const named = /\b(?:in|of)\s+`/.exec(sentence.slice(after));
    const cut = named ? after + named.index : Number.POSITIVE_INFINITY;
    const identifier = /^[a-z_]\w*$/;
    const parameters = rest
      .filter((s) => s.start < cut)
      .map((s) => s.code)
      .filter((c) => identifier.test(c));
    const functions = rest
      .filter((s) => s.start >= cut)
      .map((s) => calledName(s.code) ?? s.code)
      .filter((c) => identifier.test(c));
    if (parameters.length === 0) continue;
    const create = specification(fix, validator);
    return {
      file: files[0]!,
      validator,
      parameters,
      ...(functions.length > 0 ? { functions } : {}),
      ...(create ? { create } : {}),
    };
  }
  return undefined;
}

/** The planner's view of insert-guard-call: which findings ask for it, with what options. */
export const recognizer: Recognizer<GuardCallOptions> = {
  transform: 'insert-guard-call',
  infer: inferGuardCall,
};
