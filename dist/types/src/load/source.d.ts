import type { Point, Range } from '../types.js';
/** One input file (or stdin) with what is needed to turn offsets into line/column. */
export declare class SourceFile {
    readonly path: string;
    readonly text: string;
    private lineStarts;
    constructor(path: string, text: string);
    private starts;
    /** Offset to a 1-based line and column (columns count UTF-16 units, as editors and ESLint do). */
    point(offset: number): Point;
    /** A 1-based line and column back to an offset. */
    offset(p: Point): number;
    range(start: number, end: number): Range;
    /** The text of a 1-based line, without its line break. */
    line(n: number): string;
    get lineCount(): number;
}
