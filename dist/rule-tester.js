import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  createProcessor,
  emptyConfig,
  lint,
  meshRulePlugin,
  optionProblems,
  registerRule
} from "./chunks/chunk-U5C5X2JA.js";
import "./chunks/chunk-2T2RU4N3.js";

// src/rule-tester.ts
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
var globals = globalThis;
var RuleTester = class _RuleTester {
  constructor(defaults = {}) {
    this.defaults = defaults;
  }
  defaults;
  static describe;
  static it;
  run(name, rule, tests) {
    const describe = _RuleTester.describe ?? globals.describe;
    const it = _RuleTester.it ?? globals.it;
    if (!describe || !it) throw new Error("RuleTester needs describe and it: run it under a test framework, or set RuleTester.describe and RuleTester.it");
    checkRule(name, rule);
    describe(name, () => {
      describe("valid", () => {
        tests.valid.forEach((raw, i) => {
          const c = typeof raw === "string" ? { code: raw } : raw;
          it(c.name ?? `valid #${i}`, async () => {
            const found = await this.findings(name, rule, c);
            assert.deepEqual(found.map(describeFinding), [], `a valid case must produce no finding of ${name}`);
          });
        });
      });
      describe("invalid", () => {
        tests.invalid.forEach((c, i) => {
          it(c.name ?? `invalid #${i}`, async () => {
            const found = await this.findings(name, rule, c);
            const expected = typeof c.errors === "number" ? void 0 : c.errors;
            const count = typeof c.errors === "number" ? c.errors : c.errors.length;
            assert.ok(count > 0, "an invalid case must expect at least one error");
            assert.equal(found.length, count, `expected ${count} error(s) of ${name}, got ${found.length}:
${found.map(describeFinding).join("\n")}`);
            expected?.forEach((e, k) => matchError(rule, found[k], e, k));
          });
        });
      });
    });
  }
  /** Lint the case with only this rule; a broken fixture (syntax, schema, crash) fails the test. */
  async findings(name, rule, c) {
    const registered = registerRule(name, rule, rule.meta.docs.url ?? "");
    if (c.options) {
      const problems = optionProblems(registered, c.options);
      assert.deepEqual(problems, [], `invalid options for ${name}`);
    }
    const dir = mkdtempSync(join(tmpdir(), "meshlint-rule-tester-"));
    try {
      const files = c.code !== void 0 ? { "input.yaml": c.code } : c.files;
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), text);
      }
      const processor = createProcessor().use(meshRulePlugin(registered), [rule.meta.defaultSeverity, ...c.options ?? []]);
      const config = { ...emptyConfig(dir), mesh: { ...this.defaults.mesh, ...c.mesh } };
      const result = await lint({ cwd: dir, patterns: ["."], config, rules: [], processor, ignoreFile: false });
      const all = result.results.flatMap((r) => r.messages.map((m) => ({ ...m, file: relative(dir, r.filePath).split(sep).join("/") })));
      const broken = all.filter((m) => ["yaml-syntax", "schema", "unreadable-file", "internal-error"].includes(m.ruleId) && m.severity === 2);
      assert.deepEqual(broken.map(describeFinding), [], "the case must be valid input (fix the YAML) and the rule must not crash");
      return all.filter((m) => m.ruleId === name);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
};
function templateMatcher(template, data) {
  const parts = template.split(/(\{\{\s*[^{}]+?\s*\}\})/);
  const body = parts.map((part) => {
    const m = /^\{\{\s*([^{}]+?)\s*\}\}$/.exec(part);
    if (!m) return escape(part);
    return m[1] in data ? escape(String(data[m[1]])) : "[\\s\\S]*?";
  }).join("");
  return new RegExp(`^${body}( Assuming .*)?$`);
}
function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function describeFinding(m) {
  return `${m.file}:${m.line}:${m.column} ${m.messageId ?? ""} ${m.message}`;
}
function matchError(rule, got, e, k) {
  const where = `error ${k} (${describeFinding(got)})`;
  if (e.messageId !== void 0) {
    assert.ok(e.messageId in rule.meta.messages, `${where}: the rule has no messageId "${e.messageId}"`);
    assert.equal(got.messageId, e.messageId, `${where}: messageId`);
    if (e.data) assert.match(got.message, templateMatcher(rule.meta.messages[e.messageId], e.data), `${where}: message with data ${JSON.stringify(e.data)}`);
  }
  if (typeof e.message === "string") assert.equal(got.message, e.message, `${where}: message`);
  else if (e.message) assert.match(got.message, e.message, `${where}: message`);
  for (const key of ["line", "column", "endLine", "endColumn", "severity", "file"]) {
    if (e[key] !== void 0) assert.equal(got[key], e[key], `${where}: ${key}`);
  }
}
function checkRule(name, rule) {
  const m = rule?.meta;
  assert.ok(m && typeof rule.create === "function", `${name}: a rule is { meta, create }`);
  assert.equal(typeof m.docs?.description, "string", `${name}: meta.docs.description`);
  assert.ok(m.messages && typeof m.messages === "object", `${name}: meta.messages`);
  assert.ok(Array.isArray(m.schema), `${name}: meta.schema is an array (one JSON Schema per option)`);
  assert.ok(m.defaultSeverity === "warn" || m.defaultSeverity === "error", `${name}: meta.defaultSeverity`);
}
export {
  RuleTester
};
//# sourceMappingURL=rule-tester.js.map
