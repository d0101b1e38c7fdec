import { describe, expect, it } from 'vitest';
import type { Config } from '../src/config.js';
import { ruleOptions, validateRuleOptions } from '../src/engine/options.js';
import { RULES } from '../src/generated/rules.js';

// The options of the mTLS rules that take some (source-identity-without-mtls, knative-webhook-strict-mtls):
// defaults, merging, and a bad value as a configuration error naming the option. Their effect on
// findings is in the fixtures (options-*).
const config = (ruleOptions: Record<string, unknown[]>) => ({ file: '.meshlint.yaml', ruleOptions }) as unknown as Config;
const rule = (id: string) => RULES.find((r) => r.id === id)!;

describe('source-identity-without-mtls options', () => {
  it('ignoreNamespaces defaults to none', () => {
    expect(ruleOptions(rule('source-identity-without-mtls'), config({}))).toEqual([{ ignoreNamespaces: [] }]);
    expect(ruleOptions(rule('source-identity-without-mtls'), config({ 'source-identity-without-mtls': [{ ignoreNamespaces: ['legacy'] }] }))).toEqual([{ ignoreNamespaces: ['legacy'] }]);
  });

  it('rejects a non-string namespace and unknown keys', () => {
    expect(() => validateRuleOptions(config({ 'source-identity-without-mtls': [{ ignoreNamespaces: ['legacy', 1] }] }), RULES)).toThrow(/rules\.source-identity-without-mtls\[0\]\.ignoreNamespaces\.1: must be string/);
    expect(() => validateRuleOptions(config({ 'source-identity-without-mtls': [{ ignoreNamespace: ['legacy'] }] }), RULES)).toThrow(/additional properties \("ignoreNamespace"\)/);
  });
});

describe('knative-webhook-strict-mtls options', () => {
  it('systemNamespace defaults to knative-serving', () => {
    expect(ruleOptions(rule('knative-webhook-strict-mtls'), config({}))).toEqual([{ systemNamespace: 'knative-serving' }]);
  });

  it('rejects an empty or non-string namespace', () => {
    expect(() => validateRuleOptions(config({ 'knative-webhook-strict-mtls': [{ systemNamespace: '' }] }), RULES)).toThrow(/rules\.knative-webhook-strict-mtls\[0\]\.systemNamespace/);
    expect(() => validateRuleOptions(config({ 'knative-webhook-strict-mtls': [{ systemNamespace: 3 }] }), RULES)).toThrow(/systemNamespace: must be string/);
  });
});

describe('rules without options', () => {
  it.each(['automtls-missing-destinationrule', 'tls-mode-conflict'])('%s takes none', (id) => {
    expect(() => validateRuleOptions(config({ [id]: [{}] }), RULES)).toThrow(new RegExp(`rules\\.${id}: takes no options`));
  });
});
