import { describe, expect, it } from 'vitest';
import { bypasses } from '../rules/deny-path-bypass/index.js';

// The spellings of an exact path that Envoy leaves different under each pathNormalization
// (istio.io reference "Authorization Policy Normalization"; CVE-2021-31920).
describe('deny-path-bypass: bypasses()', () => {
  it.each([
    ['NONE', ['/admin/', '//admin', '/./admin'], ['/admin/users/', '//admin/users', '/admin%2Fusers', '/./admin/users']],
    ['BASE', ['/admin/', '//admin'], ['/admin/users/', '//admin/users', '/admin%2Fusers']],
    ['MERGE_SLASHES', ['/admin/'], ['/admin/users/', '/admin%2Fusers']],
    ['DECODE_AND_MERGE_SLASHES', ['/admin/'], ['/admin/users/']],
  ] as const)('%s', (mode, admin, users) => {
    expect(bypasses('/admin', ['/admin'], mode)).toEqual(admin);
    expect(bypasses('/admin/users', ['/admin/users'], mode)).toEqual(users);
  });
  it('forms another value of the field matches are not bypasses', () => {
    expect(bypasses('/admin', ['/admin', '/admin/*'], 'MERGE_SLASHES')).toEqual([]);
    expect(bypasses('/admin', ['/admin', '/admin/{**}'], 'BASE')).toEqual(['//admin']);
  });
  it('only forms the operation\'s paths admit, for notPaths', () => {
    expect(bypasses('/admin', ['/admin'], 'BASE', ['/api/*'])).toEqual([]);
    expect(bypasses('/api/keys', ['/api/keys'], 'BASE', ['/api/*'])).toEqual(['/api/keys/']);
  });
  it('the root path has no other spelling worth naming', () => {
    expect(bypasses('/', ['/'], 'NONE')).toEqual([]);
  });
});
