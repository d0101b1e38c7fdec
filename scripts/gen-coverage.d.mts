// Types of scripts/gen-coverage.mjs, for test/coverage.test.ts.
export interface CoverageRule {
  id: string;
  aliases?: readonly string[];
  builtin: boolean;
}
export interface CatalogueCode {
  code: string;
  name?: string;
  title?: string;
  why?: string;
}
export interface Catalogue {
  file: string;
  prefix: string;
  heading: string;
  source: string;
  codes: CatalogueCode[];
}
export const CATALOGUES: ReadonlyArray<{ file: string; prefix: string; heading: string; source: string }>;
export function readCatalogues(dir?: string): Catalogue[];
export function rulesByCode(rules: readonly CoverageRule[]): Map<string, CoverageRule[]>;
export function renderCoverage(rules: readonly CoverageRule[], catalogues: readonly Catalogue[]): string;
export function coverageProblems(rules: readonly CoverageRule[], catalogues: readonly Catalogue[]): string[];
