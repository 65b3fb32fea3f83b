/**
 * What the shared module receives: the shared definitions, and the imports, constants
 * and functions they need (copied from the base copy's module). A new target is
 * written whole; an existing one gets imports through the context, constants after
 * its import block and definitions at its end. A name the target already binds must
 * mean the same there, else the transform refuses.
 */
import { Edit } from '../../src/core/edit.js';
import type { ImportRequest } from '../../src/python/import-edits.js';
import { hasFutureAnnotations } from '../../src/python/imports.js';
import type { PythonProject } from '../../src/python/project/project.js';
import type { GroupPlan } from './classify.js';
import type { Copy } from './copies.js';
import type { Dependency, DependencyResolver } from './dependencies.js';
import { renderImports } from './import-block.js';
import { copiedStatementText, sharedDefinitionText } from './shared-text.js';
import { constantsInsertionPoint, newModuleText } from './target-text.js';

export interface TargetPlan {
  /** The whole text of a new target file. */
  readonly newText: string | undefined;
  /** Edits of an existing target. */
  readonly edits: readonly Edit[];
  /** Imports an existing target needs. */
  readonly imports: readonly ImportRequest[];
  /** Target definitions a guarded merge rewrites (the edits that replace them). */
  readonly replaced: readonly Edit[];
  readonly problems: readonly string[];
  readonly warnings: readonly string[];
  readonly infos: readonly string[];
  /** Why moving the helpers may change behaviour (the extraction is then unsafe), if it may. */
  readonly unsafeBecause: string | undefined;
}

type Copied = Extract<Dependency, { kind: 'import' } | { kind: 'definition' }>;

/** A name the target needs, where it comes from, and what it means there. */
interface Needed {
  readonly path: string;
  readonly dep: Copied;
  readonly meaning: string;
  readonly helper: string;
}

function baseOf(plan: GroupPlan): Copy {
  return plan.merge?.base ?? plan.canonical;
}

export class TargetBuilder {
  private readonly needed = new Map<string, Needed>();
  private readonly problems: string[] = [];
  private readonly warnings: string[] = [];
  private readonly infos: string[] = [];
  private unsafeBecause: string | undefined;

  constructor(
    private readonly project: PythonProject,
    private readonly resolver: DependencyResolver,
    private readonly target: string,
    private readonly targetModule: string,
  ) {}

  private get exists(): boolean {
    return this.project.files.includes(this.target);
  }

  private text(path: string): string {
    return this.project.text(path) ?? '';
  }

  private inTarget(plan: GroupPlan): Copy | undefined {
    return plan.shared.find((c) => c.path === this.target);
  }

  /** Record what the base copy of a group needs in the target. */
  private collect(plan: GroupPlan): void {
    const base = baseOf(plan);
    if (base.path === this.target) return;
    for (const dep of this.resolver.closure(base.path, base.statement)) {
      if (dep.kind === 'blocked') {
        this.problems.push(
          `\`${plan.group.to}\` needs \`${dep.name}\` from ${base.path}, which cannot be shared: ${dep.why}`,
        );
        continue;
      }
      if (dep.kind !== 'import' && dep.kind !== 'definition') continue;
      const meaning = this.resolver.meaning(base.path, dep);
      const seen = this.needed.get(dep.name);
      if (!seen)
        this.needed.set(dep.name, { path: base.path, dep, meaning, helper: plan.group.to });
      else if (seen.meaning !== meaning) {
        this.problems.push(
          `\`${dep.name}\` differs between ${seen.path} (needed by \`${seen.helper}\`) and ${base.path} (needed by \`${plan.group.to}\`)`,
        );
      }
    }
  }

  /** Needed names the target does not bind yet; problems for those it binds otherwise. */
  private missing(plans: readonly GroupPlan[]): Needed[] {
    const newNames = new Set(plans.map((p) => p.group.to));
    const out: Needed[] = [];
    for (const need of this.needed.values()) {
      const name = need.dep.name;
      if (this.isTargetItself(need.dep)) continue;
      if (newNames.has(name)) {
        this.problems.push(
          `\`${name}\` (needed by \`${need.helper}\`) is also a helper's new name`,
        );
      } else if (!this.exists || this.boundInTarget(name).length === 0) out.push(need);
      else if (
        this.resolver.meaning(this.target, this.resolver.resolveName(this.target, name)) !==
        need.meaning
      ) {
        this.problems.push(
          `${this.target} already binds \`${name}\` differently from ${need.path} (needed by \`${need.helper}\`)`,
        );
      }
    }
    return out;
  }

  /** `from <target> import x` in a source: `x` is the target's own definition. */
  private isTargetItself(dep: Copied): boolean {
    if (dep.kind !== 'import' || dep.request.module !== this.targetModule) return false;
    const name = dep.request.name;
    return !!name && dep.name === name && this.boundInTarget(name).some((b) => b.kind !== 'import');
  }

  private boundInTarget(name: string) {
    return this.project.analysis(this.target)?.globalBindings(name) ?? [];
  }

