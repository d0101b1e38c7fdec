import { relative } from 'node:path';
import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import type { Formatter } from '../formatter.js';

/** Human output through vfile-reporter: grouped per file, with rule ids and a summary. */
export const stylish: Formatter = (results, ctx) => {
  const files = results
    .filter((r) => r.messages.length > 0)
    .map((r) => {
      const file = new VFile({ path: r.filePath.startsWith('<') ? r.filePath : relative(ctx.cwd, r.filePath) || r.filePath });
      for (const m of r.messages) {
        const msg = file.message(m.message, {
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
