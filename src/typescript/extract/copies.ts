/**
 * Finding and comparing the copies of each helper: its declarations in every source,
 * fingerprinted (fingerprint.ts); the copies that agree with the canonical one (the
 * target's own, else the most common, else the first source's) are shared, the others
 * divergent. File-local declarations a shared copy reads are pulled in as helpers of
 * their own (`type DateInput`), until nothing new is needed; a copy whose file does not
 * share one of the helpers it reads is divergent too.
 */
import path from 'node:path';
import type { ts } from 'ts-morph';
import { type PlanDiagnostic, problem, refuse } from '../planning.js';
import type { TsProjectView } from '../project-view.js';
import { topLevelDeclarations } from '../top-level.js';
import { type Fingerprint, type FingerprintContext, fingerprint } from './fingerprint.js';
import type { HelperGroup } from './options.js';

export interface Copy {
  readonly file: string;
  readonly from: string;
  readonly to: string;
  readonly statements: readonly ts.Statement[];
  readonly print: Fingerprint;
}

export interface Divergence {
  readonly copy: Copy;
  readonly against: Copy;
  /** Why it is divergent when its own code agrees (a helper it reads differs in its file). */
  readonly reason?: string;
}

export interface GroupPlan {
  readonly group: HelperGroup;
  /** The copies that move (one per sharing file); the first is the canonical one. */
  readonly shared: readonly Copy[];
  readonly divergent: readonly Divergence[];
  /** Sources that do not define it. */
  readonly absent: readonly string[];
}

const MAX_ROUNDS = 20;
const key = (file: string, name: string) => `${file}\u0000${name}`;

/** The copies of every helper, compared; file-local dependencies pulled in as helpers. */
export function compareCopies(
  view: TsProjectView,
  requested: readonly HelperGroup[],
  target: string,
): GroupPlan[] {
  let groups = [...requested];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const plans = groups.map((g) => classify(g, copiesOf(view, g, groups), target));
    const more = dependencyGroups(plans, groups);
    if (more.length === 0) return settle(plans);
    groups = [...groups, ...more];
  }
  throw new Error('extract-shared-helpers: dependencies did not settle');
}

function context(
  view: TsProjectView,
  file: string,
  groups: readonly HelperGroup[],
): FingerprintContext {
  const byKey = new Map<string, string>();
  for (const g of groups) for (const s of g.sources) byKey.set(key(s.file, s.from), g.to);
  return {
    checker: view.checker,
    helperIn: (name) => byKey.get(key(file, name)),
    helperAt: (decl) => {
      const name = (decl as ts.NamedDeclaration).name?.getText();
      return name ? byKey.get(key(view.rel(decl.getSourceFile().fileName), name)) : undefined;
    },
  };
}

function copiesOf(
  view: TsProjectView,
  g: HelperGroup,
  groups: readonly HelperGroup[],
): (Copy | string)[] {
  return g.sources.map(({ file, from }) => {
    const sf = view.tsFile(file);
    const statements = sf ? topLevelDeclarations(sf, from) : [];
    if (statements.length === 0) return file;
    return {
      file,
      from,
      to: g.to,
      statements,
      print: fingerprint(statements, context(view, file, groups)),
    };
  });
}

/** Shared = the canonical partition (target's, else the largest, else the first source's). */
function classify(
  group: HelperGroup,
  found: readonly (Copy | string)[],
  target: string,
): GroupPlan {
  const copies = found.filter((c): c is Copy => typeof c !== 'string');
  const absent = found.filter((c): c is string => typeof c === 'string');
  const partitions = new Map<string, Copy[]>();
  for (const c of copies) partitions.set(c.print.key, [...(partitions.get(c.print.key) ?? []), c]);
  const ranked = [...partitions.values()].sort(
    (a, b) =>
      Number(b.some((c) => c.file === target)) - Number(a.some((c) => c.file === target)) ||
      b.length - a.length ||
      copies.indexOf(a[0]!) - copies.indexOf(b[0]!),
  );
  const shared = ranked[0] ?? [];
  const divergent = ranked
    .slice(1)
    .flatMap((p) => p.map((copy) => ({ copy, against: shared[0]! })));
  return { group, shared, divergent, absent };
}

