/** `remedy transforms [--json]`: the registry, with each transform's summary and options. */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';
import { z } from 'zod';
import type { GlobalArgs } from '../context.js';
import { out, paint, printJson, table } from '../output.js';

interface Args extends GlobalArgs {
  json?: boolean;
}

/** The options schema as JSON Schema (zod 4), for `--json` and the option list. */
function optionsSchema(schema: z.ZodType): Record<string, unknown> {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >;
  } catch {
    return {};
  }
}

function optionNames(schema: z.ZodType): string {
  const props = optionsSchema(schema).properties as Record<string, { type?: string }> | undefined;
  if (!props) return '';
  return Object.entries(props)
    .map(([key, value]) => `${key}${value.type ? `: ${value.type}` : ''}`)
    .join(', ');
}

export const transformsCommand: CommandModule<GlobalArgs, Args> = {
  command: 'transforms',
  describe: 'list the available transforms',
  builder: (y: Argv<GlobalArgs>) =>
    y.option('json', { type: 'boolean', describe: 'print JSON' }) as Argv<Args>,
  handler: async (args: ArgumentsCamelCase<Args>) => {
    const { loadAllTransforms } = await import('../../../transforms/index.js');
    const allTransforms = (await loadAllTransforms()).map((t) => t.transform);
    if (args.json) {
      printJson({
        transforms: allTransforms.map((t) => ({
          id: t.id,
          languages: t.languages,
          reads: t.reads,
          summary: t.summary,
          options: optionsSchema(t.options),
        })),
      });
      return;
    }
    const rows = allTransforms.map((t) => [
      paint('bold', t.id),
      t.reads,
      t.summary,
      optionNames(t.options),
    ]);
    for (const line of table([['TRANSFORM', 'READS', 'SUMMARY', 'OPTIONS'], ...rows])) out(line);
  },
};
