/**
 * Composes the fixes of successive ruff passes into fixes on the ORIGINAL text. ruff's
 * own fix loop re-checks after each round (F401 only fires once UP045 has replaced the
 * last `Optional`; I001 re-sorts a block F401 shortened); the pipeline wants fixes on the
 * text it was given. Each applied fix becomes a unit of edits in original offsets; a
 * later fix that touches an earlier unit's edits is merged with it (one edit covering
 * both, its text read from the current text), so every unit stays applicable on its own.
 * A unit made in the unsafe round copies the safe units it touches instead of absorbing
 * them: without --unsafe the safe ones still apply, with it the pipeline's conflict
 * policy takes one and re-runs the transform for the rest.
 */
import { applyEdits, compareEdits, Edit } from '../../src/core/edit.js';
import { type Applicability, Fix } from '../../src/core/fix.js';
import { LineIndex } from '../../src/core/text.js';

/** A fix found on the current text by one pass. */
export interface PassFix {
  readonly title: string;
  readonly edits: readonly Edit[];
}

/** One fix on the original text, and the round it was made in. */
interface Unit {
  readonly edits: Edit[];
  readonly titles: string[];
  readonly round: Applicability;
}

/** An edit of the current model: original range, text, and where it sits now. */
interface Placed {
  readonly edit: Edit;
  readonly curStart: number;
  readonly curEnd: number;
}

export class FixLedger {
  private model: Edit[] = [];
  private units: Unit[] = [];
  private current: string;

  constructor(readonly original: string) {
    this.current = original;
  }

  /** The original text with every unit applied. */
  get text(): string {
    return this.current;
  }

  /** The composed fixes: safe-round units safe, unsafe-round units unsafe. */
  fixes(): Fix[] {
    return this.units.map((u) => Fix.of([...new Set(u.titles)].join('; '), u.edits, u.round));
  }

  /** The 1-based line of the original text a current offset comes from. */
  originalLine(cur: number): number {
    const offset = Math.min(this.toOriginal(this.placed(), cur), this.original.length);
    return new LineIndex(this.original).lineOf(offset);
  }

  /** Where each model edit sits in the current text. */
  private placed(): Placed[] {
    let delta = 0;
    return this.model.map((edit) => {
      const curStart = edit.start + delta;
      const curEnd = curStart + edit.text.length;
      delta += edit.text.length - (edit.end - edit.start);
      return { edit, curStart, curEnd };
    });
  }

  /** Offset in the original text of a current offset that lies outside every model edit. */
  private toOriginal(placed: readonly Placed[], cur: number): number {
    let delta = 0;
    for (const p of placed) {
      if (p.curEnd > cur) break;
      delta += p.edit.text.length - (p.edit.end - p.edit.start);
    }
    return cur - delta;
  }

  /**
   * Apply fixes found on the current text (they must not overlap each other); each
   * becomes a unit of `round`. A fix that would merge with a model edit another fix of
   * this call merges with is left out and returned: the next pass finds it again.
   */
  apply(fixes: readonly PassFix[], round: Applicability): PassFix[] {
    const placed = this.placed();
    const claimed: Group[] = [];
    const taken: PassFix[] = [];
    const deferred: PassFix[] = [];
    const planned: { fix: PassFix; groups: Group[] }[] = [];
    for (const fix of fixes) {
      const groups = groupEdits(placed, fix.edits);
      if (groups.some((g) => claimed.some((c) => g.start <= c.end && c.start <= g.end))) {
        deferred.push(fix);
        continue;
      }
      claimed.push(...groups);
      taken.push(fix);
      planned.push({ fix, groups });
    }
    for (const { fix, groups } of planned) this.addUnit(placed, fix.title, groups, round);
    this.model.sort(compareEdits);
    this.current = applyEdits(
      this.current,
      taken.flatMap((f) => f.edits),
    );
    return deferred;
  }

  private addUnit(
    placed: readonly Placed[],
    title: string,
    groups: readonly Group[],
    round: Applicability,
  ): void {
    const members = new Set(groups.flatMap((g) => g.members.map((p) => p.edit)));
    const unit: Unit = { edits: [], titles: [], round };
    for (const u of this.units.filter((x) => x.edits.some((e) => members.has(e)))) {
      unit.titles.push(...u.titles);
      unit.edits.push(...u.edits.filter((e) => !members.has(e)));
      if (u.round === round) this.units.splice(this.units.indexOf(u), 1);
    }
    unit.titles.push(title);
    this.model = this.model.filter((e) => !members.has(e));
    for (const g of groups) {
      const edit = this.composed(placed, g);
      unit.edits.push(edit);
      this.model.push(edit);
    }
    this.units.push(unit);
  }

  /** One group as a single edit of the original text. */
  private composed(placed: readonly Placed[], g: Group): Edit {
    const first = g.members[0];
    const last = g.members[g.members.length - 1];
    const start = first
      ? first.edit.start - Math.max(0, first.curStart - g.start)
      : this.toOriginal(placed, g.start);
    const end = last
      ? last.edit.end + Math.max(0, g.end - last.curEnd)
      : this.toOriginal(placed, g.end);
    const shifted = g.edits.map((e) => Edit.replace(e.start - g.start, e.end - g.start, e.text));
    return Edit.replace(start, end, applyEdits(this.current.slice(g.start, g.end), shifted));
  }
}

/** New edits (current offsets) that belong together, and the model edits they touch. */
interface Group {
  start: number;
  end: number;
  edits: Edit[];
  members: Placed[];
}

const touches = (p: Placed, start: number, end: number) => p.curStart <= end && start <= p.curEnd;

/** Group a fix's edits with the model edits they touch (transitively), in order. */
function groupEdits(placed: readonly Placed[], edits: readonly Edit[]): Group[] {
  const groups: Group[] = [];
  for (const edit of [...edits].sort(compareEdits)) {
    const group: Group = { start: edit.start, end: edit.end, edits: [edit], members: [] };
    for (let grew = true; grew; ) {
      grew = false;
      for (const p of placed) {
        if (group.members.includes(p) || !touches(p, group.start, group.end)) continue;
        group.members.push(p);
        group.start = Math.min(group.start, p.curStart);
        group.end = Math.max(group.end, p.curEnd);
        grew = true;
      }
    }
    const prev = groups[groups.length - 1];
    if (prev && group.start <= prev.end) {
      prev.end = Math.max(prev.end, group.end);
      prev.edits.push(...group.edits);
      prev.members.push(...group.members.filter((m) => !prev.members.includes(m)));
    } else {
      groups.push(group);
    }
  }
  for (const g of groups) g.members.sort((a, b) => a.curStart - b.curStart);
  return groups;
}
