import { appendFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { ConfigError, normalizeSeverity, resolveConfig, severityFor, type Config } from '../config.js';
import { BUILTIN } from '../engine/builtin.js';
import { lint, type LintOptions } from '../engine/lint.js';
import { loadPlugins } from '../engine/plugins.js';
import { ruleOptions, validateRuleOptions } from '../engine/options.js';
import type { Rule } from '../engine/rule.js';
import type { SkippedFile, SkipReason } from '../load/files.js';
import { findKustomize, type KustomizeTool } from '../load/kustomize.js';
import { closest } from '../util/text.js';
import { RULES } from '../generated/rules.js';
import { UNKNOWN_DATA_PLANE_EVIDENCE } from '../model/assumptions.js';
import { MESH_DEFAULTS, type MeshSettings } from '../model/mesh.js';
import { githubSummary } from '../report/formatters/github.js';
import { FORMATTERS } from '../report/formatters/index.js';
import { loadExternalFormatter, type ExternalFormatter } from '../report/external-formatter.js';
import type { Formatter } from '../report/formatter.js';
import type { Severity } from '../types.js';
import { VERSION } from '../version.js';
import { addCheckAccess } from './check-access.js';
import { addDiffAccess } from './diff-access.js';
import { fixSummary, lintAndFix } from './fix.js';
import { addGraph } from './graph.js';
import { explain, knownRuleIds, listRules } from './rule-info.js';
import { processIo, writeOutput, type Io } from './io.js';
import { addMeshOptions, meshFlags, UsageError, type MeshFlags } from './options.js';


interface LintFlags extends MeshFlags {
  format?: string;
  outputFile?: string;
  sarifBase?: string;
  config?: string;
  configLookup: boolean;
  rule: string[];
  maxWarnings?: string;
  quiet?: boolean;
  verbose?: boolean;
  kustomize?: boolean;
  skipNonManifests?: boolean;
  color?: boolean;
  stdinFilename?: string;
  stdin?: boolean;
  helmChartRoot?: string;
  listRules?: boolean;
  explain?: string;
  printConfig?: string;
  ignore: boolean;
  inlineConfig: boolean;
  reportUnusedDisableDirectives?: boolean;
  plugins?: boolean;
  fix?: boolean;
  fixDryRun?: boolean;
}

const collect = (v: string, prev: string[]) => [...prev, v];

function checkRuleIds(ids: Iterable<string>, known: string[], where: string): void {
  for (const id of ids) {
    if (known.includes(id)) continue;
    const near = closest(id, known);
    throw new UsageError(`${where}: unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}. Run meshlint --list-rules.`);
  }
}

function parseRuleFlags(values: string[], known: string[]): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  for (const v of values) {
    const m = /^((?:[a-z0-9-]+\/)?[a-z0-9-]+):(off|warn|error|0|1|2)$/.exec(v);
    if (!m) throw new UsageError(`--rule takes id:severity (severity off, warn or error), not "${v}"`);
    checkRuleIds([m[1]!], known, '--rule');
    out[m[1]!] = normalizeSeverity(/^\d$/.test(m[2]!) ? Number(m[2]) : m[2]);
  }
  return out;
}

function useColor(flag: boolean | undefined, io: Io): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  // A terminal that says it cannot show escapes (Emacs shells, some CI log viewers).
  if (io.env.TERM === 'dumb') return false;
  return io.isTTY;
}

/** Files above which a terminal gets a progress line. */
export const PROGRESS_MIN_FILES = 300;

/**
 * A progress line on stderr, only when stderr is a terminal and not in CI: redrawn in place at most
 * every 100 ms, erased when done, so nothing of it reaches logs, pipes or report files.
 */
export function progressReporter(io: Io): ((done: number, total: number) => void) | undefined {
  if (!io.errIsTTY || io.env.CI || io.env.GITHUB_ACTIONS === 'true') return undefined;
  let last = 0;
  let shown = false;
  return (done, total) => {
    if (total < PROGRESS_MIN_FILES) return;
    if (done >= total) {
      if (shown) io.err('\r\x1b[K');
      shown = false;
      return;
    }
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    shown = true;
    io.err(`\rmeshlint: reading ${done}/${total} files\x1b[K`);
  };
}

const SKIP_WHY: Record<SkipReason, { many: string; one: string }> = {
  'not-manifest': { many: 'not Kubernetes manifests', one: 'not a Kubernetes manifest' },
  'helm-template': { many: 'Helm chart templates', one: 'Helm chart template' },
  'kustomize-patch': { many: 'kustomize patches', one: 'kustomize patch' },
  ignored: { many: 'named but ignored', one: 'named but ignored' },
};

