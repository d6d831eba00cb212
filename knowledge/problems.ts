/**
 * Problems found while reading knowledge files, worded for a team lead:
 * `returns.csv row 14, review_by: "31/02/2026" is not a date`.
 */
export type Severity = 'error' | 'warning';

export interface ImportProblem {
  file: string;
  /** Spreadsheet row: the header is row 1, the first record row 2 (whatever its physical lines). */
  row?: number;
  /** Where inside a document or folder, when there is no row (e.g. `entry 4`, `macro 2 (id 360001)`). */
  path?: string;
  field?: string;
  message: string;
  severity: Severity;
}

/** Where a record came from inside its file. */
export interface Location {
  file: string;
  row?: number;
  path?: string;
}

/** `returns.csv row 14, review_by: "31/02/2026" is not a date` (severity is shown by the caller). */
export function formatProblem(p: Omit<ImportProblem, 'severity'>): string {
  let where = p.file;
  if (p.row !== undefined) where += ` row ${p.row}`;
  if (p.path) where += ` ${p.path}`;
  if (p.field) where += `, ${p.field}`;
  return `${where}: ${p.message}`;
}

export function hasErrors(problems: readonly ImportProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Collects problems for one location, so callers only say what is wrong. */
export class ProblemList {
  readonly items: ImportProblem[] = [];

  error(at: Location, field: string | undefined, message: string): void {
    this.add(at, field, message, 'error');
  }

  warn(at: Location, field: string | undefined, message: string): void {
    this.add(at, field, message, 'warning');
  }

  get hasErrors(): boolean {
    return hasErrors(this.items);
  }

  private add(at: Location, field: string | undefined, message: string, severity: Severity): void {
    this.items.push({
      file: at.file,
      ...(at.row !== undefined ? { row: at.row } : {}),
      ...(at.path ? { path: at.path } : {}),
      ...(field ? { field } : {}),
      message,
      severity,
    });
  }
}

/** A value quoted for a message, shortened so one bad cell cannot flood the report. */
export function quote(value: unknown, max = 60): string {
  if (typeof value !== 'string') return String(JSON.stringify(value) ?? value).slice(0, max);
  const flat = value.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}
