import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { AMBIENT_SHOP, cli, tempTree } from './helpers/run-cli.js';

const RULE = 'ztunnel-l7-policy';

/** The shop setup with its finding in `<dir>/policy.yaml`, plus whatever else is given. */
function shop(prefix: string, extra: Record<string, string> = {}): Record<string, string> {
  return { ...Object.fromEntries(Object.entries(AMBIENT_SHOP).map(([k, v]) => [`${prefix}${k}`, v])), ...extra };
}

async function severityIn(dir: string, file: string, args: string[] = []): Promise<string> {
  const r = await cli([...args, '--print-config', file], { cwd: dir });
  expect(r.code, r.err).toBe(0);
  return (JSON.parse(r.out) as { rules: Record<string, string> }).rules[RULE]!;
}

async function findings(dir: string, args: string[] = []): Promise<string[]> {
  const r = await cli(['-f', 'json', ...args, '.'], { cwd: dir });
  expect(r.err).toBe('');
  const results = JSON.parse(r.out) as Array<{ filePath: string; messages: Array<{ ruleId: string; severity: number }> }>;
  return results.flatMap((f) => f.messages.map((m) => `${f.filePath.slice(dir.length + 1)} ${m.ruleId} ${m.severity}`));
}

describe('precedence: defaults < rules < overrides < --rule', () => {
  const config = [
    'rules:',
    `  ${RULE}: warn`,
    'overrides:',
    '  - files: ["strict/**"]',
    `    rules: { ${RULE}: error }`,
    '  - files: ["*.legacy.yaml"]',
    `    rules: { ${RULE}: off }`,
    '',
  ].join('\n');

  it('resolves a rule per file', async () => {
    const dir = tempTree({ '.meshlint.yaml': config });
    const none = tempTree({});
    expect(await severityIn(none, 'a.yaml', ['--no-config-lookup'])).toBe('error'); // the rule's default
    expect(await severityIn(dir, 'a.yaml')).toBe('warn'); // rules
    expect(await severityIn(dir, 'strict/x/a.yaml')).toBe('error'); // an override
    expect(await severityIn(dir, 'strict/old.legacy.yaml')).toBe('off'); // the later override wins
    expect(await severityIn(dir, 'strict/a.yaml', ['--rule', `${RULE}:warn`])).toBe('warn'); // the command line wins
    expect(await severityIn(dir, 'a.legacy.yaml', ['--rule', `${RULE}:error`])).toBe('error');
  });

  it('applies the same order when linting', async () => {
    const dir = tempTree({
      '.meshlint.yaml': config,
      ...shop('loose/'),
      ...shop('strict/'),
      'strict/p.legacy.yaml': AMBIENT_SHOP['policy.yaml']!.replace('cart-get-only', 'legacy'),
    });
    expect(await findings(dir)).toEqual(['loose/policy.yaml ztunnel-l7-policy 1', 'strict/policy.yaml ztunnel-l7-policy 2']);
    expect(await findings(dir, ['--rule', `${RULE}:warn`])).toEqual([
      'loose/policy.yaml ztunnel-l7-policy 1',
      'strict/p.legacy.yaml ztunnel-l7-policy 1',
      'strict/policy.yaml ztunnel-l7-policy 1',
    ]);
    expect(await findings(dir, ['--rule', `${RULE}:off`])).toEqual([]);
    // Warnings alone exit 0; an error from an override exits 1.
    expect((await cli(['loose'], { cwd: dir })).code).toBe(0);
    expect((await cli(['strict'], { cwd: dir })).code).toBe(1);
  });

  it('finds .meshlint.yml upward, and --no-config-lookup / --config decide which file counts', async () => {
    const dir = tempTree({ '.meshlint.yml': `rules:\n  ${RULE}: warn\n`, 'other.yaml': `rules:\n  ${RULE}: off\n`, ...shop('deep/er/') });
    const sub = join(dir, 'deep');
    expect(await findings(sub)).toEqual(['er/policy.yaml ztunnel-l7-policy 1']);
    expect(await findings(sub, ['--no-config-lookup'])).toEqual(['er/policy.yaml ztunnel-l7-policy 2']);
    expect(await findings(sub, ['--config', '../other.yaml'])).toEqual([]);
    const printed = JSON.parse((await cli(['--print-config', 'er/policy.yaml'], { cwd: sub })).out) as { configFile: string; file: string };
    expect(printed.configFile).toBe(join(dir, '.meshlint.yml'));
    expect(printed.file).toBe(join(sub, 'er/policy.yaml'));
  });
});

describe('ignorePatterns', () => {
  it('are relative to the config file, not to the working directory', async () => {
    const dir = tempTree({
      'repo/.meshlint.yaml': 'ignorePatterns:\n  - generated/\n  - "/top-only.yaml"\n',
      ...shop('repo/generated/'),
      ...shop('repo/app/'),
      ...shop('repo/app/generated/'),
      'repo/top-only.yaml': AMBIENT_SHOP['policy.yaml']!.replace('cart-get-only', 'top'),
      'repo/app/top-only.yaml': AMBIENT_SHOP['policy.yaml']!.replace('cart-get-only', 'nested'),
    });
    const app = join(dir, 'repo', 'app');
    // Run from a subfolder: "generated/" still matches at any depth, "/top-only.yaml" only at the config's folder.
    const r = await cli(['-f', 'json', '.', '../top-only.yaml'], { cwd: app });
    const files = (JSON.parse(r.out) as Array<{ filePath: string }>).map((f) => f.filePath.slice(dir.length + 1)).sort();
    expect(files).toEqual(['repo/app/namespace.yaml', 'repo/app/policy.yaml', 'repo/app/top-only.yaml', 'repo/app/workloads.yaml']);
    // From the config's own folder the anchored pattern applies to the top file.
    const top = await cli(['-f', 'json', '.'], { cwd: join(dir, 'repo') });
    const topFiles = (JSON.parse(top.out) as Array<{ filePath: string }>).map((f) => f.filePath.slice(dir.length + 6)).sort();
    expect(topFiles).toEqual(['app/namespace.yaml', 'app/policy.yaml', 'app/top-only.yaml', 'app/workloads.yaml']);
  });
});

