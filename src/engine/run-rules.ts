import { assumptionClause } from '../model/dataplane.js';
import type { Model } from '../mesh/model.js';
import type { At, Resource } from '../model/resource.js';
import type { Location } from '../types.js';
import { MeshMessage } from './diagnostic.js';
import { internalError } from './internal-error.js';
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

/** The rule's report as a diagnostic: its message filled in, the assumptions it rests on appended. */
function toPending(run: RuleRun, report: MeshReport | ViolationReport<ModelNode, string>): MeshMessage {
  const r = asMeshReport(report);
  if ('loc' in report) throw new Error('report with `at` (a node of a resource) or `node` (a model object): `loc` has no file in a mesh');
  const template = r.messageId !== undefined ? run.rule.definition.meta.messages[r.messageId] : r.message;
  if (template === undefined) throw new Error(r.messageId !== undefined ? `reported unknown messageId "${r.messageId}"` : 'reported without messageId or message');
  const at: At | undefined = r.at ?? (r.node ? { resource: r.node.resource, path: [] } : undefined);
  if (!at) throw new Error('reported without `at` or `node`');
  const loc = resolveAt(at);
  const message = interpolate(template, r.data);
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
    suggestions: r.suggest,
    related: r.related?.map((rel) => {
      const l = resolveAt(rel.at);
      return { message: rel.message, file: l.file, line: l.start.line, column: l.start.column };
    }),
  });
}

type Visit = (node: unknown) => void;

/**
 * Run the rules over the model: each rule's visitors for every model object in input order, then
 * its `Mesh:exit`. An exception in a visitor is an `internal-error` naming the rule and the
 * resource; the rule goes on with the next object, and the other rules are not affected.
 */
export function runRules(model: Model, runs: readonly RuleRun[], cwd: string): MeshMessage[] {
  const out: MeshMessage[] = [];
  const sourceCode = meshSourceCode(model);
  const active: Array<{ run: RuleRun; visitor: MeshVisitor; guard: (resource: Resource | undefined, fn: () => void) => void }> = [];
  for (const run of runs) {
    const guard = (resource: Resource | undefined, fn: () => void) => {
      try {
        fn();
      } catch (err) {
        out.push(internalError(`Rule "${run.rule.id}"`, err, resource));
      }
    };
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
      report: (r) => out.push(toPending(run, r)),
      locate,
    };
    let visitor: MeshVisitor | undefined;
    guard(undefined, () => {
      const v: unknown = run.rule.definition.create(context);
      if (typeof v !== 'object' || v === null) throw new Error('create() must return an object of visitors');
      visitor = v as MeshVisitor;
    });
    if (visitor) active.push({ run, visitor, guard });
  }
  if (active.length === 0) return out;
  for (const { kind, node, resource } of model.inputOrder()) {
    for (const a of active) {
      const fn = a.visitor[kind] as Visit | undefined;
      if (!fn) continue;
      a.guard(resource, () => fn.call(a.visitor, node));
    }
  }
  for (const a of active) {
    const exit = a.visitor['Mesh:exit'];
    if (!exit) continue;
    a.guard(undefined, () => {
      const result: unknown = exit.call(a.visitor);
      if (isThenable(result)) {
        // Findings that arrive after the run would be lost: a rule must be synchronous.
        result.then(undefined, () => undefined);
        throw new Error('a visitor returned a promise; rules must be synchronous');
      }
    });
  }
  return out;
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
