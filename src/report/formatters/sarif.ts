import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { HOMEPAGE } from '../../version.js';
import { firstParagraph, ruleCatalog, type RuleInfo } from '../catalog.js';
import type { Formatter } from '../formatter.js';
import type { Diagnostic } from '../../types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. Our columns are 1-based UTF-16
 * units with an exclusive end (SourceFile.range turns an exclusive end offset into a point), which
 * is exactly SARIF's region model (§3.30.5: endColumn is one past the last character), so they are
 * copied as they are.
 */
export const sarif: Formatter = (results, ctx) => {
  const catalog = ruleCatalog(ctx.rules);
  const index = new Map(catalog.map((r, i) => [r.id, i]));
  const messages = new Map(catalog.flatMap((r) => (r.messages ? [[r.id, r.messages] as const] : [])));
  const base = ctx.sarifBase ?? ctx.cwd;
  const out: Sarif.Result[] = [];
  let fatal = false;
  for (const file of results) {
    const uri = artifactUri(file.filePath, base);
    const seen = new Map<string, number>();
    // Suppressed findings stay out: GitHub code scanning ignores SARIF `suppressions` and would open
    // an alert for each (github/codeql-action#1230); `--format json` keeps them.
    for (const m of file.messages) {
      // A YAML error is a finding; only a failure of meshlint itself fails the run.
      if (m.ruleId === 'internal-error') fatal = true;
      const key = `${m.ruleId}\u0000${uri}\u0000${m.message}`;
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      out.push(toResult(m, uri, base, index.get(m.ruleId), `${key}\u0000${n}`, messages));
    }
  }
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'meshlint',
            version: ctx.version,
            semanticVersion: ctx.version,
            informationUri: HOMEPAGE,
            rules: catalog.map(toDescriptor),
          },
        },
        invocations: [{ executionSuccessful: !fatal }],
        columnKind: 'utf16CodeUnits',
        results: out,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};

function toResult(m: Diagnostic, uri: ArtifactUri, base: string, ruleIndex: number | undefined, fingerprint: string, messages: ReadonlyMap<string, Readonly<Record<string, string>>>): Sarif.Result {
  const result: Sarif.Result = {
    ruleId: m.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: m.severity === 2 ? 'error' : 'warning',
    message: m.messageId ? { text: m.message, id: m.messageId, arguments: messageArguments(m, messages) } : { text: m.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: uri,
          region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
        },
      },
    ],
    // Independent of line numbers, so an alert survives edits above it; the ordinal separates
    // identical findings in one file.
    partialFingerprints: { 'meshlint/v1': createHash('sha256').update(fingerprint).digest('hex').slice(0, 32) },
  };
  if (m.related?.length) {
    result.relatedLocations = m.related.map((r, i) => ({
      id: i + 1,
      message: { text: r.message },
      physicalLocation: { artifactLocation: artifactUri(r.file, base), region: { startLine: r.line, startColumn: r.column } },
    }));
  }
  const edits = m.suggestions?.filter((s) => s.edit) ?? [];
  if (edits.length) {
    result.fixes = edits.map((s) => ({
      description: { text: s.desc },
      artifactChanges: [{ artifactLocation: uri, replacements: [{ deletedRegion: { charOffset: s.edit!.range[0], charLength: s.edit!.range[1] - s.edit!.range[0] }, insertedContent: { text: s.edit!.text } }] }],
    }));
  }
  if (m.suggestions?.length || m.assumptions?.length) {
    const suggestions = m.suggestions?.map((s) => ({ desc: s.desc, fix: s.fix }));
    result.properties = { ...(suggestions?.length ? { suggestions } : {}), ...(m.assumptions?.length ? { assumptions: m.assumptions } : {}) };
  }
  return result;
}

function toDescriptor(r: RuleInfo): Sarif.ReportingDescriptor {
  const full =
    firstParagraph(r.docs, 'What happens at runtime') ??
    (r.builtin && r.docs ? r.docs.split('\n').slice(1).join('\n').trim().split(/\n\s*\n/)[0]?.replace(/\s*\n\s*/g, ' ') : undefined) ??
    r.meta.description;
  const docs = r.docs ? r.docs.trimEnd() : `# ${r.id}\n\n${r.meta.description}`;
  return {
    id: r.id,
    name: ruleName(r.id),
    shortDescription: { text: r.meta.description },
    fullDescription: { text: full },
    helpUri: r.url,
    help: {
      text: `${r.meta.description}\n\nDocumentation: ${r.url}`,
      markdown: `${docs}\n\n[Documentation for ${r.id}](${r.url})\n`,
    },
    defaultConfiguration: { level: r.meta.severity === 'error' ? 'error' : 'warning' },
    properties: { tags: [...(r.meta.tags ?? [])] },
    ...(r.messages && Object.keys(r.messages).length > 0 ? { messageStrings: messageStrings(r.messages) } : {}),
  };
}

type ArtifactUri = Sarif.ArtifactLocation;

/**
 * A file below the base becomes a relative URI (what GitHub matches against the repository);
 * anything else an absolute `file:` URI.
 */
function artifactUri(file: string, base: string): ArtifactUri {
  if (file.startsWith('<')) return { uri: encodeURIComponent(file) };
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(file).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/**
 * SARIF `name`: a readable identifier that must differ from the opaque `id` (the SARIF validator's
 * SARIF1001 compares them ignoring case), so one-word ids get a suffix.
 */
export function ruleName(id: string): string {
  const name = id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
  return name.toLowerCase() === id.toLowerCase() ? `${name}Check` : name;
}

/**
 * The rule's message templates for `message.id` (SARIF 3.11.10): `{{name}}` placeholders become
 * SARIF's numbered `{n}`, in order of first use; results carry the full text, so viewers need no
 * arguments.
 */
/** The values of the message's placeholders, in the order its SARIF message string numbers them. */
function messageArguments(m: Diagnostic, messages: ReadonlyMap<string, Readonly<Record<string, string>>>): string[] {
  const template = messages.get(m.ruleId)?.[m.messageId!] ?? '';
  const names: string[] = [];
  for (const [, name] of template.matchAll(/\{\{\s*([^{}]+?)\s*\}\}/g)) if (!names.includes(name!)) names.push(name!);
  return names.map((n) => String(m.messageData?.[n] ?? ''));
}

function messageStrings(messages: Readonly<Record<string, string>>): Record<string, Sarif.MultiformatMessageString> {
  const out: Record<string, Sarif.MultiformatMessageString> = {};
  for (const [id, template] of Object.entries(messages)) {
    const names: string[] = [];
    const text = template.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (_, name: string) => {
      if (!names.includes(name)) names.push(name);
      return `{${names.indexOf(name)}}`;
    });
    out[id] = { text: text.endsWith('.') ? text : `${text}.` };
  }
  return out;
}