/**
 * What a folder walk passed over, on stderr: a count by reason, one hint per kind of folder, and
 * with --verbose the files themselves. Empty when nothing was skipped.
 */
function skippedText(skipped: readonly SkippedFile[], cwd: string, verbose: boolean, kustomize: boolean): string {
  if (skipped.length === 0) return '';
  const counts = new Map<SkipReason, number>();
  for (const s of skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  const parts = [...counts].map(([reason, n]) => `${n} ${n === 1 ? SKIP_WHY[reason].one : SKIP_WHY[reason].many}`);
  const lines = [`meshlint: ${plural(skipped.length, 'file')} skipped (${parts.join(', ')})${verbose ? ':' : '; --verbose lists them'}`];
  if (verbose) for (const s of skipped) lines.push(`  ${relative(cwd, s.path) || s.path}: ${SKIP_WHY[s.reason].one}${s.by ? ` (${relative(cwd, s.by)})` : ''}`);
  const charts = [...new Set(skipped.filter((s) => s.reason === 'helm-template').map((s) => dirname(s.by!)))];
  if (charts.length > 0) lines.push(`meshlint: Helm chart templates are not YAML until rendered; lint the chart's output: helm template ${relative(cwd, charts[0]!) || '.'} | meshlint -`);
  if (counts.has('ignored')) lines.push("meshlint: files named on the command line that an ignore pattern matches (.meshlintignore, the config's ignorePatterns) are not linted; --no-ignore disregards .meshlintignore");
  if (counts.has('kustomize-patch') && !kustomize) lines.push('meshlint: files a kustomization uses as patches are not linted alone; --kustomize lints the rendered output');
  return `${lines.join('\n')}\n`;
}

/**
 * `TIMING=1` (or a number of rows, or `all`), as ESLint's: the rules that took longest, with their
 * share of the rules' time, on stderr.
 */
function timingTable(times: ReadonlyMap<string, number>, setting: string): string {
  const rows = [...times].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const n = setting === 'all' ? rows.length : Number.parseInt(setting, 10) > 1 ? Number.parseInt(setting, 10) : 10;
  const total = rows.reduce((t, [, ms]) => t + ms, 0) || 1;
  const shown = rows.slice(0, n).map(([id, ms]) => [id, ms.toFixed(1), `${((100 * ms) / total).toFixed(1)}%`]);
  const table = [['Rule', 'Time (ms)', 'Relative'], ...shown];
  const w = [0, 1, 2].map((i) => Math.max(...table.map((r) => r[i]!.length)));
  return `${table.map((r) => `${r[0]!.padEnd(w[0]!)} | ${r[1]!.padStart(w[1]!)} | ${r[2]!.padStart(w[2]!)}`).join('\n')}\n`;
}

function kustomizeTool(io: Io): KustomizeTool {
  const tool = findKustomize(io.env);
  if (!tool) throw new UsageError('--kustomize renders kustomizations with `kustomize build` or `kubectl kustomize`, and neither kustomize nor kubectl is on PATH');
  return tool;
}

/** A format that is not built in: an ESLint formatter package or module (README, "Output formats"). */
async function externalFormatter(name: string, cwd: string): Promise<ExternalFormatter> {
  const loaded = await loadExternalFormatter(name, cwd);
  if ('problem' in loaded) throw new UsageError(`${loaded.problem}; the built-in formats are ${Object.keys(FORMATTERS).join(', ')}`);
  return loaded;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

async function lintCommand(paths: string[], flags: LintFlags, io: Io, builtins: readonly Rule[]): Promise<number> {
  const config = resolveConfig(flags, io.cwd);
  const allowed = flags.plugins === true || io.env.MESHLINT_PLUGINS === '1';
  const rules = [...builtins, ...(await loadPlugins(config, { allowed }))];
  const known = knownRuleIds(rules);
  if (flags.listRules) {
    io.out(listRules(rules, flags.format));
    return 0;
  }
  if (flags.explain) {
    io.out(explain(flags.explain, rules));
    return 0;
  }
  // In a GitHub Actions job the natural output is annotations, unless a report file is asked for.
  const format = flags.format ?? (io.env.GITHUB_ACTIONS === 'true' && !flags.outputFile ? 'github' : 'stylish');
  const formatter: Formatter | ExternalFormatter = Object.hasOwn(FORMATTERS, format) ? FORMATTERS[format]! : await externalFormatter(format, io.cwd);
  let maxWarnings = -1;
  if (flags.maxWarnings !== undefined) {
    maxWarnings = Number(flags.maxWarnings);
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings takes a whole number, not "${flags.maxWarnings}"`);
  }
  checkRuleIds(Object.keys(config.rules), known, config.file ?? 'config');
  for (const o of config.overrides) checkRuleIds(Object.keys(o.rules ?? {}), known, config.file ?? 'config');
  validateRuleOptions(config, rules);
  const cliRules = parseRuleFlags(flags.rule, known);
  const mesh = meshFlags(flags);
  if (flags.printConfig) {
    io.out(`${JSON.stringify(printableConfig(config, cliRules, mesh, rules, resolve(io.cwd, flags.printConfig)), null, 2)}\n`);
    return 0;
  }
  // `--stdin` is ESLint's spelling of `-`; with no path at all, the working directory (as ESLint 9).
  if (flags.stdin && !paths.includes('-')) paths = [...paths, '-'];
  if (paths.length === 0) paths = ['.'];
  const stdinInput = paths.includes('-') ? await io.readStdin() : undefined;
  const fixMode = flags.fix || flags.fixDryRun;
  const lintOptions: LintOptions = {
    cwd: io.cwd,
    patterns: paths,
    stdin:
      stdinInput === undefined
        ? undefined
        : typeof stdinInput === 'string'
          ? { text: stdinInput, filename: flags.stdinFilename }
          : { bytes: stdinInput, filename: flags.stdinFilename },
    config,
    cliRules,
    mesh,
    rules,
    ignoreFile: flags.ignore,
    skip: flags.outputFile ? [resolve(io.cwd, flags.outputFile)] : undefined,
    helmChartRoot: flags.helmChartRoot ? resolve(io.cwd, flags.helmChartRoot) : undefined,
    kustomize: flags.kustomize ? kustomizeTool(io) : undefined,
    skipNonManifests: flags.skipNonManifests,
    inlineConfig: flags.inlineConfig,
    reportUnusedDisableDirectives: flags.reportUnusedDisableDirectives,
    timing: Boolean(io.env.TIMING),
    onProgress: progressReporter(io),
  };
  const fixed = fixMode ? await lintAndFix(lintOptions, flags.fix === true) : undefined;
  const result = fixed?.result ?? (await lint(lintOptions));
  if (fixed) io.err(fixSummary(fixed.fixed, flags.fix === true, io.cwd));
  for (const m of result.missing) io.err(`meshlint: no such file or folder: ${m}\n`);
  if (!flags.quiet) io.err(skippedText(result.skipped, io.cwd, flags.verbose === true, flags.kustomize === true));
  if (result.ruleTimes) io.err(timingTable(result.ruleTimes, io.env.TIMING!));
  let results = result.results;
  if (flags.quiet) {
    results = results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 2), warningCount: 0 }));
  }
  const formatContext = {
    cwd: io.cwd,
    color: flags.outputFile ? false : useColor(flags.color, io),
    rules,
    version: VERSION,
    sarifBase: flags.sarifBase ? resolve(io.cwd, flags.sarifBase) : undefined,
  };
  const warningCount = results.reduce((n, r) => n + r.warningCount, 0);
  const maxWarningsExceeded = maxWarnings >= 0 && warningCount > maxWarnings ? { maxWarnings, foundWarnings: warningCount } : undefined;
  const text = typeof formatter === 'function' ? formatter(results, formatContext) : await formatter.format(results, { cwd: io.cwd, rules, maxWarningsExceeded });
  if (flags.outputFile) writeOutput(resolve(io.cwd, flags.outputFile), text);
  else io.out(text);
  if (format === 'github' && io.env.GITHUB_STEP_SUMMARY) {
    try {
      appendFileSync(io.env.GITHUB_STEP_SUMMARY, githubSummary(results, formatContext, io.env));
    } catch (err) {
      io.err(`meshlint: cannot write the step summary to ${io.env.GITHUB_STEP_SUMMARY}: ${(err as Error).message}\n`);
    }
  }
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const fatal = results.some((r) => r.messages.some((m) => m.ruleId === 'internal-error'));
  if (fatal || result.missing.length > 0) return 2;
  if (errors > 0) return 1;
  if (maxWarningsExceeded) {
    io.err(`meshlint found too many warnings (${warningCount}; maximum allowed is ${maxWarnings}).\n`);
    return 1;
  }
  return 0;
}

function printableConfig(config: Config, cliRules: Record<string, Severity>, mesh: Partial<MeshSettings>, rules: readonly Rule[], file: string) {
  const effective: Record<string, Severity> = {};
  const options: Record<string, unknown[]> = {};
  for (const r of rules) {
    effective[r.id] = severityFor(r.id, r.meta.severity, config, file, cliRules);
    const o = ruleOptions(r, config);
    if (o.length > 0) options[r.id] = o;
  }
  for (const [id, meta] of Object.entries(BUILTIN)) effective[id] = id === 'internal-error' ? 'error' : severityFor(id, meta.severity, config, file, cliRules);
  const { complete, ...settings } = { ...config.mesh, ...mesh };
  return {
    file,
    configFile: config.file ?? null,
    complete: complete ?? MESH_DEFAULTS.complete,
    rules: effective,
    ruleOptions: options,
    mesh: settings,
    // How a data plane the input does not show is settled (README, "When the input does not say").
    unknownDataPlane: { evidence: UNKNOWN_DATA_PLANE_EVIDENCE, assume: settings.assumeDataPlane ?? MESH_DEFAULTS.assumeDataPlane },
    ignorePatterns: config.ignorePatterns,
  };
}

export function buildProgram(io: Io, rules: readonly Rule[], setCode: (code: number) => void): Command {
  const program = new Command('meshlint')
    .description('Static analysis of Istio, ambient and Knative security config in Kubernetes manifests.')
    .version(VERSION, '-v, --version')
    .argument('[paths...]', 'files and folders to lint (default: .; - reads stdin)')
    .addOption(new Option('-f, --format <name>', `output format: ${Object.keys(FORMATTERS).join(', ')} (default stylish; github when GITHUB_ACTIONS=true), an eslint-formatter-<name> package, or a path to an ESLint formatter module`))
    .option('-o, --output-file <file>', 'write the report to a file')
    .option('--sarif-base <dir>', 'SARIF: make file URIs relative to this folder (default: the working directory)')
    .option('--rule <id:severity>', 'set a rule\'s severity (off, warn, error); repeatable', collect, [])
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('--quiet', 'report errors only')
    .option('--verbose', 'list the files a folder walk passed over, and why')
    .option('--color', 'force colours')
    .option('--no-color', 'no colours')
    .option('--stdin', 'lint standard input (as -; ESLint\'s flag)')
    .option('--skip-non-manifests', 'named files too: pass over those that are not Kubernetes manifests, as a folder walk does (for pre-commit and lint-staged)')
    .option('--kustomize', 'lint what the kustomizations render (kustomize build, or kubectl kustomize), at the files the objects come from')
    .option('--helm-chart-root <dir>', 'report findings in helm template output against the templates, whose # Source: paths are relative to this folder')
    .option('--stdin-filename <name>', 'the file name to report stdin under')
    .option('--no-ignore', 'do not read .meshlintignore')
    .option('--no-inline-config', 'ignore # meshlint-disable… comments (annotations still apply)')
    .option('--report-unused-disable-directives', 'report disable comments and meshlint.io/ignore entries that silence nothing')
    .option('--list-rules', 'list the rules and exit (--format json: id, aliases, defaultSeverity, description, url, builtin)')
    .option('--explain <rule>', 'print a rule\'s documentation and exit; an istioctl (ISTnnnn) or Kiali (KIAnnnn) code finds the rules that cover it')
    .option('--print-config <file>', 'print the configuration in effect for a file and exit')
    .option('--plugins', 'load the plugins the configuration names (they run code; also MESHLINT_PLUGINS=1)')
    .option('--fix', 'apply the fixes rules mark safe and write the files; the report shows what remains')
    .option('--fix-dry-run', 'as --fix, without writing: the JSON report carries the fixed text as "output"');
  addMeshOptions(program);
  program.configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  program.exitOverride();
  program.enablePositionalOptions();
  program.action(async (paths: string[], flags: LintFlags) => {
    setCode(await lintCommand(paths, flags, io, rules));
  });
  addCheckAccess(program, io, setCode);
  addGraph(program, io, setCode);
  addDiffAccess(program, io, setCode);
  program
    .command('lsp')
    .description('run the language server over stdio (as meshlint-language-server)')
    .option('--stdio', 'the transport (the only one)')
    .allowUnknownOption()
    .action(async () => {
      // Loaded only here: the protocol library is no part of a lint's start-up.
      const { startServer } = await import('../lsp/server.js');
      startServer(rules);
    });
  return program;
}

/** Run the CLI; returns the exit code (0 clean, 1 findings, 2 usage or internal error). */
export async function run(argv: string[], io: Io = processIo(), rules: readonly Rule[] = RULES): Promise<number> {
  let code = 0;
  const program = buildProgram(io, rules, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      return 2;
    }
    if (err instanceof UsageError || err instanceof ConfigError) {
      io.err(`meshlint: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}
