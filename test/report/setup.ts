/**
 * A reviewed branch for the report tests: the CLI test project with Q-01 applied by
 * the real CLI (its commit then carries a `Remedy-Verified` trailer, as the commit
 * message module writes it), Q-02 held back as unsafe (target py39, no
 * `from __future__ import annotations`), Q-03 manual. Both Python files keep a
 * string operand (`Optional["User"]`) so each finding has a warning with file:line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MODELS, makeAuditProject } from '../cli/project.js';
import { tempDir } from '../harness.js';
import { git, runCli } from '../helpers.js';

export const VERIFY_COMMAND = 'python3 -m unittest -q';

const SERVICES_PY39 =
  'from typing import Optional\n\n\ndef find(key: Optional[int]) -> Optional["User"]:\n    return None\n';

export interface ReviewedBranch {
  readonly repo: string;
  /** A directory outside the repository for the report files. */
  readonly out: string;
}

export function makeReviewedBranch(): ReviewedBranch {
  const repo = makeAuditProject(
    {
      'app/models.py': `${MODELS}    owner: Optional["User"] = None\n`,
      'app/services.py': SERVICES_PY39,
    },
    { python: { targetVersion: 'py39' } },
  );
  git(repo, 'switch', '-q', '-c', 'remedy/phase-1');
  const applied = runCli(['apply', 'Q-01'], repo);
  if (applied.code !== 0) throw new Error(`apply failed: ${applied.stderr}`);
  git(
    repo,
    'commit',
    '-q',
    '--amend',
    '--no-edit',
    '--trailer',
    `Remedy-Verified: ${VERIFY_COMMAND} (passed)`,
  );
  const out = tempDir('remedy-report-out-');
  fs.mkdirSync(path.join(out, 'nested'), { recursive: true });
  return { repo, out };
}
