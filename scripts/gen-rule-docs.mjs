// Rewrites the examples of every rule's README from its fixtures, so they cannot drift: between
// `<!-- examples:start -->` and `<!-- examples:end -->` in the `## Examples` section go the YAML of
// one or two firing cases with the diagnostics their expected.out holds (kept current by
// test/fixtures.test.ts), then the YAML of a clean `ok-*` case. A comment before the markers picks
// the cases and, in parentheses, the files to show:
//   <!-- examples: allow-methods-dropped (namespace.yaml, policy.yaml), ok-waypoint-targetrefs -->
// Without it: the first firing case and the first ok-* case, alphabetically, every YAML file.
// test/rule-docs.test.ts fails when a README is stale. Plain file reads, no build needed.
// Run: npm run docs (or node scripts/gen-rule-docs.mjs [--check])
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const START = '<!-- examples:start -->';
export const END = '<!-- examples:end -->';
const SPEC = /<!--\s*examples:\s+([\s\S]*?)-->/;
const NAME = /^[a-z0-9][a-z0-9._-]*$/;
const FILE = /^\.?[A-Za-z0-9][A-Za-z0-9._-]*\.ya?ml$/;

const read = (p) => readFileSync(p, 'utf8').replace(/\r\n?/g, '\n');
const isDir = (p) => existsSync(p) && statSync(p).isDirectory();

/** The diagnostic lines of a case's expected.out (blank lines and `#` comments left out). */
function expectedLines(dir) {
  const p = join(dir, 'expected.out');
  if (!existsSync(p)) return undefined;
  return read(p)
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

/** The YAML files of a case folder, sorted (`.meshlint.yaml` first: it changes what the rest means). */
function yamlFiles(dir) {
  return readdirSync(dir)
    .filter((f) => FILE.test(f) && statSync(join(dir, f)).isFile())
    .sort();
}

/** The `## Examples` section: [start, end) offsets in the README. */
function examplesSection(text) {
  const m = /^## Examples[ \t]*$/m.exec(text);
  if (!m) return undefined;
  const next = /^## /m.exec(text.slice(m.index + m[0].length));
  return [m.index, next ? m.index + m[0].length + next.index : text.length];
}

/**
 * The `<!-- examples: … -->` comment of a README's Examples section: a list of
 * `{ name, files? }`, or undefined when there is none. `case-a (a.yaml, b.yaml), ok-case-b`.
 */
export function parseSpec(text) {
  const section = examplesSection(text);
  if (!section) return undefined;
  const m = SPEC.exec(text.slice(section[0], section[1]));
  if (!m) return undefined;
  const out = [];
  const body = m[1].trim();
  const item = /\s*([^\s,()]+)\s*(?:\(([^)]*)\))?\s*(?:,|$)/y;
  let at = 0;
  while (at < body.length) {
    item.lastIndex = at;
    const e = item.exec(body);
    if (!e || e[0] === '') throw new Error(`cannot read "<!-- examples: ${body} -->" at "${body.slice(at)}"`);
    at = item.lastIndex;
    const name = e[1];
    if (!NAME.test(name)) throw new Error(`"${name}" is not a fixture case name`);
    const files = e[2]
      ?.split(',')
      .map((f) => f.trim())
      .filter(Boolean);
    out.push(files ? { name, files } : { name });
  }
  return out;
}

/**
 * The cases a rule's README shows, checked against the fixtures: 1–2 firing cases (their
 * expected.out reports the rule), then 1–2 clean `ok-*` cases (nothing expected). Each carries
 * its files' text and its diagnostics. Throws, naming the README, when the choice is wrong.
 */
