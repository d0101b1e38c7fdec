import { relative } from 'node:path';
import type { Command } from 'commander';
import { resolveConfig } from '../config.js';
import type { AccessDecision, AccessRequest, Peer } from '../authz/access.js';
import { loadReport, startRun } from '../engine/lint.js';
import { closest } from '../util/text.js';
import { MODE_WORDS } from '../model/dataplane.js';
import type { Service } from '../model/kinds.js';
import type { Model } from '../mesh/model.js';
import type { Diagnostic } from '../types.js';
import type { Workload } from '../model/workloads.js';
import type { Io } from './io.js';
import { addMeshOptions, meshFlags, UsageError, type MeshFlags } from './options.js';

interface CheckFlags extends MeshFlags {
  from: string;
  to: string;
  port?: string;
  method?: string;
  path?: string;
  host?: string;
  header: string[];
  format?: string;
  config?: string;
  configLookup?: boolean;
  /** `--no-assume`: commander sets `assume: false`. */
  assume: boolean;
  ignoreLoadErrors?: boolean;
}

/** kubectl-style kind names and short names. */
const KIND_ALIASES: Record<string, string> = {
  pod: 'Pod',
  po: 'Pod',
  deployment: 'Deployment',
  deploy: 'Deployment',
  statefulset: 'StatefulSet',
  sts: 'StatefulSet',
  daemonset: 'DaemonSet',
  ds: 'DaemonSet',
  replicaset: 'ReplicaSet',
  rs: 'ReplicaSet',
  job: 'Job',
  cronjob: 'CronJob',
  cj: 'CronJob',
  rollout: 'Rollout',
  ksvc: 'Service',
  configuration: 'Configuration',
};

function workloadKey(w: Workload): string {
  const kind = w.resource.group === 'serving.knative.dev' && w.kind === 'Service' ? 'ksvc' : w.kind.toLowerCase();
  return `${w.namespace}/${kind}/${w.name}`;
}

function resolveWorkload(model: Model, ref: string, role: string): Workload {
  const parts = ref.split('/');
  if (parts.length === 3) {
    const [ns, kindText, name] = parts as [string, string, string];
    const kind = KIND_ALIASES[kindText.toLowerCase()];
    const knative = kindText.toLowerCase() === 'ksvc';
    const w = model
      .workloadsIn(ns)
      .find((x) => x.name === name && x.kind === kind && (knative ? x.resource.group === 'serving.knative.dev' : x.resource.group !== 'serving.knative.dev'));
    if (w) return w;
  }
  throw notFound(role, ref, model.workloads.map(workloadKey));
}

function notFound(role: string, ref: string, all: string[]): UsageError {
  const candidates = [...new Set(all)];
  const near = candidates.filter((c) => closest(ref, [c]) !== undefined || c.endsWith(`/${ref.split('/').pop()}`));
  const list = (near.length > 0 ? near : candidates).slice(0, 8);
  const hint = list.length > 0 ? `\n  ${near.length > 0 ? 'close matches' : 'known'}: ${list.join(', ')}` : '';
  return new UsageError(`${role} "${ref}" is not in the input (expected NAMESPACE/KIND/NAME${role === 'target' ? ' or NAMESPACE/service/NAME' : ', a principal, or external'})${hint}`);
}

