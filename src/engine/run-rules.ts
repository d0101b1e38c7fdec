import { assumptionClause } from '../model/dataplane.js';
import { generatedOrigin } from '../model/intents-policies.js';
import type { Model } from '../mesh/model.js';
import { recordNamespaceReads, type NamespaceReads } from '../model/model.js';
import type { At, Resource } from '../model/resource.js';
import type { Location, Suggestion, SuggestionSource } from '../types.js';
import { MeshMessage, type DeferredSuggestions } from './diagnostic.js';
import { internalError } from './internal-error.js';
import type { RecordedFinding, RuleResultCache, RunRecord } from './rule-cache.js';
import { suggestionEdit } from './suggestion-edit.js';
import type { ViolationReport } from '@eslint/core';
import type { MeshReport, MeshRuleContext, MeshSourceCode, MeshVisitor, ModelNode, Rule } from './rule.js';

/** A rule to run, with its options (already validated and merged with its defaults). */
export interface RuleRun {
  rule: Rule;
  options: unknown[];
}

/** `{{ name }}` placeholders filled from `data`; an unknown one stays as written (ESLint's way). */
export function interpolate(text: string, data: MeshReport['data']): string {
  if (!data) return text;
  return text.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, key: string) => (key in data && data[key] !== undefined ? String(data[key]) : whole));
}

function resolveAt(at: At): { file: string; start: MeshMessage['start']; end: MeshMessage['end'] } {
  const range = at.resource.doc.locate([...at.resource.base, ...at.path], at.part);
  return { file: at.resource.doc.file.path, start: range.start, end: range.end };
}

function locate(at: At): Location {
  const loc = resolveAt(at);
  return { file: loc.file, range: { start: loc.start, end: loc.end } };
}

/** ESLint's own report shape (`node`, `message`) read as meshlint's. */
function asMeshReport(r: MeshReport | ViolationReport<ModelNode, string>): MeshReport & { message?: string } {
  if ('at' in r || ('messageId' in r && !('loc' in r) && Array.isArray((r as MeshReport).suggest ?? []) && !(r as { fix?: unknown }).fix)) return r as MeshReport;
  return r as unknown as MeshReport & { message?: string };
}

/** A policy Otterize generates has no YAML of its own: no fix can edit it (its positions are its ClientIntents entry's). */
function withoutFixOnGenerated<R extends MeshReport>(r: R): R {
  const resource = r.at?.resource ?? r.node?.resource;
  return resource && generatedOrigin(resource) ? { ...r, suggest: undefined } : r;
}

/** The rule's report as a diagnostic: its message filled in, the assumptions it rests on appended. */
function toPending(run: RuleRun, report: MeshReport | ViolationReport<ModelNode, string>): MeshMessage {
  const r = withoutFixOnGenerated(asMeshReport(report));
  if ('loc' in report) throw new Error('report with `at` (a node of a resource) or `node` (a model object): `loc` has no file in a mesh');
  const template = r.messageId !== undefined ? run.rule.definition.meta.messages[r.messageId] : r.message;
  if (template === undefined) throw new Error(r.messageId !== undefined ? `reported unknown messageId "${r.messageId}"` : 'reported without messageId or message');
  const at: At | undefined = r.at ?? (r.node ? { resource: r.node.resource, path: [] } : undefined);
  if (!at) throw new Error('reported without `at` or `node`');
  const loc = resolveAt(at);
  // A policy Otterize generates has no YAML of its own: the message says where it comes from.
  const origin = generatedOrigin(at.resource);
  const filled = interpolate(template, r.data);
  const message = origin ? `${filled} (That AuthorizationPolicy is the one Otterize generates for ClientIntents ${origin.namespace}/${origin.name}, ${origin.entry}.)` : filled;
  const assumptions = r.assumptions?.length ? r.assumptions.map((a) => ({ ...a })) : undefined;
  // As ESLint: a rule that fixes says so, so that --fix never applies what a rule did not mean as safe.
  if (r.fix && run.rule.definition.meta.fixable !== 'code') throw new Error('reported a fix without meta.fixable: "code"');
  if (r.fix && (typeof r.fix !== 'object' || !('at' in r.fix))) throw new Error('a fix is { at, value } (the scalar at `at` becomes `value`), not an ESLint fixer');
  return new MeshMessage({
    ruleId: run.rule.id,
    messageId: r.messageId,
    messageData: r.messageId !== undefined && r.data ? Object.fromEntries(Object.entries(r.data).map(([k, v]) => [k, String(v)])) : undefined,
    ...loc,
    fix: r.fix ? { document: r.fix.at.resource.doc.index, path: [...r.fix.at.resource.base, ...r.fix.at.path], value: r.fix.value } : undefined,
    message: assumptions ? `${message} ${assumptionClause(assumptions)}` : message,
    assumptions,
    downgrade: r.severity === 'warn',
    suggestions: r.suggest && deferredSuggestions(at, r.suggest),
    related: r.related?.map((rel) => {
      const l = resolveAt(rel.at);
      return { message: rel.message, file: l.file, line: l.start.line, column: l.start.column };
    }),
  });
}

