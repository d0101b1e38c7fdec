import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { KUSTOMIZATION_NAMES, kustomizationIn, kustomizePatchPaths } from './kustomize.js';

export const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];
const SKIPPED_DIRS = new Set(['node_modules', '.git']);
/** meshlint's own configuration is not a manifest: skipped when walking folders (linted if named). */
const SKIPPED_FILES = new Set(['.meshlint.yaml', '.meshlint.yml']);

/**
 * Why a file was not linted: a folder walk passed over it (a named file is linted all the same), or
 * a file named on the command line matches an ignore pattern (`ignored`).
 */
export type SkipReason = 'not-manifest' | 'helm-template' | 'kustomize-patch' | 'ignored';

export interface SkippedFile {
  path: string;
  reason: SkipReason;
  /** The Chart.yaml or kustomization file that makes it one. */
  by?: string;
}

/** Files of a Helm chart folder that configure the chart rather than hold manifests. */
const CHART_FILES = /^(Chart\.ya?ml|Chart\.lock|values([.-].*)?\.(ya?ml|json)|values\.schema\.json)$/;

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
  /** Files a folder walk found but passed over, sorted by path. */
  skipped: SkippedFile[];
  /** Files named on the command line (never skipped for what they hold). */
  named: Set<string>;
  /** Folders holding a kustomization, in walk order (rendered with --kustomize). */
  kustomizations: string[];
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
  /**
   * Pass over named files that are not manifests as a walk does (`--skip-non-manifests`: for
   * pre-commit and lint-staged, which name every changed YAML file).
   */
  skipNonManifests?: boolean;
}

/** Read `.meshlintignore` from the working directory, if any. */
export function readIgnoreFile(cwd: string): string[] {
  const path = join(cwd, '.meshlintignore');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split(/\r?\n/);
}

/**
 * Turn command-line paths into a sorted list of manifest files. Folders are walked recursively;
 * a file named explicitly is linted whatever its extension, unless ignored. A walk passes over
 * files that configure tools rather than hold manifests (a chart's templates and values, a
 * kustomization and its patches), listed in `skipped`.
 */
