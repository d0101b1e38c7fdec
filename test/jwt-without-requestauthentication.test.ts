import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, emptyConfig, loadConfig, type Config } from '../src/config.js';
import { lint } from '../src/engine/lint.js';
import { validateRuleOptions } from '../src/engine/options.js';
import type { MeshReport, Rule } from '../src/engine/rule.js';
import { RULES } from '../src/generated/rules.js';
import { builtin } from './helpers/rules.js';

const ID = 'jwt-without-requestauthentication';
const rule = builtin(ID);

/** The rule, with every messageId it reports added to `seen`. */
function recording(r: Rule, seen: Set<string>): Rule {
  return {
    ...r,
    definition: {
      ...r.definition,
      create: (context) =>
        r.definition.create(
          new Proxy(context, {
            get: (t, k) => (k === 'report' ? (rep: MeshReport) => (seen.add(rep.messageId), t.report(rep)) : Reflect.get(t, k)),
          }),
        ),
    },
  };
}

describe(ID, () => {
  it('every messageId is reported by some fixture', async () => {
    const seen = new Set<string>();
    const dir = join(import.meta.dirname, '..', 'fixtures', ID);
    for (const c of readdirSync(dir)) {
      const cwd = join(dir, c);
      const configFile = join(cwd, '.meshlint.yaml');
      const config = existsSync(configFile) ? loadConfig(configFile) : emptyConfig(cwd);
      await lint({ cwd, patterns: ['.'], config, rules: [recording(rule, seen)] });
    }
    expect([...seen].sort()).toEqual(Object.keys(rule.definition.meta.messages).sort());
  });

  it('ignoreNamespaces must be a list of namespace names', () => {
    const config: Config = { ...emptyConfig(process.cwd()), ruleOptions: { [ID]: [{ ignoreNamespaces: 'legacy' }] } };
    expect(() => validateRuleOptions(config, RULES)).toThrow(ConfigError);
    expect(() => validateRuleOptions(config, RULES)).toThrow(/rules\.jwt-without-requestauthentication\[0\]\.ignoreNamespaces: must be array/);
  });
});
