import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { FileResult } from '../../engine/lint.js';
import type { Diagnostic } from '../../types.js';
import type { FormatContext, Formatter } from '../formatter.js';

/**
 * GitHub Actions workflow commands: one `::error`/`::warning` annotation per finding, grouped per
 * file with `::group::`. Escaping follows @actions/core's `command.ts` (escapeData: `%`, CR, LF;
 * escapeProperty: those plus `:` and `,`), which the runner reverses.
 */
export const github: Formatter = (results, ctx) => {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    if (r.messages.length === 0) continue;
    const file = displayPath(r.filePath, ctx.cwd, process.env);
    lines.push(`::group::${escapeData(file ?? r.filePath)}`);
    for (const m of r.messages) {
      if (m.severity === 2) errors++;
      else warnings++;
      lines.push(annotation(m, file));
    }
    lines.push('::endgroup::');
  }
  if (errors + warnings > 0) lines.push(`meshlint: ${count(errors, 'error')} and ${count(warnings, 'warning')}.`);
  return lines.length ? `${lines.join('\n')}\n` : '';
};

/** One workflow command. Columns are sent only for single-line ranges, as the runner requires. */
export function annotation(m: Diagnostic, file: string | undefined): string {
  const props: string[] = [];
  if (file !== undefined) props.push(`file=${escapeProperty(file)}`);
  props.push(`line=${m.line}`, `endLine=${m.endLine}`);
  if (m.line === m.endLine) props.push(`col=${m.column}`, `endColumn=${Math.max(m.endColumn, m.column)}`);
  props.push(`title=${escapeProperty(`meshlint ${m.ruleId}`)}`);
  return `::${m.severity === 2 ? 'error' : 'warning'} ${props.join(',')}::${escapeData(m.message)}`;
}

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Path relative to the repository root (GitHub resolves annotation files and blob links against
 * `GITHUB_WORKSPACE`, wherever the step runs), else to the working directory; undefined for stdin.
 */
function displayPath(file: string, cwd: string, env: NodeJS.ProcessEnv): string | undefined {
  if (file.startsWith('<')) return undefined;
  for (const base of env.GITHUB_WORKSPACE ? [resolve(cwd, env.GITHUB_WORKSPACE), cwd] : [cwd]) {
    const rel = relative(base, resolve(cwd, file));
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return file;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/**
 * The Markdown appended to `$GITHUB_STEP_SUMMARY`: every finding in one table (GitHub shows only
 * the first 10 annotations of each kind per step; the summary shows all). Rows link to the file
 * at the commit when the run's repository variables are present.
 */
export function githubSummary(results: FileResult[], ctx: FormatContext, env: NodeJS.ProcessEnv): string {
  const rows: string[] = [];
  let errors = 0;
  let warnings = 0;
  let files = 0;
  const blob =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}/`
      : undefined;
  for (const r of results) {
    if (r.messages.length === 0) continue;
    files++;
    const file = displayPath(r.filePath, ctx.cwd, env) ?? r.filePath;
    for (const m of r.messages) {
      if (m.severity === 2) errors++;
      else warnings++;
      const where = `${file}:${m.line}:${m.column}`;
      const link = blob && !isAbsolute(file) && !file.startsWith('<') ? `[${cell(where)}](${blob}${file.split('/').map(encodeURIComponent).join('/')}#L${m.line})` : cell(where);
      const rule = m.url ? `[${m.ruleId}](${m.url})` : m.ruleId;
      rows.push(`| ${m.severity === 2 ? 'error' : 'warning'} | ${link} | ${rule} | ${cell(m.message)} |`);
    }
  }
  const head = '### meshlint\n\n';
  if (rows.length === 0) return `${head}No problems found.\n\n`;
  return `${head}${count(errors, 'error')} and ${count(warnings, 'warning')} in ${count(files, 'file')}.\n\n| Severity | Location | Rule | Message |\n| --- | --- | --- | --- |\n${rows.join('\n')}\n\n`;
}

/** A Markdown table cell: no pipes or line breaks may leak out of it. */
function cell(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/`/g, '\\`')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, '<br>');
}