export function expandPaths(args: string[], opts: ExpandOptions): ExpandResult {
  // .meshlintignore is relative to cwd, the config's ignorePatterns to the config file's folder.
  const fileLines = opts.ignoreFile !== false ? readIgnoreFile(opts.cwd) : [];
  const configBase = opts.ignoreBase ?? opts.cwd;
  const configLines = opts.ignorePatterns ?? [];
  const files = new Set<string>();
  const problems: FileProblem[] = [];
  const missing: string[] = [];
  const seenDirs = new Set<string>();
  const skipped = new Map<string, SkippedFile>();
  const named = new Set<string>();
  const kustomizations: string[] = [];

  const ignoredBy = (matcher: Ignore, base: string, abs: string, dir: boolean): boolean => {
    const rel = relative(base, abs);
    if (!rel || rel.startsWith('..') || rel.startsWith(sep)) return false;
    const posix = rel.split(sep).join('/');
    return matcher.ignores(dir ? `${posix}/` : posix);
  };
  /**
   * The ignore check. Inside a path named on the command line, the patterns that ignore that path
   * itself do not apply: `meshlint examples/` lints the folder a `.meshlintignore` keeps out of `meshlint .`.
   */
  const ignoreCheck = (named?: string) => {
    const keep = (lines: string[], base: string) => (named ? lines.filter((l) => !ignoredBy(ignore().add(l), base, named, true)) : lines);
    const fromFile = ignore().add(keep(fileLines, opts.cwd));
    const fromConfig = ignore().add(keep(configLines, configBase));
    return (abs: string, dir: boolean): boolean => ignoredBy(fromFile, opts.cwd, abs, dir) || ignoredBy(fromConfig, configBase, abs, dir);
  };
  const ignoredByDefault = ignoreCheck();
  let isIgnored = ignoredByDefault;

  const skipTree = (dir: string, reason: SkipReason, by: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // a chart's templates are not linted: an unreadable one is not worth a diagnostic
    }
    for (const entry of entries) {
      const abs = join(dir, entry.name);
      if (entry.isDirectory()) skipTree(abs, reason, by);
      else if (entry.isFile() && isManifestName(entry.name) && !isIgnored(abs, false)) skipped.set(abs, { path: abs, reason, by });
    }
  };

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
    const chart = entries.find((e) => (e.name === 'Chart.yaml' || e.name === 'Chart.yml') && !e.isDirectory());
    const kustomization = kustomizationIn(entries.filter((e) => !e.isDirectory()).map((e) => e.name));
    if (kustomization) {
      const file = join(dir, kustomization);
      kustomizations.push(dir);
      for (const patch of kustomizePatchPaths(file)) skipped.set(patch, { path: patch, reason: 'kustomize-patch', by: file });
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
        // A chart's templates are Go templates, not YAML: only `helm template` output can be linted.
        if (chart && entry.name === 'templates') skipTree(abs, 'helm-template', join(dir, chart.name));
        else walk(abs);
      } else if (isFile && !SKIPPED_FILES.has(entry.name) && !opts.skip?.includes(abs) && isManifestName(entry.name) && !isIgnored(abs, false)) {
        if (entry.name === kustomization || (chart && CHART_FILES.test(entry.name))) skipped.set(abs, { path: abs, reason: 'not-manifest' });
        else files.add(abs);
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
    if (st.isDirectory()) {
      isIgnored = ignoredByDefault(abs, true) ? ignoreCheck(abs) : ignoredByDefault;
      walk(abs);
      isIgnored = ignoredByDefault;
    } else if (!ignoredByDefault(abs, false)) {
      files.add(abs);
      named.add(abs);
    } else {
      // A named file stays ignored (pre-commit names every changed file, ignored ones too), but is counted.
      skipped.set(abs, { path: abs, reason: 'ignored' });
    }
  }
  // A kustomization may list a patch from a folder walked before it: patches are taken out at the end.
  for (const path of skipped.keys()) if (named.has(path)) skipped.delete(path);
  if (opts.skipNonManifests) {
    for (const path of named) {
      const why = namedFileSkip(path, opts.cwd);
      if (why) skipped.set(path, { path, ...why });
    }
    named.clear();
  }
  const kept = [...files].filter((f) => !skipped.has(f)).sort();
  const passed = [...skipped.values()].filter((s) => s.reason !== 'kustomize-patch' || files.has(s.path));
  return { files: kept, problems, missing, skipped: passed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)), named, kustomizations };
}

/**
 * Why a walk would pass over this file for where it lies: a chart's file or template, a
 * kustomization, or a patch of a kustomization in one of its folders (up to the working directory).
 */
function namedFileSkip(path: string, cwd: string): Omit<SkippedFile, 'path'> | undefined {
  const name = basename(path);
  if (SKIPPED_FILES.has(name) || kustomizationIn([name])) return { reason: 'not-manifest' };
  for (let dir = dirname(path), below = name; ; below = join(basename(dir), below), dir = dirname(dir)) {
    const chart = ['Chart.yaml', 'Chart.yml'].map((n) => join(dir, n)).find((f) => existsSync(f));
    if (chart && below.startsWith(`templates${sep}`)) return { reason: 'helm-template', by: chart };
    if (chart && below === name && CHART_FILES.test(name)) return { reason: 'not-manifest' };
    const kustomization = kustomizationIn(KUSTOMIZATION_NAMES.filter((n) => existsSync(join(dir, n))));
    if (kustomization && kustomizePatchPaths(join(dir, kustomization)).includes(path)) return { reason: 'kustomize-patch', by: join(dir, kustomization) };
    if (dir === cwd || dirname(dir) === dir || relative(cwd, dir).startsWith('..')) return undefined;
  }
}

function isManifestName(name: string): boolean {
  return MANIFEST_EXTENSIONS.some((ext) => name.endsWith(ext));
}

export function codeText(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EACCES' || e?.code === 'EPERM') return 'permission denied';
  if (e?.code === 'ELOOP') return 'too many levels of symbolic links';
  if (e?.code === 'EISDIR') return 'is a folder';
  return e?.message ?? String(err);
}
