/**
 * The shared module's side of extract-shared-helpers: the text of the helpers that move
 * there (the copy written in the target's style when there is one, exported, renamed to
 * the shared names) with the imports they need, as a new file or appended to an
 * existing one, formatted in the target's style.
 */
import { ts } from 'ts-morph';
import { applyEdits, Edit } from '../../core/edit.js';
import { formatChangedRegions } from '../format.js';
import { planAddImport, type TsImportRequest } from '../imports.js';
import type { PlanTexts } from '../planning.js';
import type { TsProjectView } from '../project-view.js';
import { type CodeStyle, inferCodeStyle } from '../style.js';
import { isExported, statementEnd, statementStart } from '../top-level.js';
import type { Copy, GroupPlan } from './copies.js';
import type { ImportUse } from './fingerprint.js';

/** The copies whose text goes to the target: one per group not already there. */
function moving(
  plans: readonly GroupPlan[],
  target: string,
  style: CodeStyle,
  view: TsProjectView,
): Copy[] {
  const styleOf = new Map<string, CodeStyle>();
  const matches = (file: string) => {
    if (!styleOf.has(file)) styleOf.set(file, inferCodeStyle(file, view.text(file) ?? ''));
    const s = styleOf.get(file)!;
    return s.quote === style.quote && s.semicolons === style.semicolons;
  };
  const chosen = plans
    .filter((p) => p.shared.length > 0 && !p.shared.some((c) => c.file === target))
    .map((p) => p.shared.find((c) => matches(c.file)) ?? p.shared[0]!);
  // In the order of their files (first seen first), and of their place in the file.
  const files = [...new Set(chosen.map((c) => c.file))];
  const rank = (c: Copy) => files.indexOf(c.file);
  return chosen.sort((a, b) => rank(a) - rank(b) || a.statements[0]!.pos - b.statements[0]!.pos);
}

/** Text of one copy: its statements with their comments, exported, helpers renamed. */
function copyText(view: TsProjectView, copy: Copy, renames: ReadonlyMap<string, string>): string {
  const sf = copy.statements[0]!.getSourceFile();
  const text = sf.text;
  const start = statementStart(text, copy.statements[0]!, sf);
  const end = statementEnd(text, copy.statements[copy.statements.length - 1]!);
  const edits: Edit[] = [];
  for (const s of copy.statements) {
    if (!isExported(s)) edits.push(Edit.insert(s.getStart(sf) - start, 'export '));
  }
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && renames.has(node.text)) {
      const symbol = view.checker.getSymbolAtLocation(node);
      const decl = symbol?.declarations?.[0];
      if (decl && decl.getSourceFile() === sf && ts.isSourceFile(topStatement(decl).parent)) {
        edits.push(
          Edit.replace(node.getStart(sf) - start, node.end - start, renames.get(node.text)!),
        );
      }
    }
    node.forEachChild(visit);
  };
  copy.statements.forEach(visit);
  return applyEdits(text.slice(start, end), edits).replace(/\s+$/, '');
}

function topStatement(node: ts.Node): ts.Node {
  let n = node;
  while (n.parent && !ts.isSourceFile(n.parent)) n = n.parent;
  return n;
}

/** Local name -> shared name of the helpers of `file` that are renamed. */
function renamesIn(plans: readonly GroupPlan[], file: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of plans) {
    for (const s of p.group.sources)
      if (s.file === file && s.from !== p.group.to) out.set(s.from, p.group.to);
  }
  return out;
}

/** The imports the moved copies need in the target, as the target writes them. */
function targetImports(
  view: TsProjectView,
  target: string,
  copies: readonly Copy[],
): (ImportUse & { module: string })[] {
  const out = new Map<string, ImportUse & { module: string }>();
  for (const c of copies) {
    for (const use of c.print.imports) {
      const resolved = view.resolve(use.specifier, c.file);
      if (resolved === target) continue;
      const module = resolved ? view.specifier(target, resolved) : use.specifier;
      out.set(`${module}\u0000${use.imported}\u0000${use.local}`, { ...use, module });
    }
  }
  return [...out.values()];
}

function importLine(use: ImportUse & { module: string }, style: CodeStyle): string {
  const q = style.quote === 'single' ? "'" : '"';
  const semi = style.semicolons ? ';' : '';
  const kw = use.typeOnly ? 'import type' : 'import';
  const what =
    use.imported === '*'
      ? `* as ${use.local}`
      : use.imported === 'default'
        ? use.local
        : `{ ${use.imported === use.local ? use.local : `${use.imported} as ${use.local}`} }`;
  return `${kw} ${what} from ${q}${use.module}${q}${semi}`;
}

/** Write the helpers into the target: a new file, or appended to the existing one. */
export function writeTarget(
  view: TsProjectView,
  texts: PlanTexts,
  plans: readonly GroupPlan[],
  target: string,
): void {
  const existing = texts.text(target);
  const style =
    existing === undefined ? view.styleForNewFile(target) : view.style(target, existing);
  const copies = moving(plans, target, style, view);
  if (copies.length === 0) return;
  const blocks = copies.map((c) => copyText(view, c, renamesIn(plans, c.file))).join('\n\n');
  const imports = targetImports(view, target, copies);
  if (existing === undefined) {
    const head = imports.map((u) => importLine(u, style)).join('\n');
    const text = `${head ? `${head}\n\n` : ''}${blocks}\n`;
    texts.create(target, formatChangedRegions(target, '', text, style));
    return;
  }
  const sep = existing.endsWith('\n') ? '\n' : '\n\n';
  const appended = `${existing}${sep}${blocks}\n`;
  texts.edit(target, [
    Edit.insert(
      existing.length,
      formatChangedRegions(target, existing, appended, style).slice(existing.length),
    ),
  ]);
  for (const use of imports) {
    texts.editWith(target, (parsed) =>
      use.imported === '*' || use.imported === 'default'
        ? [namespaceOrDefault(parsed.sourceFile, use, style)]
        : [planAddImport(parsed, toRequest(use), style)],
    );
  }
}

function toRequest(use: ImportUse & { module: string }): TsImportRequest {
  return {
    module: use.module,
    name: use.imported,
    typeOnly: use.typeOnly,
    ...(use.local === use.imported ? {} : { alias: use.local }),
  };
}

/** A default or namespace import, added after the last import unless the file has it. */
function namespaceOrDefault(
  sf: ts.SourceFile,
  use: ImportUse & { module: string },
  style: CodeStyle,
): Edit | undefined {
  const line = importLine(use, style);
  if (sf.text.includes(line)) return undefined;
  const imports = sf.statements.filter(ts.isImportDeclaration);
  const at = imports.length > 0 ? imports[imports.length - 1]!.end : 0;
  return Edit.insert(at, at === 0 ? `${line}\n` : `\n${line}`);
}