export function resolveCases(id, fixturesDir, spec) {
  const dir = join(fixturesDir, id);
  const where = `rules/${id}/README.md`;
  if (!isDir(dir)) throw new Error(`${where}: fixtures/${id} does not exist`);
  const all = readdirSync(dir)
    .filter((c) => isDir(join(dir, c)))
    .sort();
  const fires = (c) => (expectedLines(join(dir, c)) ?? []).some((l) => l.endsWith(` [${id}]`));
  let chosen = spec;
  if (!chosen) {
    const firing = all.find((c) => !c.startsWith('ok-') && fires(c));
    const clean = all.find((c) => c.startsWith('ok-'));
    chosen = [firing, clean].filter(Boolean).map((name) => ({ name }));
  }
  const cases = chosen.map(({ name, files }) => {
    const caseDir = join(dir, name);
    if (!isDir(caseDir)) throw new Error(`${where}: fixtures/${id}/${name} does not exist`);
    const lines = expectedLines(caseDir);
    if (!lines) throw new Error(`${where}: fixtures/${id}/${name} has no expected.out`);
    const clean = name.startsWith('ok-');
    if (clean && lines.length) throw new Error(`${where}: fixtures/${id}/${name} is an ok-* case but expects diagnostics`);
    if (!clean && !fires(name)) throw new Error(`${where}: fixtures/${id}/${name} does not fire ${id}`);
    const shown = files ?? yamlFiles(caseDir);
    if (!shown.length) throw new Error(`${where}: fixtures/${id}/${name} names no file to show`);
    for (const f of shown) {
      if (!FILE.test(f) || !existsSync(join(caseDir, f))) throw new Error(`${where}: fixtures/${id}/${name}/${f} is not a YAML file of the case`);
    }
    if (new Set(shown).size !== shown.length) throw new Error(`${where}: fixtures/${id}/${name} names a file twice`);
    const hidden = yamlFiles(caseDir).filter((f) => !shown.includes(f));
    return { name, clean, files: shown.map((f) => ({ name: f, text: read(join(caseDir, f)) })), hidden, lines };
  });
  const firing = cases.filter((c) => !c.clean).length;
  const clean = cases.length - firing;
  if (firing < 1 || firing > 2) throw new Error(`${where}: show one or two firing cases of fixtures/${id}, not ${firing}`);
  if (clean < 1 || clean > 2) throw new Error(`${where}: show one or two ok-* cases of fixtures/${id}, not ${clean}`);
  if (cases.findIndex((c) => c.clean) < firing) throw new Error(`${where}: list the firing cases before the ok-* cases`);
  return cases;
}

/** A fenced block whose fence no backtick run of the text can close. */
function fence(lang, text) {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang}\n${text.replace(/\n+$/, '')}\n${f}`;
}

/** The generated Markdown for a rule's cases (what goes between the markers). */
export function renderExamples(id, cases) {
  const parts = [];
  for (const c of cases) {
    // A plain path, not a link: --explain prints this Markdown as it is.
    parts.push(`${c.clean ? 'Correct' : 'Incorrect'} (fixtures/${id}/${c.name}):`);
    for (const f of c.files) parts.push(`\`${f.name}\`:`, fence('yaml', f.text));
    // Say what the case holds besides, so a diagnostic in a file not shown is not a surprise.
    if (c.hidden.length) parts.push(`Also in the case, not shown: ${c.hidden.map((f) => `\`${f}\``).join(', ')}.`);
    parts.push(c.clean ? 'meshlint reports nothing for this rule.' : 'meshlint reports:', ...(c.clean ? [] : [fence('text', c.lines.join('\n'))]));
  }
  return parts.join('\n\n');
}

/** The README with its examples block regenerated; throws when the markers are missing or misplaced. */
export function updateReadme(text, id, fixturesDir) {
  const section = examplesSection(text);
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  if (!section || a === -1 || b === -1 || b < a || a < section[0] || b > section[1]) {
    throw new Error(`rules/${id}/README.md has no ${START} … ${END} block in its "## Examples" section`);
  }
  if (text.indexOf(START, a + 1) !== -1 || text.indexOf(END, b + 1) !== -1) throw new Error(`rules/${id}/README.md has more than one examples block`);
  const cases = resolveCases(id, fixturesDir, parseSpec(text));
  return `${text.slice(0, a + START.length)}\n\n${renderExamples(id, cases)}\n\n${text.slice(b)}`;
}

/** Rule folders that have a README, sorted. */
export function ruleIds(rulesDir) {
  return readdirSync(rulesDir)
    .filter((d) => existsSync(join(rulesDir, d, 'README.md')))
    .sort();
}

function main() {
  const check = process.argv.includes('--check');
  const rulesDir = join(root, 'rules');
  const fixturesDir = join(root, 'fixtures');
  const stale = [];
  const errors = [];
  for (const id of ruleIds(rulesDir)) {
    const p = join(rulesDir, id, 'README.md');
    const text = readFileSync(p, 'utf8');
    let next;
    try {
      next = updateReadme(text, id, fixturesDir);
    } catch (e) {
      errors.push(e instanceof Error ? e.message : String(e));
      continue;
    }
    if (next === text) continue;
    stale.push(id);
    if (!check) writeFileSync(p, next);
  }
  for (const e of errors) console.error(e);
  if (check && stale.length) console.error(`stale examples in: ${stale.join(', ')}. Run npm run docs.`);
  else console.log(`rule READMEs: ${stale.length} ${check ? 'stale' : 'rewritten'}`);
  if (errors.length || (check && stale.length)) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
