/**
 * What the TypeScript recognizers read of a finding: its TypeScript/JavaScript files
 * (the language comes from them: a finding about `.py` files is not theirs), named
 * sections, backticked identifiers, and whether a file is a test.
 */
import type { FileRef, Finding } from '../findings/types.js';
import { isTypeScriptPath } from './extensions.js';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const TEST_FILE = /(^|\/)__tests__\/|\.(test|spec)\.[cm]?[jt]sx?$/;

/** The finding's TS/JS file references (empty: not a TypeScript finding). */
export function tsRefs(finding: Finding): FileRef[] {
  return finding.fileRefs.filter((r) => isTypeScriptPath(r.path) && !r.path.endsWith('.d.ts'));
}

/** Whether the finding is about TypeScript/JavaScript files and about no Python file. */
export function isTypeScriptFinding(finding: Finding): boolean {
  return tsRefs(finding).length > 0 && !finding.fileRefs.some((r) => /\.pyi?$/.test(r.path));
}

export function isTestPath(file: string): boolean {
  return TEST_FILE.test(file);
}

/** The text of the sections whose name matches (`/^problem/i`), joined. */
export function sectionText(finding: Finding, pattern: RegExp): string {
  return Object.entries(finding.sections)
    .filter(([name]) => pattern.test(name))
    .map(([, text]) => text)
    .join('\n');
}

/** Identifiers written in backticks (`name`, `name()`), in order, once each. */
export function backtickedNames(text: string): string[] {
  const names = [...text.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.replace(/\(\)$/, '').trim());
  return [...new Set(names.filter((n) => IDENTIFIER.test(n)))];
}

/** What the finding says to do: its fix / spec / recommendation sections, else its body. */
export function fixText(finding: Finding): string {
  const text = sectionText(finding, /^(fix|implementation|recommend|solution|remediation|action)/i);
  return text || finding.body;
}

/** What the finding says is wrong: its title and problem sections. */
export function problemText(finding: Finding): string {
  return `${finding.title}\n${sectionText(finding, /^(problem|issue|description|finding|details?)/i)}`;
}
