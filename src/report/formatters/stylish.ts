import { relative } from 'node:path';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { Formatter } from '../formatter.js';

/**
 * Width of the message column. vfile-reporter pads every row to the longest first line, so long
 * messages are wrapped: the first line stays in the table, the rest follows indented below it.
 * A fixed width keeps the output byte-identical whatever the terminal.
 */
const MESSAGE_WIDTH = 80;
const INDENT = '    ';

export function wrap(text: string, width = MESSAGE_WIDTH): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : `${INDENT}${l}`)).join('\n');
}

/** Human output through vfile-reporter: grouped per file, with rule ids and a summary. */
export const stylish: Formatter = (results, ctx) => {
  const files = results
    .filter((r) => r.messages.length > 0)
    .map((r) => {
      const file = new VFile({ path: r.filePath.startsWith('<') ? r.filePath : relative(ctx.cwd, r.filePath) || r.filePath });
      for (const m of r.messages) {
        const msg = file.message(wrap(m.message), {
          place: { start: { line: m.line, column: m.column }, end: { line: m.endLine, column: m.endColumn } },
          ruleId: m.ruleId,
          source: 'meshlint',
        });
        msg.fatal = m.severity === 2 ? true : false;
        if (m.url) msg.url = m.url;
      }
      return file;
    });
  if (files.length === 0) return '';
  return `${reporter(files, { color: ctx.color })}\n`;
};
