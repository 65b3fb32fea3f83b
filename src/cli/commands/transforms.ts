/**
 * `remedy transforms [ID] [--json]`: the registry, with each transform's summary and
 * options; with an ID, that transform's options with their types, allowed values and
 * defaults, derived from its zod schema (`z.toJSONSchema`).
 */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { z } from 'zod';
import type { AnyTransform } from '../../engine/contract.js';
import type { GlobalArgs } from '../context.js';
import { out, paint, printJson, table } from '../output.js';

interface Args extends GlobalArgs {
  id?: string;
  json?: boolean;
}

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
  description?: string;
}

/** The options schema as JSON Schema (zod 4), for `--json` and the option tables. */
function optionsSchema(schema: z.ZodType): JsonSchema {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return {};
  }
}

/** `string`, `"a" | "b"`, `array of string`, `"stdlib" | array of string`… */
export function typeText(s: JsonSchema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return alternatives.map(typeText).join(' | ');
  if (s.type === 'array') return s.items ? `array of ${typeText(s.items)}` : 'array';
  if (s.type === 'object' && s.properties) {
    const required = new Set(s.required ?? []);
    const fields = Object.entries(s.properties).map(
      ([k, v]) => `${k}${required.has(k) ? '' : '?'}: ${typeText(v)}`,
    );
    return `{${fields.join(', ')}}`;
  }
  if (Array.isArray(s.type)) return s.type.join(' | ');
  return s.type ?? 'any';
}

function optionRows(t: AnyTransform): string[][] {
  const schema = optionsSchema(t.options);
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, prop]) => [
    `  ${name}`,
    typeText(prop),
    required.has(name)
      ? 'required'
      : prop.default !== undefined
        ? `default ${JSON.stringify(prop.default)}`
        : 'optional',
    prop.description ?? '',
  ]);
}

function printOne(t: AnyTransform): void {
  out(`${paint('bold', t.id)} (${t.languages.join(', ')}, reads ${t.reads}): ${t.summary}`);
  const rows = optionRows(t);
  if (rows.length === 0) {
    out('\nno options');
    return;
  }
  out(
    `\n${paint('bold', 'Options')} (as JSON: --options '{...}', or "options" in remedy.config.json)`,
  );
  for (const line of table([['  NAME', 'TYPE', 'DEFAULT', ''], ...rows])) out(line);
}

/** Option names for the overview (`renames, onCollision?`): optional ones marked `?`. */
function optionNames(schema: z.ZodType): string {
  const json = optionsSchema(schema);
  const required = new Set(json.required ?? []);
  return Object.keys(json.properties ?? {})
    .map((key) => (required.has(key) ? key : `${key}?`))
    .join(', ');
}

function transformJson(t: AnyTransform) {
  return {
    id: t.id,
    languages: t.languages,
    reads: t.reads,
    summary: t.summary,
    options: optionsSchema(t.options),
  };
}

export const transformsCommand: CommandModule<GlobalArgs, Args> = {
  command: 'transforms [id]',
  describe: 'list the transforms, or show one with its options',
  builder: (y: Argv<GlobalArgs>) =>
    y
      .positional('id', { type: 'string', describe: 'a transform id: show its options' })
      .option('json', {
        type: 'boolean',
        default: false,
        describe: 'print JSON (see docs/json.md)',
      })
      .example('$0 transforms', 'the registry')
      .example('$0 transforms hoist-imports', 'its options: types, allowed values, defaults')
      .example('$0 transforms --json', 'every options schema as JSON Schema') as Argv<Args>,
  handler: async (args: ArgumentsCamelCase<Args>) => {
    const { loadAllTransforms, loadTransform } = await import('../../../transforms/index.js');
    if (args.id) {
      const { transform: t } = await loadTransform(args.id);
      if (args.json) printJson({ transform: transformJson(t) });
      else printOne(t);
      return;
    }
    const allTransforms = (await loadAllTransforms()).map((t) => t.transform);
    if (args.json) {
      printJson({ transforms: allTransforms.map(transformJson) });
      return;
    }
    const rows = allTransforms.map((t) => [
      paint('bold', t.id),
      t.reads,
      t.summary,
      optionNames(t.options),
    ]);
    for (const line of table([['TRANSFORM', 'READS', 'SUMMARY', 'OPTIONS'], ...rows])) out(line);
    out(`\n"remedy transforms <id>" shows one transform's options in full.`);
  },
};
