/**
 * create-file — create a file the finding lists under "Files to create", with the
 * content the finding gives for it.
 *
 * What it does: writes `content` (line endings normalised, one final newline) to `path`.
 * An existing file with the same content (ignoring line endings and trailing blank lines)
 * is left alone; an existing file with other content is never overwritten: the transform
 * refuses and says so.
 * Why: findings such as B-TEST-03 give the whole new file (`backend/requirements-dev.txt`).
 * Example: `{ "path": "backend/requirements-dev.txt", "content": "pytest>=8.0\n" }` creates
 * the file with that line.
 * Fix safety: a new file changes nothing that exists; always safe.
 * Options: `path` (repository path of the new file), `content` (its text).
 */
import { z } from 'zod';
import { defineTransform, type ProjectContext } from '../../src/engine/contract.js';

const options = z.strictObject({
  path: z.string().min(1),
  content: z.string(),
});

export type CreateFileOptions = z.infer<typeof options>;

/** The file's text as written: `\n` line endings, no trailing blank lines, one final newline. */
export function fileText(content: string): string {
  const text = content.replace(/\r\n?/g, '\n').replace(/\s+$/, '');
  return text === '' ? '' : `${text}\n`;
}

function run(ctx: ProjectContext<CreateFileOptions>): void {
  const { path } = ctx.options;
  const wanted = fileText(ctx.options.content);
  const existing = ctx.readText(path);
  if (existing !== undefined) {
    if (fileText(existing) === wanted) {
      const message = `${path} already exists with this content`;
      ctx.report({ severity: 'info', code: 'create-file/exists', message, file: path });
      return;
    }
    ctx.refuse(
      {
        code: 'create-file/exists-different',
        message: `${path} already exists with different content; remedy does not overwrite it`,
        file: path,
      },
      { hint: "merge the finding's content by hand, or delete the file and run again" },
    );
  }
  if (ctx.exists(path)) {
    const message = `${path} exists and is not a readable text file`;
    ctx.refuse({ code: 'create-file/unreadable', message, file: path });
  }
  ctx.createFile(path, wanted);
}

export default defineTransform({
  id: 'create-file',
  languages: ['python'],
  reads: 'project',
  summary: 'create the file the finding provides',
  options,
  run,
});
