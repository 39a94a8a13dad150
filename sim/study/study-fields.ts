import type { Problem } from '../scenario/problems.js';
import { checkInput } from '../scenario/parse-input.js';
import { givesOneBase, studyFileSchema, type StudyFile } from './study-file.js';

/** A study file's own fields, checked: every problem, and the fields the later checks may still use. */
export interface CheckedStudyFields {
  /** The whole file parsed (defaults filled in); undefined when any field is bad. */
  readonly whole: StudyFile | undefined;
  /** The fields that are fine, each parsed alone (defaults filled in): all of them when the file is fine. */
  readonly fine: Partial<StudyFile>;
  /** The fields left out of `fine`: refused, or a base (`scenario`, `policies`) the file gives both or neither of. */
  readonly broken: ReadonlySet<keyof StudyFile>;
  /** Every problem of the file's fields (unknown ones and the rules between fields included), in the schema's order. */
  readonly problems: readonly Problem[];
}

/**
 * A study file's fields, checked as a whole (so every problem is named as `parseInput` names it) and then field by
 * field, so that a check of a field that is fine (its scenarios, its metrics…) still runs when another field is bad.
 */
export function checkStudyFields(raw: Readonly<Record<string, unknown>>): CheckedStudyFields {
  const checked = checkInput(studyFileSchema, raw);
  if (checked.value) return { whole: checked.value, fine: checked.value, broken: new Set(), problems: [] };
  const fine: Record<string, unknown> = {};
  const broken = new Set<keyof StudyFile>();
  const shape = studyFileSchema.shape;
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const field = shape[key].safeParse(raw[key]);
    if (field.success) fine[key] = field.data;
    else broken.add(key);
  }
  // With both a scenario and policies, or neither, which scenarios the study runs is not known.
  if (!givesOneBase(raw)) {
    for (const key of ['scenario', 'policies'] as const) {
      delete fine[key];
      broken.add(key);
    }
  }
  return { whole: undefined, fine: fine as Partial<StudyFile>, broken, problems: checked.problems };
}
