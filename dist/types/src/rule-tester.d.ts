import { type MeshRule } from './engine/rule.js';
import type { MeshSettings } from './model/mesh.js';
/** The input of a case: one YAML text (`code`, linted as `input.yaml`), or several files by name. */
export type CaseInput = {
    code: string;
    files?: undefined;
} | {
    files: Record<string, string>;
    code?: undefined;
};
export type ValidCase = CaseInput & {
    name?: string;
    /** The rule's options (as after the severity in `rules: { id: [error, …options] }`). */
    options?: unknown[];
    /** Mesh settings (`.meshlint.yaml` `mesh`). */
    mesh?: Partial<MeshSettings>;
};
export interface ExpectedError {
    messageId?: string;
    /** With `messageId`: the placeholders' values; the message must be the template filled with them. */
    data?: Record<string, string | number | boolean>;
    /** The whole message, or a pattern it must match. */
    message?: string | RegExp;
    line?: number;
    column?: number;
    endLine?: number;
    endColumn?: number;
    /** The file the error is in, for multi-file cases (as named in `files`). */
    file?: string;
    severity?: 1 | 2;
}
export type InvalidCase = ValidCase & {
    /** The errors in order (file, line, column), or how many there are. */
    errors: ExpectedError[] | number;
};
type TestFn = (name: string, fn: () => Promise<void> | void) => unknown;
/** Runs a rule over cases. Set `RuleTester.describe`/`RuleTester.it` when the framework has no globals. */
export declare class RuleTester {
    private readonly defaults;
    static describe: TestFn | undefined;
    static it: TestFn | undefined;
    constructor(defaults?: {
        mesh?: Partial<MeshSettings>;
    });
    run(name: string, rule: MeshRule<string, any>, tests: {
        valid: Array<ValidCase | string>;
        invalid: InvalidCase[];
    }): void;
    /** Lint the case with only this rule; a broken fixture (syntax, schema, crash) fails the test. */
    private findings;
}
export {};