/**
 * A report's suggestions, built when first read: each one (called, when the rule gave a function)
 * with its text edit. A function that throws gives no suggestion: the finding stands without it.
 */
function deferredSuggestions(at: At, suggest: readonly SuggestionSource[]): DeferredSuggestions {
  return {
    length: suggest.length,
    build: () =>
      suggest.flatMap((source) => {
        let s: Suggestion;
        try {
          s = typeof source === 'function' ? source() : source;
        } catch {
          return [];
        }
        const edit = suggestionEdit(at, s.fix);
        return [edit ? { ...s, edit } : s];
      }),
  };
}

type Visit = (node: unknown) => void;

interface ActiveRule {
  run: RuleRun;
  visitor: MeshVisitor;
  findings: RecordedFinding[];
  /** Visit only the objects of these resources (a partial run after an edit). */
  only?: ReadonlySet<Resource>;
  /** Where the namespaces it asks about are recorded (with a cache). */
  recording?: NamespaceReads;
}

/**
 * Run the rules over the model (with `times`, adding each rule's milliseconds to it, as ESLint's TIMING): each rule's visitors for every model object in input order, then
 * its `Mesh:exit`. An exception in a visitor is an `internal-error` naming the rule and the
 * resource; the rule goes on with the next object, and the other rules are not affected. With a
 * `cache` (the language server's), a rule whose findings an edit cannot change keeps them.
 */
export function runRules(model: Model, runs: readonly RuleRun[], cwd: string, times?: Map<string, number>, cache?: RuleResultCache): MeshMessage[] {
  const sourceCode = meshSourceCode(model);
  cache?.begin(model);
  const results: RecordedFinding[][] = [];
  const records: RunRecord[] = [];
  const active: ActiveRule[] = [];
  // The object being visited: findings are recorded with it.
  let visiting: Resource | undefined;
  const timed = (id: string, started: number) => times?.set(id, (times.get(id) ?? 0) + performance.now() - started);
  for (const run of runs) {
    const plan = cache?.plan(run, (r) => toPending(run, r)) ?? { mode: 'full' as const };
    if (plan.mode === 'reuse') {
      const findings = plan.record.findings.map(plan.remake);
      results.push(findings);
      records.push({ ...plan.record, run, findings });
      continue;
    }
    const findings: RecordedFinding[] = plan.mode === 'partial' ? plan.findings.map(plan.remake) : [];
    results.push(findings);
    const namespaces: NamespaceReads = plan.mode === 'partial' ? { names: new Set(plan.namespaces.names), all: plan.namespaces.all } : { names: new Set(), all: false };
    const record: RunRecord = { run, visited: new Set(), hasExit: false, findings, locates: false, namespaces };
    // Only a run with a cache needs to know what the rule asked of the namespaces.
    const recording = cache ? namespaces : undefined;
    const context: MeshRuleContext = {
      id: run.rule.id,
      sourceCode,
      cwd,
      filename: '<mesh>',
      physicalFilename: '<mesh>',
      languageOptions: {},
      // ESLint's shared settings are, for a mesh, its settings (also typed as `mesh`).
      settings: model.mesh as unknown as Record<string, unknown>,
      options: run.options,
      model,
      mesh: model.mesh,
      report: (r) => {
        // A suggestion built later, when asked for, reads the model then: what it asks is not recorded.
        if ((r as MeshReport).suggest?.some((s) => typeof s === 'function')) namespaces.all = true;
        findings.push({ message: toPending(run, r), report: r as MeshReport, from: visiting });
      },
      // A place written into a message cannot be moved with its object: such a rule runs in full.
      locate: (at) => {
        record.locates = true;
        return locate(at);
      },
    };
    const started = times ? performance.now() : 0;
    let visitor: MeshVisitor | undefined;
    recordNamespaceReads(recording);
    try {
      const v: unknown = run.rule.definition.create(context);
      if (typeof v !== 'object' || v === null) throw new Error('create() must return an object of visitors');
      visitor = v as MeshVisitor;
    } catch (err) {
      findings.push({ message: internalError(`Rule "${run.rule.id}"`, err), report: undefined, from: undefined });
    } finally {
      recordNamespaceReads(undefined);
    }
    if (times) timed(run.rule.id, started);
    if (!visitor) continue;
    record.visited = new Set(Object.keys(visitor).filter((k) => k !== 'Mesh:exit' && typeof visitor![k] === 'function'));
    record.hasExit = typeof visitor['Mesh:exit'] === 'function';
    records.push(record);
    active.push({ run, visitor, findings, only: plan.mode === 'partial' ? plan.added : undefined, recording });
  }
  // Per kind, the rules that visit it (in rule order): most rules visit few kinds, and a closure
  // per node and rule is what a 10k-resource lint on every edit cannot afford.
  const byKind = new Map<string, Array<{ a: ActiveRule; fn: Visit }>>();
  const visitorsOf = (kind: string) => {
    let list = byKind.get(kind);
    if (!list) {
      list = [];
      for (const a of active) {
        const fn = a.visitor[kind] as Visit | undefined;
        if (fn) list.push({ a, fn });
      }
      byKind.set(kind, list);
    }
    return list;
  };
  for (const { kind, node, resource } of model.inputOrder()) {
    visiting = resource;
    for (const { a, fn } of visitorsOf(kind)) {
      if (a.only && !a.only.has(resource)) continue;
      const started = times ? performance.now() : 0;
      recordNamespaceReads(a.recording);
      try {
        fn.call(a.visitor, node);
      } catch (err) {
        a.findings.push({ message: internalError(`Rule "${a.run.rule.id}"`, err, resource), report: undefined, from: resource });
      } finally {
        recordNamespaceReads(undefined);
      }
      if (times) timed(a.run.rule.id, started);
    }
  }
  visiting = undefined;
  for (const a of active) {
    const exit = a.visitor['Mesh:exit'];
    if (!exit) continue;
    const started = times ? performance.now() : 0;
    recordNamespaceReads(a.recording);
    try {
      const result: unknown = exit.call(a.visitor);
      if (isThenable(result)) {
        // Findings that arrive after the run would be lost: a rule must be synchronous.
        result.then(undefined, () => undefined);
        throw new Error('a visitor returned a promise; rules must be synchronous');
      }
    } catch (err) {
      a.findings.push({ message: internalError(`Rule "${a.run.rule.id}"`, err), report: undefined, from: undefined });
    } finally {
      recordNamespaceReads(undefined);
    }
    if (times) timed(a.run.rule.id, started);
  }
  cache?.commit(records);
  return collapseRepeats(results.flat());
}

