// What a rule reports. The CLI formats findings as text, JSON, SARIF or GitHub annotations; the
// server turns them into diagnostics and quick fixes. Nothing here knows about either.
import type { Range } from '../facts';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export const SEVERITY_ORDER: Record<Severity, number> = {
  error: 3,
  warning: 2,
  information: 1,
  hint: 0,
};

export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

/** A text edit in one file, for quick fixes; ranges are in that file's coordinates. */
export interface FindingEdit {
  file: string;
  range: Range;
  newText: string;
}

export interface FindingFix {
  title: string;
  edits: FindingEdit[];
  /** The fix a user most likely wants, offered first. */
  preferred?: boolean;
}

export interface Finding {
  /** The rule's stable id, e.g. `response-field-missing`. */
  code: string;
  severity: Severity;
  file: string;
  range: Range;
  /** Three parts in one text: what differs, why it matters at run time, what to do. */
  message: string;
  related: RelatedLocation[];
  /** The pair the finding is about, when it compares a frontend type with a backend class. */
  pair?: { frontend: string; backend: string };
  /** Why Seam believes the two sides belong together. */
  evidence?: string[];
  fixes?: FindingFix[];
}
