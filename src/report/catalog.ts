import { BUILTIN, builtinUrl } from '../engine/builtin.js';
import type { Rule, RuleMeta } from '../engine/rule.js';
import { BUILTIN_DOCS_TEXT, RULE_DOCS } from '../generated/docs.js';

/** What a report needs to know about one rule or built-in diagnostic. */
export interface RuleInfo {
  id: string;
  meta: RuleMeta;
  url: string;
  /** The rule's documentation page (Markdown), when there is one. */
  docs?: string;
  /** The rule's message templates by messageId (none for built-in diagnostics). */
  messages?: Readonly<Record<string, string>>;
  builtin: boolean;
}

/** Every rule, then every built-in diagnostic, in a fixed order. */
export function ruleCatalog(rules: readonly Rule[]): RuleInfo[] {
  const out: RuleInfo[] = rules.map((r) => ({ id: r.id, meta: r.meta, url: r.url, docs: RULE_DOCS[r.id], messages: r.definition.meta.messages, builtin: false }));
  const sections = BUILTIN_DOCS_TEXT.split(/^## /m);
  for (const [id, meta] of Object.entries(BUILTIN)) {
    if (out.some((r) => r.id === id)) continue;
    const section = sections.find((s) => s.startsWith(`${id}\n`));
    out.push({ id, meta, url: builtinUrl(id), docs: section ? `## ${section.trimEnd()}\n` : undefined, builtin: true });
  }
  return out;
}

/** The first paragraph of a Markdown section (`## heading`), as one line of text. */
export function firstParagraph(markdown: string | undefined, heading: string): string | undefined {
  if (!markdown) return undefined;
  const at = markdown.search(new RegExp(`^## ${heading}\\s*$`, 'm'));
  if (at === -1) return undefined;
  const body = markdown.slice(at).split('\n').slice(1).join('\n').trimStart();
  const para = body.split(/\n\s*\n/)[0]?.trim();
  if (!para || para.startsWith('#')) return undefined;
  return para.replace(/\s*\n\s*/g, ' ');
}
