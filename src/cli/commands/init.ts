/**
 * `remedy init [--write] [--force] [--json]`: find the repository root, its audit
 * documents and test command, and show the remedy.config.json that follows (inferred
 * mappings, suggestions for manual findings, the verify command). Writes it only
 * with --write, and never over an existing one without --force.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { findGitTopLevel } from '../../config/discover.js';
import { CONFIG_FILE, checkConfig } from '../../config/load.js';
import { InputError } from '../../core/errors.js';
import type { InitProposal } from '../../init/propose.js';
import { type GlobalArgs, resolveRoot } from '../context.js';
import { err, paint, printJson } from '../output.js';
import { StatusLine } from '../progress.js';

interface Args extends GlobalArgs {
  write?: boolean;
  force?: boolean;
  json?: boolean;
}

function printProposal(p: InitProposal, file: string, inGit: boolean): void {
  const e = process.stderr;
  err(
    `root: ${p.root}${inGit ? ' (git top level)' : paint('yellow', ' (not a git repository: apply needs one)', e)}`,
  );
  const accepted = p.documents.filter((d) => !d.rejected);
  if (accepted.length === 0)
    err(paint('yellow', 'no audit document found: add its path to "docs" by hand', e));
  for (const d of accepted) err(`document: ${d.path} (${d.findings} finding(s))`);
  const rejected = p.documents.filter((d) => d.rejected);
  if (rejected.length)
    err(paint('dim', `looked at and left out: ${rejected.map((d) => d.path).join(', ')}`, e));
  err(
    p.verify
      ? `verify: ${p.verify.command} (from ${p.verify.evidence})`
      : paint('yellow', 'verify: no test command found; set "verify" by hand', e),
  );
  const manual = p.findings.filter((f) => f.kind === 'manual').length;
  err(`findings: ${p.findings.length - manual} automated, ${manual} manual (see "suggestions")`);
  err(`\n${path.relative(process.cwd(), file) || file}:`);
}

export const initCommand: CommandModule<GlobalArgs, Args> = {
  command: 'init',
  describe: 'propose a remedy.config.json: audit documents, test command, mappings',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .option('repo', {
        type: 'string',
        describe: 'repository (default: the git top level of the current directory)',
      })
      .option('write', {
        type: 'boolean',
        default: false,
        describe: 'write remedy.config.json (default: only show it)',
      })
      .option('force', {
        type: 'boolean',
        default: false,
        describe: 'with --write, replace an existing remedy.config.json',
      })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'print JSON (see docs/json.md)',
      })
      .example('$0 init', 'show the config remedy would write; writes nothing')
      .example('$0 init --write', 'write remedy.config.json at the repository root')
      .example('$0 init --json | jq .config.verify', 'the test command it found') as Argv<Args>,
  handler: async (args: ArgumentsCamelCase<Args>) => {
    const root = resolveRoot(args.repo);
    const file = path.join(root, CONFIG_FILE);
    const exists = fs.existsSync(file);
    if (args.write && exists && !args.force)
      throw new InputError(`${file} already exists`, {
        hint: 'pass --force to replace it, or run "remedy init" without --write to compare',
      });
    const { proposeConfig } = await import('../../init/propose.js');
    const { loadCatalog } = await import('../../../transforms/index.js');
    const { registerBuiltinLanguages } = await import('../../languages.js');
    await registerBuiltinLanguages();
    const status = new StatusLine(process.stderr.isTTY === true && !args.json);
    const catalog = await loadCatalog();
    const proposal = await proposeConfig(root, catalog, (what) => status.show(`${what}…`));
    status.clear();
    checkConfig(root, file, proposal.config); // what init writes must load
    const text = `${JSON.stringify(proposal.config, null, 2)}\n`;
    if (args.write) {
      const { writeFileAtomic } = await import('../../engine/write.js');
      writeFileAtomic(file, text);
    }
    const inGit = findGitTopLevel(root) === root;
    if (args.json) {
      printJson({
        version: 1,
        ...proposal,
        inGit,
        existing: exists,
        written: args.write ? file : null,
      });
      return;
    }
    printProposal(proposal, file, inGit);
    process.stdout.write(text);
    if (args.write) err(`wrote ${file}`);
    else
      err(
        exists
          ? `nothing written: ${file} exists (remedy init --write --force replaces it)`
          : 'nothing written: run "remedy init --write" to create it',
      );
  },
};
