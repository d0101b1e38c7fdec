import { resolve } from 'node:path';
import type { Command } from 'commander';
import { buildGraph, formatDot, formatJson, formatMermaid, type AccessGraph, type GroupBy } from '../graph/graph.js';
import { formatHtml } from '../graph/html.js';
import { writeOutput, type Io } from './io.js';
import { loadModel, type ModelFlags } from './model-input.js';
import { addMeshOptions, UsageError } from './options.js';

interface GraphFlags extends ModelFlags {
  format: string;
  outputFile?: string;
  groupBy: string;
  namespace: string[];
  from: string[];
  to: string[];
  expand?: boolean;
}

const FORMATS: Record<string, (g: AccessGraph) => string> = { json: formatJson, mermaid: formatMermaid, dot: formatDot, html: (g) => formatHtml(g) };
const HTML_EDGES = 3000;
const GROUPS: readonly GroupBy[] = ['workload', 'namespace', 'identity'];

async function graphCommand(paths: string[], flags: GraphFlags, io: Io): Promise<number> {
  const formatter = FORMATS[flags.format];
  if (!formatter) throw new UsageError(`unknown format "${flags.format}"; use ${Object.keys(FORMATS).join(', ')}`);
  if (!GROUPS.includes(flags.groupBy as GroupBy)) throw new UsageError(`--group-by takes ${GROUPS.join(', ')}, not "${flags.groupBy}"`);
  const loaded = await loadModel(paths, flags, io, io.cwd, 'no graph');
  if ('code' in loaded) return loaded.code;
  const graph = buildGraph(loaded.model, io.cwd, { groupBy: flags.groupBy as GroupBy, namespaces: flags.namespace, from: flags.from, to: flags.to, expand: flags.expand });
  if (flags.from.length > 0 && !graph.edges.some((e) => e.from !== '*')) throw new UsageError(`--from ${flags.from.join(', ')} matches no caller of the input (give NAMESPACE/KIND/NAME, a namespace, a name, or external)`);
  if (flags.to.length > 0 && graph.edges.length === 0) throw new UsageError(`--to ${flags.to.join(', ')} matches no target of the input (give NAMESPACE/service/NAME, a namespace or a name)`);
  if (loaded.loadErrors.length > 0) io.err(`meshlint: warning: incomplete input: the graph ignores ${loaded.loadErrors.length} error(s) in the input (--ignore-load-errors)\n`);
  // The page lays the graph out in the browser: past a few thousand edges that takes long.
  if (flags.format === 'html' && graph.edges.length > HTML_EDGES) {
    io.err(`meshlint: note: the graph has ${graph.edges.length} edges; a browser lays out a few thousand comfortably. Narrow it with --namespace, --from, --to or --group-by namespace.\n`);
  }
  const text = formatter(graph);
  if (flags.outputFile) writeOutput(resolve(io.cwd, flags.outputFile), text);
  else io.out(text);
  return 0;
}

const collect = (v: string, prev: string[]) => [...prev, v];

/** `meshlint graph`: who may call whom, for every workload and Service port of the input. */
export function addGraph(program: Command, io: Io, setCode: (code: number) => void): void {
  const cmd = program
    .command('graph')
    .description('draw who may call whom: every workload (and external) against every Service port, as check-access decides')
    .argument('[paths...]', 'manifest files and folders (default: .)')
    .option('-f, --format <format>', 'json, html, mermaid or dot', 'json')
    .option('-o, --output-file <file>', 'write the graph to a file')
    .option('--group-by <what>', 'callers as workload, namespace or identity nodes', 'workload')
    .option('--namespace <ns>', 'only edges from or to this namespace; repeatable', collect, [])
    .option('--from <caller>', 'only edges from these callers (NAMESPACE/KIND/NAME, a glob of it, a namespace, a name, or external); repeatable', collect, [])
    .option('--to <target>', 'only edges to these targets (NAMESPACE/service/NAME, a glob of it, a namespace or a name); repeatable', collect, [])
    .option('--expand', 'one edge per caller: no `*` edge for the callers a target decides alike (small inputs)')
    .option('--ignore-load-errors', 'draw even when some of the input does not load');
  addMeshOptions(cmd);
  cmd.action(async (paths: string[], flags: GraphFlags) => {
    setCode(await graphCommand(paths, flags, io));
  });
}
