import { BUILTIN, builtinUrl } from '../engine/builtin.js';
import type { Rule } from '../engine/rule.js';
import { BUILTIN_DOCS_TEXT, RULE_DOCS } from '../generated/docs.js';
import { closest } from '../util/text.js';
import { UsageError } from './options.js';

export function knownRuleIds(rules: readonly Rule[]): string[] {
  return [...Object.keys(BUILTIN), ...rules.map((r) => r.id)];
}

/** One line of `--list-rules --format json`. */
export interface RuleListing {
  id: string;
  aliases: string[];
  defaultSeverity: 'off' | 'warn' | 'error';
  description: string;
  url: string;
  builtin: boolean;
}

export function ruleListings(rules: readonly Rule[]): RuleListing[] {
  return [
    ...rules.map((r) => ({ id: r.id, aliases: [...(r.meta.aliases ?? [])], defaultSeverity: r.meta.severity, description: r.meta.description, url: r.url, builtin: false })),
    ...Object.entries(BUILTIN).map(([id, m]) => ({ id, aliases: [...(m.aliases ?? [])], defaultSeverity: m.severity, description: m.description, url: builtinUrl(id), builtin: true })),
  ];
}

/** `--list-rules`: a table, or with `--format json` the listings. Other formats have no list of their own. */
export function listRules(rules: readonly Rule[], format: string | undefined): string {
  const listings = ruleListings(rules);
  if (format === 'json') return `${JSON.stringify(listings, null, 2)}\n`;
  if (format !== undefined && format !== 'stylish') throw new UsageError(`--list-rules prints stylish or json, not "${format}"`);
  const rows = listings.map((l) => [l.id, l.defaultSeverity, l.builtin ? `${l.description} (built in)` : l.description]);
  const w = Math.max(...rows.map((r) => r[0]!.length));
  return `${rows.map(([id, sev, desc]) => `${id!.padEnd(w)}  ${sev!.padEnd(5)}  ${desc}`).join('\n')}\n`;
}

const CODE = /^(IST|KIA)\d{4}$/i;

/**
 * `--explain <id>`: a rule's page. An istioctl or Kiali code (`IST0127`, `KIA0004`) stands for the
 * rules whose `aliases` list it: one rule, its page; several, a list of them.
 */
export function explain(id: string, rules: readonly Rule[]): string {
  if (CODE.test(id)) return explainCode(id.toUpperCase(), rules);
  // The docs' generator markers are HTML comments: noise in a terminal.
  if (RULE_DOCS[id]) return RULE_DOCS[id]!.replace(/<!--[\s\S]*?-->\n?/g, '');
  const rule = rules.find((r) => r.id === id);
  if (rule) return pluginRuleDocs(rule);
  if (id in BUILTIN) return builtinDocs(id);
  const near = closest(id, knownRuleIds(rules));
  throw new UsageError(`unknown rule "${id}"${near ? ` (did you mean "${near}"?)` : ''}`);
}

function explainCode(code: string, rules: readonly Rule[]): string {
  const covering = ruleListings(rules).filter((l) => l.aliases.includes(code));
  if (covering.length === 0) throw new UsageError(`unknown rule "${code}": no meshlint rule lists this code; docs/coverage.md says why`);
  if (covering.length === 1) return `${code} is covered by meshlint rule ${covering[0]!.id}.\n\n${explain(covering[0]!.id, rules)}`;
  const w = Math.max(...covering.map((l) => l.id.length));
  const lines = covering.map((l) => `  ${l.id.padEnd(w)}  ${l.description}${l.builtin ? ' (built in)' : ''}`);
  return `${code} is covered by meshlint rules ${covering.map((l) => l.id).join(', ')}:\n${lines.join('\n')}\n\nRun meshlint --explain <rule> for a rule's page.\n`;
}

function builtinDocs(id: string): string {
  const section = BUILTIN_DOCS_TEXT.split(/^## /m).find((s) => s.startsWith(id));
  return section ? `## ${section}` : `${id}: ${BUILTIN[id]!.description}\n`;
}

/** A plugin rule's page, from its meta: what it finds, its severity, messages and options. */
function pluginRuleDocs(rule: Rule): string {
  const m = rule.definition.meta;
  const off = m.docs.recommended === false;
  const lines = [`# ${rule.id}`, '', `> ${m.docs.description}`, '', `Default severity: **${off ? 'off' : m.defaultSeverity === 'warn' ? 'warning' : 'error'}**${off ? ` (${m.defaultSeverity === 'warn' ? 'a warning' : 'an error'} once turned on)` : ''}.`];
  if (rule.url) lines.push('', `Documentation: ${rule.url}`);
  lines.push('', '## Messages', '', ...Object.entries(m.messages).map(([id, text]) => `- \`${id}\`: ${text}`));
  if (m.schema.length > 0) lines.push('', '## Options', '', '```json', JSON.stringify(m.schema, null, 2), '```', '', `Defaults: \`${JSON.stringify(m.defaultOptions ?? [])}\``);
  return `${lines.join('\n')}\n`;
}
