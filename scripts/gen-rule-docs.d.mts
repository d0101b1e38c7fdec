// Types of scripts/gen-rule-docs.mjs, for test/rule-docs.test.ts.
export interface CaseSpec {
  name: string;
  files?: string[];
}
export interface ExampleCase {
  name: string;
  clean: boolean;
  files: { name: string; text: string }[];
  /** The case's other YAML files. */
  hidden: string[];
  lines: string[];
}
export const START: string;
export const END: string;
export function parseSpec(text: string): CaseSpec[] | undefined;
export function resolveCases(id: string, fixturesDir: string, spec: CaseSpec[] | undefined): ExampleCase[];
export function renderExamples(id: string, cases: ExampleCase[]): string;
export function updateReadme(text: string, id: string, fixturesDir: string): string;
export function ruleIds(rulesDir: string): string[];
