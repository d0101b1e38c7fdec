import { describe, expect, it } from 'vitest';
import { emptyConfig, type Config } from '../src/config.js';
import { validateRuleOptions } from '../src/engine/options.js';
import { RULES } from '../src/generated/rules.js';

const ID = 'waypoint-principal-mismatch';

describe(ID, () => {
  it('takes no options', () => {
    const config: Config = { ...emptyConfig(process.cwd()), ruleOptions: { [ID]: [{}] } };
    expect(() => validateRuleOptions(config, RULES)).toThrow(/rules\.waypoint-principal-mismatch: takes no options, not 1/);
  });
});
