import type { RuleMeta } from './rule.js';

/** Diagnostics the engine itself produces; documented in docs/diagnostics.md. */
export const BUILTIN: Record<string, RuleMeta> = {
  'yaml-syntax': { description: 'A document is not valid YAML; it is skipped, the rest of the file is linted.', severity: 'error', tags: ['input'] },
  schema: { description: 'A resource breaks its kind\'s schema (Istio CRDs), or a document is not a Kubernetes object.', severity: 'error', aliases: ['IST0002', 'IST0106', 'IST0133'], tags: ['input'] },
  'duplicate-resource': { description: 'Two objects of the same API group, kind, namespace and name: the one applied last replaces the other.', severity: 'warn', tags: ['input'] },
  'empty-file': { description: 'A file holds no Kubernetes object (empty, only comments, or only empty documents).', severity: 'warn', tags: ['input'] },
  'unreadable-file': { description: 'A file or folder cannot be read (permissions, binary content, not UTF-8, too large).', severity: 'error', tags: ['input'] },
  'unused-disable-directive': { description: 'A meshlint-disable comment or meshlint.io/ignore annotation silences nothing (reported with --report-unused-disable-directives).', severity: 'error', tags: ['suppression'] },
  'internal-error': { description: 'A rule failed on a resource; the run is incomplete (exit code 2).', severity: 'error', tags: ['internal'] },
};

export const BUILTIN_DOCS = 'https://github.com/meshlint/meshlint/blob/main/docs/diagnostics.md';

export function builtinUrl(id: string): string {
  return `${BUILTIN_DOCS}#${id}`;
}
