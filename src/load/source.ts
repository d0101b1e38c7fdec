import type { Point, Range } from '../types.js';

/** One input file (or stdin) with what is needed to turn offsets into line/column. */
export class SourceFile {
  readonly path: string;
  readonly text: string;
  private lineStarts: number[] | undefined;

  constructor(path: string, text: string) {
    this.path = path;
    this.text = text;
  }

  private starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      const text = this.text;
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  /** Offset to a 1-based line and column (columns count UTF-16 units, as editors and ESLint do). */
  point(offset: number): Point {
    const starts = this.starts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  /** A 1-based line and column back to an offset. */
  offset(p: Point): number {
    const s = this.starts()[p.line - 1];
    return s === undefined ? this.text.length : Math.min(this.text.length, s + p.column - 1);
  }

  range(start: number, end: number): Range {
    return { start: this.point(start), end: this.point(Math.max(start, end)) };
  }

  /** The text of a 1-based line, without its line break. */
  line(n: number): string {
    const starts = this.starts();
    const s = starts[n - 1];
    if (s === undefined) return '';
    const e = starts[n] ?? this.text.length + 1;
    return this.text.slice(s, e - 1).replace(/\r$/, '');
  }

  get lineCount(): number {
    return this.starts().length;
  }
}
