import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
/** meshlint's own configuration is not a manifest: skipped when walking folders (linted if named). */
const SKIPPED_FILES = new Set(['.meshlint.yaml', '.meshlint.yml']);

export interface FileProblem {
  path: string;
  message: string;
}

export interface ExpandResult {
  files: string[];
  /** Files or folders found but not readable: reported as diagnostics, the run goes on. */
  problems: FileProblem[];
  /** Command-line arguments that name nothing: a usage error. */
  missing: string[];
}

export interface ExpandOptions {
  cwd: string;
  /** gitignore-style patterns from the config, relative to `ignoreBase`. */
  ignorePatterns?: string[];
  /** The folder `ignorePatterns` are relative to: the config file's (default cwd). */
  ignoreBase?: string;
  ignoreFile?: boolean;
  /** Files a folder walk passes over (meshlint's own report, `-o`): absolute paths. */
  skip?: readonly string[];
}

/** Read `.meshlintignore` from the working directory, if any. */
export function readIgnoreFile(cwd: string): string[] {
  const path = join(cwd, '.meshlintignore');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split(/\r?\n/);
}

/**
 * Turn command-line paths into a sorted list of manifest files. Folders are walked recursively;
 * a file named explicitly is linted whatever its extension, unless ignored.
 */
export function expandPaths(args: string[], opts: ExpandOptions): ExpandResult {
  // .meshlintignore is relative to cwd, the config's ignorePatterns to the config file's folder.
  const ig: Ignore = ignore();
  if (opts.ignoreFile !== false) ig.add(readIgnoreFile(opts.cwd));
  const configBase = opts.ignoreBase ?? opts.cwd;
  const igConfig: Ignore = ignore().add(opts.ignorePatterns ?? []);
  const files = new Set<string>();
  const problems: FileProblem[] = [];
  const missing: string[] = [];
  const seenDirs = new Set<string>();

  const ignoredBy = (matcher: Ignore, base: string, abs: string, dir: boolean): boolean => {
    const rel = relative(base, abs);
    if (!rel || rel.startsWith('..') || rel.startsWith(sep)) return false;
    const posix = rel.split(sep).join('/');
    return matcher.ignores(dir ? `${posix}/` : posix);
  };
  const isIgnored = (abs: string, dir: boolean): boolean => ignoredBy(ig, opts.cwd, abs, dir) || ignoredBy(igConfig, configBase, abs, dir);

  const walk = (dir: string): void => {
    // A folder is known by its device and inode: realpath would cost a system call per level of
    // the path, for every folder (minutes for a tree 2,000 levels deep).
    let id: string;
    try {
      const st = statSync(dir, { bigint: true });
      id = `${st.dev}:${st.ino}`;
    } catch (err) {
      problems.push({ path: dir, message: `cannot resolve this folder: ${codeText(err)}` });
      return;
    }
    if (seenDirs.has(id)) return; // symlink loop or a folder reached twice
    seenDirs.add(id);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      problems.push({ path: dir, message: `cannot read this folder: ${codeText(err)}` });
      return;
    }
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = statSync(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch (err) {
          problems.push({ path: abs, message: `cannot follow this link: ${codeText(err)}` });
          continue;
        }
      }
      if (isDir) {
        if (SKIPPED_DIRS.has(entry.name) || isIgnored(abs, true)) continue;
        walk(abs);
      } else if (isFile && !SKIPPED_FILES.has(entry.name) && !opts.skip?.includes(abs) && MANIFEST_EXTENSIONS.some((ext) => entry.name.endsWith(ext)) && !isIgnored(abs, false)) {
        files.add(abs);
      }
    }
  };

  for (const arg of args) {
    const abs = resolve(opts.cwd, arg);
    let st;
    try {
      st = statSync(abs);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') missing.push(arg);
      else problems.push({ path: abs, message: `cannot read this path: ${codeText(err)}` });
      continue;
    }
    if (st.isDirectory()) walk(abs);
    else if (!isIgnored(abs, false)) files.add(abs);
  }
  return { files: [...files].sort(), problems, missing };
}

export function codeText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'ELOOP') return 'too many levels of symbolic links';
  if (e?.code === 'EISDIR') return 'is a folder';
  return e?.message ?? String(err);
}
