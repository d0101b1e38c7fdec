// Rendered streams (`helm template … | meshlint -`): Helm writes each manifest as
//   ---
//   # Source: <chart>/templates/<file>.yaml
//   <rendered document>
// (helm pkg/action/action.go, renderResources: `fmt.Fprintf(b, "---\n# Source: %s\n%s\n", …)`).
// A finding inside such a document is reported against the template path, at its line inside the
// rendered document, so it points at a file the user owns rather than at a line of a pipe — when
// that file is there: the template path exists from the working directory, or `--helm-chart-root`
// says where the charts are. Otherwise (a committed rendered file, say) the finding stays on the
// rendered file and names its template.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
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

const SOURCE = /^# Source: (\S.*?)\s*$/;
const DOC_MARKER = /^(---|\.\.\.)(\s|$)/;

/**
 * The `# Source:` segments of a text. A `# Source:` comment counts only before the first content
 * line of its document, where Helm puts it; a segment ends at the next document marker.
 */
export function helmSegments(text: string): SourceSegment[] {
  if (!text.includes('# Source: ')) return [];
  const lines = text.split('\n');
  const out: SourceSegment[] = [];
  let open: SourceSegment | undefined;
  let content = false;
  const close = (last: number) => {
    if (open) {
      open.endLine = Math.max(open.startLine - 1, last);
      if (open.endLine >= open.startLine) out.push(open);
    }
    open = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const n = i + 1;
    if (DOC_MARKER.test(line)) {
      close(n - 1);
      content = false;
      continue;
    }
    const m = content ? null : SOURCE.exec(line);
    if (m) {
      close(n - 1);
      open = { startLine: n + 1, endLine: n + 1, path: m[1]! };
      continue;
    }
    if (line.trim() !== '' && !line.trimStart().startsWith('#')) content = true;
  }
  close(lines.length);
  return out;
}

export interface MappedPlace {
  file: string;
  start: Point;
  end: Point;
  /** Set when the place is in a rendered document whose template is not there to point at. */
  renderedFrom?: { template: string; sourceLine: number };
}

/** Maps input positions to template paths for every input that holds `# Source:` comments. */
export class SourceMapper {
  private readonly segments = new Map<string, SourceSegment[]>();

  private readonly exists = new Map<string, boolean>();

  /** `chartRoot`: where the `# Source:` paths are (`--helm-chart-root`); else the working directory, when they exist there. */
  constructor(
    sources: ReadonlyArray<{ path: string; text: string }>,
    private readonly cwd: string,
    private readonly chartRoot?: string,
  ) {
    for (const s of sources) {
      const segs = helmSegments(s.text);
      if (segs.length === 0) continue;
      const seen = new Map<string, number>();
      for (const seg of segs) {
        seg.offset = seen.get(seg.path) ?? 0;
        seen.set(seg.path, seg.offset + (seg.endLine - seg.startLine + 1) + 1);
      }
      this.segments.set(s.path, segs);
    }
  }

  private templateExists(path: string): boolean {
    let e = this.exists.get(path);
    if (e === undefined) this.exists.set(path, (e = existsSync(path)));
    return e;
  }

  get active(): boolean {
    return this.segments.size > 0;
  }

  /** The template place of an input place; the input place itself outside any segment. */
  map(file: string, start: Point, end: Point): MappedPlace {
    const segs = this.segments.get(file);
    const seg = segs?.find((s) => s.startLine <= start.line && start.line <= s.endLine);
    if (!seg) return { file, start, end };
    const template = resolve(this.chartRoot ?? this.cwd, seg.path);
    if (!this.chartRoot && !this.templateExists(template)) return { file, start, end, renderedFrom: { template: seg.path, sourceLine: seg.startLine - 1 } };
    const endLine = Math.min(end.line, seg.endLine);
    const line = (l: number) => l - seg.startLine + 1 + (seg.offset ?? 0);
    return {
      file: template,
      start: { line: line(start.line), column: start.column },
      end: endLine === end.line ? { line: line(end.line), column: end.column } : { line: line(endLine), column: start.column },
    };
  }
}

