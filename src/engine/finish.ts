import type { Config } from '../config.js';
import { severityFor } from '../config.js';
import { SourceMapper } from '../load/helm.js';
import type { Diagnostic, Severity } from '../types.js';
import { BUILTIN, builtinUrl } from './builtin.js';
import { VFile } from 'vfile';
import { MeshMessage } from './diagnostic.js';
import { FixableText } from './fix.js';
import type { Rule } from './rule.js';
import type { Run } from './run.js';
import { Suppressor, UNUSED_DIRECTIVE, type SuppressedDiagnostic } from './suppress.js';

export interface FileResult {
  filePath: string;
  messages: Diagnostic[];
  /** Diagnostics silenced by a comment directive or a resource annotation. */
  suppressedMessages: SuppressedDiagnostic[];
  errorCount: number;
  warningCount: number;
  fatalErrorCount: number;
  /** The file's text, when it has messages (as ESLint's results carry it, for formatters that show code). */
  source?: string;
  /** The fixed text, when `--fix` or `--fix-dry-run` changed the file (ESLint's field). */
  output?: string;
}

export function defaultSeverities(rules: readonly Rule[]): Map<string, Severity> {
  const defaults = new Map<string, Severity>();
  for (const [id, meta] of Object.entries(BUILTIN)) defaults.set(id, meta.severity);
  for (const r of rules) defaults.set(r.id, r.meta.severity);
  return defaults;
}

/**
 * The load diagnostics of a run as the report would show them (severities from the configuration,
 * suppressions applied), for commands that must not answer on broken input.
 */
export async function loadReport(run: Run, opts: { cliRules?: Record<string, Severity>; inlineConfig?: boolean } = {}): Promise<FileResult[]> {
  const pending = await run.loadDiagnostics();
  const mapper = new SourceMapper(run.input.files.map((f) => f.source), run.cwd);
  const suppressor = suppressorOf(run, [], opts.inlineConfig !== false);
  return finish(pending, { paths: [], rules: [], config: run.config, cli: opts.cliRules ?? {}, suppressor, reportUnused: false, mapper }).filter((r) => r.messages.length > 0);
}

export function suppressorOf(run: Run, rules: readonly Rule[], inlineConfig: boolean): Suppressor {
  return new Suppressor(
    run.input.files.map((f) => f.source),
    run.input.resources,
    { inlineConfig, rules: [...Object.keys(BUILTIN).map((id) => ({ id })), ...rules.map((r) => ({ id: r.id, aliases: r.meta.aliases }))] },
  );
}

/** How the diagnostics of a run become the report. */
export interface FinishContext {
  /** Every file of the input, listed in the report with or without findings. */
  paths: string[];
  rules: readonly Rule[];
  config: Config;
  cli: Record<string, Severity>;
  suppressor: Suppressor;
  reportUnused: boolean;
  mapper: SourceMapper;
  /** The input files' texts, by path. */
  sources?: ReadonlyMap<string, string>;
  /** Filled with one VFile per reported file, holding its messages (severity as `fatal`, `url` set). */
  files?: Map<string, VFile>;
}

