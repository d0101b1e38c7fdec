import type { Point } from '../types.js';
/** The lines of one rendered document and the template it came from. */
export interface SourceSegment {
    /** 1-based line of the input where the rendered document starts (the line after `# Source:`). */
    startLine: number;
    /** Last line of the document in the input (inclusive). */
    endLine: number;
    /** The template path as Helm wrote it. */
    path: string;
    /**
     * Lines of the same template's earlier documents in this input (each plus its `---`): a template
     * that renders several documents is one file, so the second starts below the first.
     */
    offset?: number;
}
/**
 * The `# Source:` segments of a text. A `# Source:` comment counts only before the first content
 * line of its document, where Helm puts it; a segment ends at the next document marker.
 */
export declare function helmSegments(text: string): SourceSegment[];
export interface MappedPlace {
    file: string;
    start: Point;
    end: Point;
    /** Set when the place is in a rendered document whose template is not there to point at. */
    renderedFrom?: {
        template: string;
        sourceLine: number;
    };
}
/** Maps input positions to template paths for every input that holds `# Source:` comments. */
export declare class SourceMapper {
    private readonly cwd;
    private readonly chartRoot?;
    private readonly segments;
    private readonly exists;
    /** `chartRoot`: where the `# Source:` paths are (`--helm-chart-root`); else the working directory, when they exist there. */
    constructor(sources: ReadonlyArray<{
        path: string;
        text: string;
    }>, cwd: string, chartRoot?: string | undefined);
    private templateExists;
    get active(): boolean;
    /** The template place of an input place; the input place itself outside any segment. */
    map(file: string, start: Point, end: Point): MappedPlace;
}
