import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * An input of the action as the runner passes it to a JavaScript action: `INPUT_` and the name in
 * upper case with spaces as `_` (hyphens stay), trimmed.
 */
export function input(name: string, env: NodeJS.ProcessEnv): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/**
 * The `paths` input: one path per line; a line that is not an existing file or folder as a whole
 * is a list of whitespace-separated paths (the older single-line form, `deploy other`). So a path
 * with spaces works on a line of its own, and no quoting syntax is needed. Nothing is globbed.
 */
export function splitPaths(text: string, cwd: string): string[] {
  const paths: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    if (existsSync(resolve(cwd, line))) paths.push(line);
    else paths.push(...line.split(/\s+/));
  }
  return paths.length > 0 ? paths : ['.'];
}

/** The CLI flags for `severity-threshold`, or undefined for a value that is not one. */
export function thresholdArgs(threshold: string): string[] | undefined {
  if (threshold === 'error' || threshold === 'none') return [];
  if (threshold === 'warning') return ['--max-warnings', '0'];
  return undefined;
}
