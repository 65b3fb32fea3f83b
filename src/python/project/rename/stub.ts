/**
 * A `.pyi` stub beside the defining module declares the same names: the rename covers
 * its declaration and the stub's own uses, and refuses when the stub already has `to`.
 */
import { Edit } from '../../../core/edit.js';
import type { PythonProject } from '../project.js';
import type { Collision } from './collisions.js';
import type { RenameRequest } from './plan.js';

function stubPath(project: PythonProject, path: string): string | undefined {
  if (!path.endsWith('.py')) return undefined;
  const stub = `${path}i`;
  return project.files.includes(stub) ? stub : undefined;
}

export function stubPlan(
  project: PythonProject,
  path: string,
  request: RenameRequest,
): { edits: Edit[]; collisions: Collision[] } {
  const stub = stubPath(project, path);
  const analysis = stub ? project.analysis(stub) : undefined;
  if (!stub || !analysis) return { edits: [], collisions: [] };
  const clash = analysis.globalBindings(request.to)[0];
  if (clash) {
    const line = clash.node.startPosition.row + 1;
    const message = `the stub already declares \`${request.to}\` (line ${line})`;
    const code = 'rename/collision-stub';
    return { edits: [], collisions: [{ code, path: stub, line, message, aliasable: false }] };
  }
  const edits: Edit[] = [];
  for (const b of analysis.globalBindings(request.from)) {
    edits.push(Edit.replaceNode(b.node, request.to));
    for (const ref of b.references) edits.push(Edit.replace(ref.start, ref.end, request.to));
  }
  return { edits, collisions: [] };
}
