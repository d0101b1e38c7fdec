import { describe, expect, it } from 'vitest';
import { ConfigError, emptyConfig, type Config } from '../src/config.js';
import { validateRuleOptions } from '../src/engine/options.js';
import { runRules } from '../src/engine/run-rules.js';
import { RULES } from '../src/generated/rules.js';
import { deployment, modelOf, ns, policy } from './helpers/model.js';
import { builtin } from './helpers/rules.js';

const ID = 'principal-never-matches';
const rule = builtin(ID);

describe(ID, () => {
  const YAML = `${ns('shop', { 'istio-injection': 'enabled' })}${ns('web', { 'istio-injection': 'enabled' })}${deployment('cart', 'shop')}${deployment('frontend', 'web', { sa: 'frontend' })}${policy(
    'p',
    'shop',
    `rules:\n- from:\n  - source:\n      principals: ["old.example.org/ns/web/sa/reports", "new.example.org/ns/web/sa/batch-1"]\n  - source:\n      serviceAccounts: ["web/reports"]`,
  )}`;

  async function run(options: unknown[]): Promise<string[]> {
    const model = await modelOf(YAML, { trustDomain: 'new.example.org', trustDomainAliases: ['old.example.org'] });
    return runRules(model, [{ rule, options }], process.cwd()).map((d) => `${d.messageId}: ${d.message}`);
  }

  it('knownPrincipals: written in any local trust domain, and as patterns', async () => {
    expect(await run([])).toHaveLength(3);
    expect(await run([{ knownPrincipals: ['cluster.local/ns/web/sa/reports', 'cluster.local/ns/web/sa/batch-*'], ignoreNamespaces: [] }])).toEqual([]);
    // A known pattern covers a principal entry written in another local trust domain.
    expect(await run([{ knownPrincipals: ['old.example.org/ns/web/*'], ignoreNamespaces: [] }])).toEqual([]);
    // A known identity of another trust domain is another identity.
    expect(await run([{ knownPrincipals: ['other.example.org/ns/web/sa/reports'], ignoreNamespaces: [] }])).toHaveLength(3);
  });

  it('ignoreNamespaces: the policies of those namespaces are not checked', async () => {
    expect(await run([{ knownPrincipals: [], ignoreNamespaces: ['shop'] }])).toEqual([]);
    expect(await run([{ knownPrincipals: [], ignoreNamespaces: ['web'] }])).toHaveLength(3);
  });

  it('a bad option is a configuration error naming the rule and the option', () => {
    const config: Config = { ...emptyConfig(process.cwd()), ruleOptions: { [ID]: [{ knownPrincipals: 'x', ignoreNamespace: [] }] } };
    expect(() => validateRuleOptions(config, RULES)).toThrow(ConfigError);
    expect(() => validateRuleOptions(config, RULES)).toThrow(/rules\.principal-never-matches\[0\]\.knownPrincipals: must be array/);
    expect(() => validateRuleOptions(config, RULES)).toThrow(/"ignoreNamespace"/);
  });
});
