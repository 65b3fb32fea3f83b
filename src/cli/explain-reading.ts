/** `remedy findings --explain`: how each document was read, section by section. */
import type { FindingsSet, SectionReading } from '../findings/types.js';
import { out, paint, table } from './output.js';

const LIST_WIDTH = 70;

export function printReadings(set: FindingsSet): void {
  for (const reading of set.readings ?? []) {
    const count = reading.sections.reduce((n, s) => n + s.findings.length, 0);
    out(`${paint('bold', reading.doc)}: ${count} finding(s)`);
    const rows = reading.sections.map((s) => [
      `  ${s.line}`,
      heading(s),
      s.findings.length > 0 ? paint('green', s.sources.join(', ')) : paint('dim', 'skipped'),
      s.findings.length > 0 ? shorten(s.findings.join(', ')) : (s.skipped ?? ''),
    ]);
    for (const line of table([['  LINE', 'SECTION', 'READ AS', 'FINDINGS / WHY NOT'], ...rows]))
      out(line);
    out();
  }
  out(
    paint(
      'dim',
      'READ AS: heading (ID or numbered heading), fields (numbered heading with Status/Effort/Impact lines), table-row, checklist, bullet',
    ),
  );
}

function heading(s: SectionReading): string {
  const marks = s.level > 0 ? `${'#'.repeat(s.level)} ` : '';
  const title = `${marks}${s.title}`;
  return title.length > 48 ? `${title.slice(0, 47)}…` : title;
}

function shorten(text: string): string {
  return text.length > LIST_WIDTH ? `${text.slice(0, LIST_WIDTH - 1)}…` : text;
}