/** More findings than this of one rule and message on the entries of one list become one. */
export const MAX_REPEATS = 10;

/**
 * Findings on the entries of one list (20,000 unknown `principals` on one line) are collapsed:
 * up to MAX_REPEATS are reported one by one; beyond that only the first is, with the count (a
 * copy: the findings themselves may be kept for the next run).
 */
function collapseRepeats(findings: readonly RecordedFinding[]): MeshMessage[] {
  const groups = new Map<Resource, Map<string, { first: MeshMessage; kept: MeshMessage[]; count: number; lastLine: number; field: string }>>();
  const dropped = new Set<MeshMessage>();
  for (const { message: m, report } of findings) {
    const at = report?.at;
    const last = at?.path[at.path.length - 1];
    if (!at || typeof last !== 'number' || m.messageId === undefined) continue;
    const key = `${m.ruleId}\0${m.messageId}\0${at.path.slice(0, -1).join('\0')}`;
    let byResource = groups.get(at.resource);
    if (!byResource) groups.set(at.resource, (byResource = new Map()));
    const g = byResource.get(key);
    if (!g) {
      byResource.set(key, { first: m, kept: [m], count: 1, lastLine: m.start.line, field: String(at.path[at.path.length - 2] ?? '') });
      continue;
    }
    g.count++;
    g.lastLine = Math.max(g.lastLine, m.start.line);
    if (g.count <= MAX_REPEATS) g.kept.push(m);
    else {
      dropped.add(m);
      if (g.count === MAX_REPEATS + 1) for (const k of g.kept.slice(1)) dropped.add(k);
    }
  }
  if (dropped.size === 0) return findings.map((f) => f.message);
  const replaced = new Map<MeshMessage, MeshMessage>();
  for (const byResource of groups.values()) {
    for (const g of byResource.values()) {
      if (g.count <= MAX_REPEATS) continue;
      const lines = g.lastLine > g.first.start.line ? ` (up to line ${g.lastLine})` : '';
      replaced.set(g.first, g.first.withText(`${g.first.reason} The same holds for ${(g.count - 1).toLocaleString('en-US')} more entries of "${g.field}"${lines}.`));
    }
  }
  return findings.filter((f) => !dropped.has(f.message)).map((f) => replaced.get(f.message) ?? f.message);
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return (typeof v === 'object' || typeof v === 'function') && v !== null && typeof (v as { then?: unknown }).then === 'function';
}


/** The mesh as `@eslint/core`'s source code: no text of its own, the model, places of its nodes. */
function meshSourceCode(model: Model): MeshSourceCode {
  const loc = (node: ModelNode | At) => {
    const at = 'path' in node ? node : { resource: node.resource, path: [] };
    const r = at.resource.doc.locate([...at.resource.base, ...at.path], at.part);
    return { start: { line: r.start.line, column: r.start.column - 1 }, end: { line: r.end.line, column: r.end.column - 1 } };
  };
  return {
    text: '',
    ast: { type: 'root', children: [] },
    model,
    getLoc: loc,
    getRange: (node) => {
      const at = 'path' in node ? node : { resource: node.resource, path: [] };
      const r = at.resource.doc.locate([...at.resource.base, ...at.path], at.part);
      return [at.resource.doc.file.offset(r.start), at.resource.doc.file.offset(r.end)];
    },
    *traverse() {
      for (const { node } of model.inputOrder()) yield { kind: 1 as const, target: node, phase: 1 as const, args: [node] };
    },
  };
}
