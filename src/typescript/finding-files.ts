/**
 * What a finding says about TypeScript/JavaScript files, for the recognizers: its files
 * the TS adapter owns (the language of a finding comes from its files), and paths it
 * writes in backticks (directories included), with `:12` line suffixes dropped.
 */
import type { Finding } from '../findings/types.js';
import { isTypeScriptPath } from './extensions.js';

/** The finding's files that are TypeScript/JavaScript. */
export function typeScriptFiles(finding: Finding): string[] {
  return finding.files.filter(isTypeScriptPath);
}

/** Whether the finding is about TypeScript/JavaScript code (by its files). */
export function isTypeScriptFinding(finding: Finding): boolean {
  return typeScriptFiles(finding).length > 0;
}

/** Repository paths written in backticks in the text (`src/components/pages/`, `a.tsx:17`). */
export function backtickedPaths(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/`((?:\.\/)?[\w@.[\]()-]+(?:\/[\w@.[\]()-]+)+\/?)(?::\d+)?`/g)) {
    out.add(m[1]!.replace(/^\.\//, ''));
  }
  return [...out];
}