function resolveSource(model: Model, ref: string): Peer {
  if (ref === 'external') return { kind: 'external' };
  if (/\/ns\/[^/]+\/sa\/[^/]+$/.test(ref)) return { kind: 'principal', principal: ref.replace(/^spiffe:\/\//, '') };
  return { kind: 'workload', workload: resolveWorkload(model, ref, 'source') };
}

function resolveTarget(model: Model, ref: string): AccessRequest['to'] {
  const parts = ref.split('/');
  const services = model.services.map((x: Service) => `${x.namespace}/service/${x.name}`);
  if (parts.length === 3 && ['service', 'svc'].includes(parts[1]!.toLowerCase())) {
    const s = model.service(parts[0]!, parts[2]!);
    if (s) return { service: s };
    throw notFound('target', ref, [...services, ...model.workloads.map(workloadKey)]);
  }
  try {
    return { workload: resolveWorkload(model, ref, 'target') };
  } catch {
    // A target may be a Service too: offer both kinds of close matches.
    throw notFound('target', ref, [...model.workloads.map(workloadKey), ...services]);
  }
}

/** A Service port that does not exist is a usage error, like an unknown target. */
function checkServicePort(to: AccessRequest['to'], port: number | undefined): void {
  if (!('service' in to) || port === undefined) return;
  const s = to.service;
  if (s.ports.length === 0 || s.ports.some((p) => p.port === port)) return;
  const list = s.ports.map((p) => `${p.port}${p.name ? ` (${p.name})` : ''}`).join(', ');
  throw new UsageError(`Service ${s.namespace}/${s.name} has no port ${port}; --port takes a Service port for a Service target: ${list}`);
}

/** What the text and JSON answers say: the decision, and what it rests on that the input does not show. */
interface Answer {
  decision: AccessDecision;
  /** Load errors the answer was given despite (`--ignore-load-errors`). */
  incompleteInput: Diagnostic[];
}

function where(d: Diagnostic, cwd: string): string {
  return `${relative(cwd, d.file) || d.file}:${d.line}:${d.column}`;
}

function formatText({ decision: d, incompleteInput }: Answer, req: string, cwd: string): string {
  const lines = [`${d.decision === 'ALLOW' ? 'ALLOWED' : 'DENIED'}: ${req}`];
  const assumed = d.assumptions.length > 0 ? ` (assumed: ${d.assumptions.map((a) => `${MODE_WORDS[a.dataPlane]} in namespace ${a.namespace}: ${a.why}${a.evidence ? `, and ${a.evidence}` : ''}`).join('; ')})` : '';
  lines.push(`enforcement: ${d.enforcement.join(' -> ') || 'none'}${assumed}`);
  if (d.decidedBy) {
    const rule = d.decidedBy.rule !== undefined ? ` rule ${d.decidedBy.rule}` : '';
    const g = d.decidedBy.generatedBy;
    const generated = g ? `, generated by Otterize for ClientIntents ${g.namespace}/${g.name} ${g.entry}` : '';
    lines.push(`decided by: ${d.decidedBy.kind} ${d.decidedBy.namespace}/${d.decidedBy.name}${rule} (${relative(cwd, d.decidedBy.file) || d.decidedBy.file}:${d.decidedBy.line}${generated})`);
  }
  lines.push(`reason: ${d.reason}`);
  if (d.trace.length > 0) {
    lines.push('trace:');
    for (const t of d.trace) {
      const rule = t.rule !== undefined ? ` rule ${t.rule}` : '';
      const origin = t.generatedBy ? ` [generated by Otterize for ClientIntents ${t.generatedBy.namespace}/${t.generatedBy.name} ${t.generatedBy.entry}]` : '';
      lines.push(`  [${t.enforcement}] ${t.policy ?? t.workload}${origin}: ${t.outcome}${rule}${t.note ? ` — ${t.note}` : ''}`);
    }
  }
  if (incompleteInput.length > 0) {
    lines.push(`warning: incomplete input: the answer ignores ${incompleteInput.length} error${incompleteInput.length > 1 ? 's' : ''} in the input (--ignore-load-errors):`);
    for (const m of incompleteInput) lines.push(`  ${where(m, cwd)} ${m.message} [${m.ruleId}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** The documented JSON answer; nothing internal (the evaluated policies) leaks into it. */
function formatJson({ decision: d, incompleteInput }: Answer): string {
  const out = {
    decision: d.decision,
    enforcement: d.enforcement,
    decidedBy: d.decidedBy,
    reason: d.reason,
    trace: d.trace,
    assumptions: d.assumptions,
    ...(incompleteInput.length > 0
      ? { incompleteInput: incompleteInput.map((m) => ({ file: m.file, line: m.line, column: m.column, ruleId: m.ruleId, message: m.message })) }
      : {}),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

function parseHeaders(values: string[]): Record<string, string> | undefined {
  if (values.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new UsageError(`--header takes name=value, not "${v}"`);
    out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
}

async function checkAccessCommand(paths: string[], flags: CheckFlags, io: Io): Promise<number> {
  const format = flags.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}"; use text or json`);
  let port: number | undefined;
  if (flags.port !== undefined) {
    port = Number(flags.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port takes a port number, not "${flags.port}"`);
  }
  const headers = parseHeaders(flags.header);
  const config = resolveConfig(flags, io.cwd);
  const run = await startRun({ cwd: io.cwd, patterns: paths.length > 0 ? paths : ['.'], config, mesh: meshFlags(flags) });
  for (const m of run.input.missing) io.err(`meshlint: no such file or folder: ${m}\n`);
  if (run.input.missing.length > 0) return 2;
  // An answer about access must not rest on input that did not load: a policy may be missing.
  const loadErrors = (await loadReport(run)).flatMap((r) => r.messages.filter((m) => m.severity === 2));
  if (loadErrors.length > 0 && !flags.ignoreLoadErrors) {
    const files = [...new Set(loadErrors.map((m) => relative(io.cwd, m.file) || m.file))];
    io.err(`meshlint: no answer: the input has ${loadErrors.length} error${loadErrors.length > 1 ? 's' : ''} in ${files.join(', ')}, so a policy may be missing from it:\n`);
    for (const m of loadErrors) io.err(`  ${where(m, io.cwd)} ${m.message} [${m.ruleId}]\n`);
    io.err('Fix the input, or give --ignore-load-errors to answer from the rest of it.\n');
    return 2;
  }
  const model = run.model;
  const from = resolveSource(model, flags.from);
  const to = resolveTarget(model, flags.to);
  checkServicePort(to, port);
  const request: AccessRequest = { from, to, port, method: flags.method?.toUpperCase(), path: flags.path, host: flags.host, headers };
  const answer: Answer = { decision: model.checkAccess(request), incompleteInput: loadErrors };
  const what = [`${flags.from} -> ${flags.to}`, port ? `port ${port}` : '', flags.method ?? '', flags.path ?? ''].filter(Boolean).join(' ');
  io.out(format === 'json' ? formatJson(answer) : formatText(answer, what, io.cwd));
  if (!flags.assume && answer.decision.assumptions.length > 0) {
    const list = answer.decision.assumptions.map((a) => `namespace ${a.namespace} (${a.why})`).join(', ');
    io.err(`meshlint: the answer rests on assumed data planes, and --no-assume asks for proof: ${list}. Declare the namespaces with their labels.\n`);
    return 2;
  }
  return answer.decision.decision === 'ALLOW' ? 0 : 1;
}

const collect = (v: string, prev: string[]) => [...prev, v];

/** `meshlint check-access`: exit 0 allowed, 1 denied, 2 usage error (as `kubectl auth can-i`). */
export function addCheckAccess(program: Command, io: Io, setCode: (code: number) => void): void {
  const cmd = program
    .command('check-access')
    .description('decide offline whether a source may call a target (exit 0 allowed, 1 denied, 2 error)')
    .argument('[paths...]', 'manifest files and folders (default: .)')
    .requiredOption('--from <source>', 'NAMESPACE/KIND/NAME of a workload, a principal (cluster.local/ns/NS/sa/SA), or external')
    .requiredOption('--to <target>', 'NAMESPACE/KIND/NAME of a workload, or NAMESPACE/service/NAME')
    .option('--port <n>', 'Service port (for a service target) or container port')
    .option('--method <m>', 'HTTP method')
    .option('--path <p>', 'HTTP path')
    .option('--host <h>', 'HTTP host (authority)')
    .option('--header <k=v>', 'HTTP request header; repeatable', collect, [])
    .option('-f, --format <format>', 'text or json', 'text')
    .option('--no-assume', 'exit 2 when the answer rests on an assumed data plane (a namespace the input does not declare)')
    .option('--ignore-load-errors', 'answer even when some of the input does not load (the answer says the input is incomplete)');
  addMeshOptions(cmd);
  cmd.action(async (paths: string[], flags: CheckFlags) => {
    setCode(await checkAccessCommand(paths, flags, io));
  });
}
