import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { accessMatrix } from '../graph/access.js';
import { diffSides, formatDiffJson, formatDiffMarkdown, formatDiffText, sideOf, type AccessDiff } from '../graph/diff.js';
import { writeOutput, type Io } from './io.js';
import { loadModel, type ModelFlags } from './model-input.js';
import { addMeshOptions, UsageError } from './options.js';

interface DiffFlags extends ModelFlags {
  base?: string;
  format: string;
  outputFile?: string;
  failOn?: string;
}

const FORMATS: Record<string, (d: AccessDiff) => string> = { text: formatDiffText, markdown: formatDiffMarkdown, json: formatDiffJson };
const FAIL_ON = ['opens', 'closes', 'any'];

/** A tree given on the command line: read from its own folder, so both sides name files alike. */
function tree(cwd: string, path: string): { cwd: string; paths: string[] } {
  const abs = resolve(cwd, path);
  let dir = true;
  try {
    dir = statSync(abs).isDirectory();
  } catch {
    throw new UsageError(`no such file or folder: ${path}`);
  }
  return dir ? { cwd: abs, paths: ['.'] } : { cwd: dirname(abs), paths: [basename(abs)] };
}

function git(cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env });
  if (r.error) throw new UsageError(`--base needs git: ${r.error.message}`);
  if (r.status !== 0) throw new UsageError(`git ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

/** The committed tree of `ref`, written to a temporary folder with git's own plumbing (read-tree, checkout-index). */
function checkoutRef(cwd: string, ref: string): { root: string; top: string; dispose: () => void } {
  const top = git(cwd, ['rev-parse', '--show-toplevel']);
  git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{tree}`]);
  const tmp = mkdtempSync(join(tmpdir(), 'meshlint-base-'));
  const dispose = () => rmSync(tmp, { recursive: true, force: true });
  try {
    const env = { ...process.env, GIT_INDEX_FILE: join(tmp, 'index') };
    git(top, ['read-tree', ref], env);
    git(top, ['checkout-index', '--all', `--prefix=${join(tmp, 'tree')}/`], env);
  } catch (err) {
    dispose();
    throw err;
  }
  return { root: join(tmp, 'tree'), top, dispose };
}

async function sideFor(cwd: string, paths: string[], flags: DiffFlags, io: Io, label: string) {
  const loaded = await loadModel(paths, flags, io, cwd, `no diff (${label})`);
  if ('code' in loaded) return loaded;
  if (loaded.loadErrors.length > 0) io.err(`meshlint: warning: incomplete input (${label}): the diff ignores ${loaded.loadErrors.length} error(s) (--ignore-load-errors)\n`);
  // Only what the comparison needs is kept: the model of this side can be freed.
  return { side: sideOf(accessMatrix(loaded.model, cwd)) };
}

async function diffAccessCommand(args: string[], flags: DiffFlags, io: Io): Promise<number> {
  const formatter = FORMATS[flags.format];
  if (!formatter) throw new UsageError(`unknown format "${flags.format}"; use ${Object.keys(FORMATS).join(', ')}`);
  if (flags.failOn !== undefined && !FAIL_ON.includes(flags.failOn)) throw new UsageError(`--fail-on takes ${FAIL_ON.join(', ')}, not "${flags.failOn}"`);
  let diff: AccessDiff;
  if (flags.base !== undefined) {
    // The working tree against a commit: the same paths, read in both.
    const paths = args.length > 0 ? args : ['.'];
    const checkout = checkoutRef(io.cwd, flags.base);
    try {
      const baseCwd = join(checkout.root, relative(checkout.top, io.cwd));
      const base = await sideFor(baseCwd, paths, flags, io, `base ${flags.base}`);
      if ('code' in base) return base.code;
      const head = await sideFor(io.cwd, paths, flags, io, 'working tree');
      if ('code' in head) return head.code;
      diff = diffSides(base.side, head.side);
    } finally {
      checkout.dispose();
    }
  } else {
    if (args.length !== 2) throw new UsageError('diff-access takes two trees (meshlint diff-access <base> <head>), or --base <git-ref> and the paths of the working tree');
    const b = tree(io.cwd, args[0]!);
    const h = tree(io.cwd, args[1]!);
    const base = await sideFor(b.cwd, b.paths, flags, io, args[0]!);
    if ('code' in base) return base.code;
    const head = await sideFor(h.cwd, h.paths, flags, io, args[1]!);
    if ('code' in head) return head.code;
    diff = diffSides(base.side, head.side);
  }
  const text = formatter(diff);
  if (flags.outputFile) writeOutput(resolve(io.cwd, flags.outputFile), text);
  else io.out(text);
  const fail = flags.failOn === 'opens' ? diff.opens > 0 : flags.failOn === 'closes' ? diff.closes > 0 : flags.failOn === 'any' ? diff.edges.length > 0 : false;
  return fail ? 1 : 0;
}

/** `meshlint diff-access`: what a change to the manifests opens and closes. */
export function addDiffAccess(program: Command, io: Io, setCode: (code: number) => void): void {
  const cmd = program
    .command('diff-access')
    .description('list the caller → target edges whose decision differs between two versions (two trees, or --base <git-ref> against the working tree)')
    .argument('[trees...]', '<base> <head> folders; with --base: paths of the working tree (default: .)')
    .option('--base <ref>', 'compare the working tree with this git commit, branch or tag')
    .option('-f, --format <format>', 'text, markdown or json', 'text')
    .option('-o, --output-file <file>', 'write the diff to a file')
    .option('--fail-on <what>', 'exit 1 when the diff opens (opens), closes (closes) or changes (any) an edge')
    .option('--ignore-load-errors', 'compare even when some of the input does not load');
  addMeshOptions(cmd);
  cmd.action(async (args: string[], flags: DiffFlags) => {
    setCode(await diffAccessCommand(args, flags, io));
  });
}