describe('invalid configuration: exit 2, naming the file and the key', () => {
  const cases: Array<[string, string, RegExp[]]> = [
    ['unknown key', 'rulez:\n  x: warn\n', [/\.meshlint\.yaml: invalid configuration:/, /rulez: unknown key/]],
    ['bad severity', `rules:\n  ${RULE}: loud\n`, [new RegExp(`rules\\.${RULE}: must be one of off, warn, error, 0, 1, 2`)]],
    ['bad rule id', 'rules:\n  Bad_Id: warn\n', [/rules\.Bad_Id: not a rule id/]],
    ['unknown rule', 'rules:\n  ztunnel-l7-polcy: warn\n', [/\.meshlint\.yaml: unknown rule "ztunnel-l7-polcy" \(did you mean "ztunnel-l7-policy"\?\)/]],
    ['override without files', 'overrides:\n  - rules: {}\n', [/overrides\.0: must have required property 'files'/]],
    ['unknown rule in an override', `overrides:\n  - files: ["*"]\n    rules: { nope: off }\n`, [/unknown rule "nope"/]],
    ['wrong mesh type', 'mesh:\n  enableAutoMtls: "yes"\n  rootNamespace: ""\n', [/mesh\.enableAutoMtls: must be boolean/, /mesh\.rootNamespace: must NOT have fewer than 1 characters/]],
    ['not YAML', 'rules: [\n', [/\.meshlint\.yaml:2:1: the configuration is not valid YAML/]],
    ['bad pathNormalization', 'mesh:\n  pathNormalization: STRICT\n  trustDomainAliases: old\n', [/mesh\.pathNormalization: must be one of NONE, BASE, MERGE_SLASHES, DECODE_AND_MERGE_SLASHES, DEFAULT/, /mesh\.trustDomainAliases: must be array/]],
  ];
  for (const [name, text, patterns] of cases) {
    it(name, async () => {
      const dir = tempTree({ '.meshlint.yaml': text, ...AMBIENT_SHOP });
      const r = await cli(['.'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain(join(dir, '.meshlint.yaml'));
      for (const p of patterns) expect(r.err).toMatch(p);
    });
  }

  it('a missing --config file', async () => {
    const dir = tempTree(AMBIENT_SHOP);
    const r = await cli(['--config', 'nope.yaml', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nope\.yaml: cannot read the configuration/);
  });
});

describe('mesh settings of issue 13', () => {
  it('pathNormalization (either form), trustDomainAliases and the multiple-CUSTOM flag from .meshlint.yaml; the CLI flags win', async () => {
    const dir = tempTree({
      '.meshlint.yaml': 'mesh:\n  pathNormalization: {normalization: MERGE_SLASHES}\n  trustDomainAliases: [old-td]\n  multipleCustomAuthzProviders: true\n',
      ...AMBIENT_SHOP,
    });
    const printed = async (args: string[]) => {
      const r = await cli([...args, '--print-config', 'policy.yaml'], { cwd: dir });
      expect(r.code, r.err).toBe(0);
      return (JSON.parse(r.out) as { mesh: Record<string, unknown> }).mesh;
    };
    expect(await printed([])).toMatchObject({ pathNormalization: 'MERGE_SLASHES', trustDomainAliases: ['old-td'], multipleCustomAuthzProviders: true });
    expect(await printed(['--path-normalization', 'decode_and_merge_slashes', '--trust-domain-alias', 'a', '--trust-domain-alias', 'b'])).toMatchObject({
      pathNormalization: 'DECODE_AND_MERGE_SLASHES',
      trustDomainAliases: ['a', 'b'],
    });
    const bad = await cli(['--path-normalization', 'strict', '.'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--path-normalization takes NONE, BASE, MERGE_SLASHES, DECODE_AND_MERGE_SLASHES, not "strict"');
  });
});

describe('the JSON Schema shipped for editors', () => {
  it('accepts a full example and is the one the loader validates with', () => {
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'schema', 'meshlint.schema.json'), 'utf8'));
    const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof AjvModule.default;
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const example = parse(
      [
        '$schema: ./node_modules/meshlint/schema/meshlint.schema.json',
        'rules:',
        `  ${RULE}: warn`,
        '  schema: 1',
        'ignorePatterns: [vendor/]',
        'mesh: { rootNamespace: istio-system, trustDomain: cluster.local, enableAutoMtls: true, pathNormalization: MERGE_SLASHES, trustDomainAliases: [old.example], multipleCustomAuthzProviders: false }',
        'overrides:',
        '  - files: ["legacy/**"]',
        `    rules: { ${RULE}: off }`,
      ].join('\n'),
    );
    expect(validate(example)).toBe(true);
    expect(validate({ rules: { [RULE]: 'loud' } })).toBe(false);
  });
});
