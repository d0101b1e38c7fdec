import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFixtures, readExpected, runFixture } from './helpers/fixtures.js';

// Each fixture folder is a specification: its YAML and, in expected.out, the diagnostics it must
// produce (nothing, for a clean case). `npm run fixtures:update` rewrites expected.out from the
// current output, for review in the diff.
const update = process.env.UPDATE_FIXTURES === '1';

describe('fixtures', () => {
  for (const c of listFixtures()) {
    it(c.name, async () => {
      const actual = await runFixture(c);
      if (update) {
        writeFileSync(join(c.dir, 'expected.out'), actual.length ? `${actual.join('\n')}\n` : '');
        return;
      }
      const expected = readExpected(c);
      expect(expected, `${c.name} has no expected.out`).toBeDefined();
      expect(actual).toEqual(expected);
    });
  }
});