  /** The new name must be free in an existing target that has no copy of the helper. */
  private checkNewName(plan: GroupPlan): void {
    if (!this.exists || this.inTarget(plan)) return;
    const bound = this.boundInTarget(plan.group.to);
    if (bound.length > 0) {
      const line = bound[0]!.node.startPosition.row + 1;
      this.problems.push(
        `${this.target} already binds \`${plan.group.to}\` (line ${line}) to something else`,
      );
    }
  }

  private noteLoggers(copied: readonly Needed[]): void {
    for (const need of copied) {
      if (need.dep.kind === 'definition' && /\b__name__\b/.test(need.dep.statement.text)) {
        this.infos.push(
          `\`${need.dep.name}\` is copied as written (it reads \`__name__\`): in ${this.target} it names \`${this.targetModule}\``,
        );
      }
    }
  }

  build(plans: readonly GroupPlan[]): TargetPlan {
    for (const plan of plans) this.collect(plan);
    for (const plan of plans) this.checkNewName(plan);
    const copied = this.missing(plans);
    this.noteLoggers(copied);
    const imports = copied.flatMap((n) => (n.dep.kind === 'import' ? [n.dep.request] : []));
    const definitions = copied.flatMap((n) => (n.dep.kind === 'definition' ? [n] : []));
    const textOf = (n: Needed) =>
      copiedStatementText(
        this.resolver,
        n.path,
        this.text(n.path),
        (n.dep as Extract<Copied, { kind: 'definition' }>).statement,
      );
    const isFunction = (n: Needed) =>
      (n.dep as Extract<Copied, { kind: 'definition' }>).binding.kind === 'function';
    const constants = definitions.filter((n) => !isFunction(n)).map(textOf);
    const functions = [
      ...definitions.filter(isFunction).map(textOf),
      ...this.sharedDefinitions(plans),
    ];
    if (!this.exists) {
      const future = plans.some((p) => this.hasFuture(baseOf(p).path));
      const sources = [...new Set(plans.flatMap((p) => p.shared.map((c) => c.path)))];
      const importBlock = renderImports(this.project, [
        ...(future ? [{ module: '__future__', name: 'annotations' }] : []),
        ...imports,
      ]);
      return this.result(newModuleText(sources, importBlock, constants, functions), [], [], []);
    }
    this.warnAboutFuture(plans);
    const replaced = this.rewrittenTargetCopies(plans);
    return this.result(
      undefined,
      [...this.insertions(constants, functions), ...replaced],
      imports,
      replaced,
    );
  }

  private result(
    newText: string | undefined,
    edits: Edit[],
    imports: ImportRequest[],
    replaced: Edit[],
  ): TargetPlan {
    const { problems, warnings, infos, unsafeBecause } = this;
    return { newText, edits, imports, replaced, problems, warnings, infos, unsafeBecause };
  }

  /** Shared definitions the target does not have yet, in the order of the options. */
  private sharedDefinitions(plans: readonly GroupPlan[]): string[] {
    return plans
      .filter((p) => !this.inTarget(p))
      .map((p) =>
        sharedDefinitionText(
          this.resolver,
          baseOf(p),
          this.text(baseOf(p).path),
          p.group.to,
          p.merge,
        ),
      );
  }

  /** Target copies a guarded merge rewrites (they gain the parameter, maybe the block). */
  private rewrittenTargetCopies(plans: readonly GroupPlan[]): Edit[] {
    const eol = this.text(this.target).includes('\r\n') ? '\r\n' : '\n';
    return plans.flatMap((plan) => {
      const copy = this.inTarget(plan);
      if (!plan.merge || !copy) return [];
      const base = plan.merge.base;
      const text = sharedDefinitionText(
        this.resolver,
        base,
        this.text(base.path),
        plan.group.to,
        plan.merge,
        false,
      );
      return [Edit.replaceNode(copy.statement, text.replace(/\n/g, eol))];
    });
  }

  private hasFuture(path: string): boolean {
    const analysis = this.project.analysis(path);
    return !!analysis && hasFutureAnnotations(analysis.tree);
  }

  private warnAboutFuture(plans: readonly GroupPlan[]): void {
    if (this.hasFuture(this.target)) return;
    const from = plans
      .map((p) => baseOf(p).path)
      .find((p) => p !== this.target && this.hasFuture(p));
    if (from) {
      this.warnings.push(
        `${from} uses \`from __future__ import annotations\` and ${this.target} does not: check the moved annotations`,
      );
      this.unsafeBecause = `annotations postponed in ${from} would be evaluated at runtime in ${this.target}`;
    }
  }

  /** Constants after the import block, functions at the end of an existing target. */
  private insertions(constants: readonly string[], functions: readonly string[]): Edit[] {
    const text = this.text(this.target);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const withEol = (s: string) => s.replace(/\n/g, eol);
    const edits: Edit[] = [];
    if (constants.length > 0) {
      const at = constantsInsertionPoint(this.project, this.target);
      const block = at === 0 ? `${constants.join('\n')}\n\n` : `\n${constants.join('\n')}\n`;
      edits.push(Edit.insert(at, withEol(block)));
    }
    if (functions.length > 0) {
      const ending = text === '' || text.endsWith('\n') ? '' : '\n';
      edits.push(
        Edit.insert(
          text.length,
          withEol(`${ending}${functions.map((f) => `\n\n${f}\n`).join('')}`),
        ),
      );
    }
    return edits;
  }
}