/** Severities from the configuration, suppressions, de-duplication, and per-file sorted results. */
export function finish(pending: MeshMessage[], ctx: FinishContext): FileResult[] {
  const { paths, config, cli, suppressor, reportUnused, mapper } = ctx;
  const defaults = defaultSeverities(ctx.rules);
  const urls = new Map(ctx.rules.map((r) => [r.id, r.url]));
  const byFile = new Map<string, FileResult>();
  for (const p of paths) byFile.set(p, { filePath: p, messages: [], suppressedMessages: [], errorCount: 0, warningCount: 0, fatalErrorCount: 0 });
  const seen = new Set<string>();
  const fixable = new Map<string, FixableText>();
  const textFix = (d: MeshMessage) => {
    const text = d.fix && ctx.sources?.get(d.file);
    if (!d.fix || text === undefined) return undefined;
    let file = fixable.get(d.file);
    if (!file) fixable.set(d.file, (file = new FixableText(text)));
    return file.edit(d.fix);
  };
  const add = (d: MeshMessage) => {
    // Helm's `# Source:` comments: report against the template, at the line inside its document
    // (and let `overrides` globs match the template path).
    const at = mapper.active ? mapper.map(d.file, d.start, d.end) : d;
    let sev: Severity = d.internal ? 'error' : severityFor(d.ruleId, defaults.get(d.ruleId) ?? 'error', config, at.file, cli);
    if (sev === 'off') return;
    if (d.downgrade) sev = 'warn';
    const key = `${d.file}\u0000${d.start.line}:${d.start.column}\u0000${d.ruleId}\u0000${d.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    d.fatal = sev === 'error';
    d.url = d.ruleId in BUILTIN ? builtinUrl(d.ruleId) : (urls.get(d.ruleId) ?? '');
    let result = byFile.get(at.file);
    if (!result) byFile.set(at.file, (result = { filePath: at.file, messages: [], suppressedMessages: [], errorCount: 0, warningCount: 0, fatalErrorCount: 0 }));
    const message: Diagnostic = {
      ruleId: d.ruleId,
      severity: sev === 'error' ? 2 : 1,
      message: d.message,
      file: at.file,
      line: at.start.line,
      column: at.start.column,
      endLine: at.end.line,
      endColumn: at.end.column,
      url: d.url,
    };
    if (d.messageId) message.messageId = d.messageId;
    if (d.messageData) message.messageData = d.messageData;
    // Built when a formatter or an editor reads them (JSON, SARIF, quick fixes), not for stylish.
    if (d.hasSuggestions) deferProperty(message, 'suggestions', () => d.suggestions);
    // A fix edits the file the finding is in; a finding mapped to a Helm template has none.
    const fix = at.file === d.file ? textFix(d) : undefined;
    if (fix) message.fix = fix;
    const related = (d.related ?? []).map((r) => {
      if (!mapper.active) return r;
      const p = { line: r.line, column: r.column };
      const m = mapper.map(r.file, p, p);
      return { ...r, file: m.file, line: m.start.line, column: m.start.column };
    });
    // A rendered document whose template is not here: the finding stays on the rendered file and names it.
    if ('renderedFrom' in at && at.renderedFrom) {
      const { template, sourceLine } = at.renderedFrom;
      related.unshift({ message: `rendered from template ${template} (# Source:), which is not here to point at; give --helm-chart-root to report against it`, file: d.file, line: sourceLine, column: 1 });
    }
    if (related.length) message.related = related;
    if (d.assumptions) message.assumptions = d.assumptions;
    // ESLint's `fatal`: a file (part) that could not be parsed, or a run that failed there.
    const fatal = d.internal || d.ruleId === 'yaml-syntax';
    if (fatal) message.fatal = true;
    // Suppression works on the input's own positions.
    const suppressions = suppressor.check(d);
    if (suppressions) {
      result.suppressedMessages.push({ ...message, suppressions });
      return;
    }
    result.messages.push(message);
    if (ctx.files) {
      let vfile = ctx.files.get(at.file);
      if (!vfile) ctx.files.set(at.file, (vfile = new VFile({ path: at.file })));
      vfile.messages.push(d);
    }
    if (message.severity === 2) result.errorCount++;
    else result.warningCount++;
    if (fatal && message.severity === 2) result.fatalErrorCount++;
  };
  for (const d of pending) add(d);
  // After every diagnostic has had its chance to use a directive.
  if (reportUnused) {
    for (const u of suppressor.unused()) add(new MeshMessage({ ruleId: UNUSED_DIRECTIVE, file: u.file, message: u.message, start: u.start, end: u.end }));
  }
  const results = [...byFile.values()].sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  for (const r of results) {
    const source = r.messages.length > 0 ? ctx.sources?.get(r.filePath) : undefined;
    if (source !== undefined) r.source = source;
    r.messages.sort(compareMessages);
    r.suppressedMessages.sort(compareMessages);
  }
  return results;
}

/**
 * An own enumerable property whose value is computed on first read and kept: to JSON.stringify, a
 * spread or a formatter it is an ordinary property, in the place it was defined.
 */
function deferProperty<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  const settle = (value: T[K]) => Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      settle(value);
      return value;
    },
    set: settle,
  });
}

function compareMessages(a: Diagnostic, b: Diagnostic): number {
  return a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
