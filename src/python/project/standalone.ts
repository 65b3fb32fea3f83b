/**
 * A `PythonProject` over files on disk, for tools and tests that have no engine
 * context: it reads and parses files itself and frees the trees on `dispose()`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parsePython, type Tree } from '../parser.js';
import { type ProjectOptions, PythonProject } from './project.js';

export interface StandaloneProject {
  readonly project: PythonProject;
  /** Free every parsed tree (the project must not be used afterwards). */
  dispose(): void;
}

/** Open a project rooted at `root` over `files` (repository-relative Python paths). */
export function openProject(
  root: string,
  files: readonly string[],
  options: ProjectOptions = {},
): StandaloneProject {
  const trees = new Map<string, Tree | undefined>();
  const readText = (file: string): string | undefined => {
    try {
      return fs.readFileSync(path.join(root, file), 'utf8');
    } catch {
      return undefined;
    }
  };
  const project = new PythonProject(
    {
      files,
      readText,
      tree(file) {
        if (!trees.has(file)) {
          const text = project.text(file);
          const tree = text === undefined ? undefined : parsePython(text);
          trees.set(file, tree && !tree.rootNode.hasError ? tree : undefined);
          if (tree?.rootNode.hasError) tree.delete();
        }
        return trees.get(file);
      },
    },
    options,
  );
  return {
    project,
    dispose() {
      for (const tree of trees.values()) tree?.delete();
      trees.clear();
    },
  };
}
