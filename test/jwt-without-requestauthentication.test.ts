import { describe, expect, it } from 'vitest';
import { ConfigError, emptyConfig, type Config } from '../src/config.js';
import { validateRuleOptions } from '../src/engine/options.js';
import { RULES } from '../src/generated/rules.js';

const ID = 'jwt-without-requestauthentication';

describe(ID, () => {
  it('ignoreNamespaces must be a list of namespace names', () => {
    const config: Config = { ...emptyConfig(process.cwd()), ruleOptions: { [ID]: [{ ignoreNamespaces: 'legacy' }] } };
    expect(() => validateRuleOptions(config, RULES)).toThrow(ConfigError);
    expect(() => validateRuleOptions(config, RULES)).toThrow(/rules\.jwt-without-requestauthentication\[0\]\.ignoreNamespaces: must be array/);
  });
});