/** Groups for the file-local declarations shared copies read that are not helpers yet. */
function dependencyGroups(
  plans: readonly GroupPlan[],
  groups: readonly HelperGroup[],
): HelperGroup[] {
  const known = new Set(groups.flatMap((g) => g.sources.map((s) => key(s.file, s.from))));
  const needed = new Map<string, string[]>();
  for (const p of plans) {
    for (const c of p.shared) {
      for (const d of c.print.dependencies) {
        if (known.has(key(c.file, d))) continue;
        needed.set(d, [...new Set([...(needed.get(d) ?? []), c.file])]);
      }
    }
  }
  return [...needed].map(([name, files]) => ({
    to: name,
    sources: files.map((file) => ({ file, from: name })),
    dependency: true,
  }));
}

/** Drop shared copies whose file does not share a helper they read, until stable. */
function settle(plans: GroupPlan[]): GroupPlan[] {
  let current = plans;
  for (let changed = true; changed; ) {
    changed = false;
    const sharing = new Map(current.map((p) => [p.group.to, new Set(p.shared.map((c) => c.file))]));
    current = current.map((p) => {
      const keep: Copy[] = [];
      const dropped: Divergence[] = [];
      for (const c of p.shared) {
        const missing = [...c.print.helpers].find(
          (h) => h !== c.to && !sharing.get(h)?.has(c.file),
        );
        if (missing === undefined) keep.push(c);
        else
          dropped.push({
            copy: c,
            against: p.shared[0]!,
            reason: `it uses \`${missing}\`, whose copy in ${c.file} is not shared`,
          });
      }
      if (dropped.length === 0) return p;
      changed = true;
      return { ...p, shared: keep, divergent: [...p.divergent, ...dropped] };
    });
  }
  return current;
}

/** Problems that make a shared copy impossible to move (refused before anything changes). */
export function movabilityProblems(
  view: TsProjectView,
  plans: readonly GroupPlan[],
): PlanDiagnostic[] {
  const out: PlanDiagnostic[] = [];
  for (const p of plans) {
    for (const c of p.shared) {
      const why = unmovable(c.statements);
      if (why) {
        const s = c.statements[0]!;
        out.push(
          problem(
            'extract/not-movable',
            `\`${c.from}\` in ${c.file} ${why}`,
            c.file,
            view.lineOf(c.file, s.getStart()),
          ),
        );
      }
    }
  }
  return out;
}

function unmovable(statements: readonly ts.Statement[]): string | undefined {
  for (const s of statements) {
    const text = s.getText();
    if (/^export\s+default\b/.test(text)) return 'is a default export; name it first';
    if (/^(export\s+)?(declare\s+)?(let|var)\b/.test(text))
      return 'is module state (`let`/`var`): sharing it would merge the state of several modules';
    const list = (s as ts.VariableStatement).declarationList;
    if (list && list.declarations.length > 1)
      return 'shares its statement with other declarations; split it first';
  }
  return undefined;
}

/** Refuse when no source defines a requested helper (the document is wrong about the code). */
export function refuseMissing(plans: readonly GroupPlan[]): void {
  const lost = plans.filter(
    (p) => !p.group.dependency && p.shared.length + p.divergent.length === 0,
  );
  if (lost.length === 0) return;
  refuse(
    lost.map((p) =>
      problem(
        'extract/no-copies',
        `\`${p.group.sources.map((s) => s.from).join('` / `')}\` is not declared at the top level of ${[...new Set(p.group.sources.map((s) => s.file))].join(', ')}: the document is wrong about the code`,
      ),
    ),
  );
}

/** `src/lib/dates.ts` -> `dates` (for messages). */
export function moduleName(file: string): string {
  return path.posix.basename(file).replace(/\.[^.]+$/, '');
}
