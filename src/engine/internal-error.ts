import { errorText } from '../load/parse.js';
import { resourceLabel, type Resource } from '../model/resource.js';
import { MeshMessage } from './diagnostic.js';

/** Where an internal error that belongs to no resource is reported. */
export const INTERNAL_NAME = '<meshlint>';

/**
 * An exception where none should be: named with what failed and the resource it failed on (at
 * that resource's first line). Without a resource, it is reported at the start of `file`, else on a
 * `<meshlint>` pseudo-file.
 */
export function internalError(what: string, err: unknown, resource?: Resource, file?: string): MeshMessage {
  let where = '';
  let loc: Pick<MeshMessage, 'file' | 'start' | 'end'> | undefined;
  try {
    if (resource) {
      where = ` on ${resourceLabel(resource)}`;
      const range = resource.doc.locate(resource.base, 'value');
      loc = { file: resource.doc.file.path, start: range.start, end: range.start };
    }
  } catch {
    // Not a resource after all: report without a place.
  }
  const first = { line: 1, column: 1 };
  return new MeshMessage({
    ruleId: 'internal-error',
    file: loc?.file ?? file ?? INTERNAL_NAME,
    message: `${what} failed${where}: ${safeErrorText(err)}. Please report this; other findings are still shown.`,
    start: loc?.start ?? first,
    end: loc?.end ?? first,
    internal: true,
  });
}

function safeErrorText(err: unknown): string {
  try {
    return errorText(err).split('\n')[0]!;
  } catch {
    return 'an exception that cannot be printed';
  }
}
