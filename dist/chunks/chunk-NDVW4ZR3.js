#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  ConfigError,
  MeshMessage,
  VFileMessage,
  YAML_PARSE_OPTIONS,
  arr,
  closest,
  emptyConfig,
  hasSchema,
  internalError,
  isRecord,
  listText,
  loadInputDeferred,
  looksLikeObject,
  matchesLabels,
  neutralizeBoms,
  normalizeSeverity,
  parseGoBool,
  require_ajv,
  require_dist,
  resolveMesh,
  severityFor,
  str,
  stringMap,
  toResource,
  toWorkload,
  validateResource,
  workloadKey
} from "./chunk-TXW67S5H.js";
import {
  __commonJS,
  __toESM
} from "./chunk-JTR57KKI.js";

// node_modules/extend/index.js
var require_extend = __commonJS({
  "node_modules/extend/index.js"(exports, module) {
    "use strict";
    var hasOwn = Object.prototype.hasOwnProperty;
    var toStr = Object.prototype.toString;
    var defineProperty = Object.defineProperty;
    var gOPD = Object.getOwnPropertyDescriptor;
    var isArray = function isArray2(arr2) {
      if (typeof Array.isArray === "function") {
        return Array.isArray(arr2);
      }
      return toStr.call(arr2) === "[object Array]";
    };
    var isPlainObject2 = function isPlainObject3(obj) {
      if (!obj || toStr.call(obj) !== "[object Object]") {
        return false;
      }
      var hasOwnConstructor = hasOwn.call(obj, "constructor");
      var hasIsPrototypeOf = obj.constructor && obj.constructor.prototype && hasOwn.call(obj.constructor.prototype, "isPrototypeOf");
      if (obj.constructor && !hasOwnConstructor && !hasIsPrototypeOf) {
        return false;
      }
      var key;
      for (key in obj) {
      }
      return typeof key === "undefined" || hasOwn.call(obj, key);
    };
    var setProperty = function setProperty2(target, options) {
      if (defineProperty && options.name === "__proto__") {
        defineProperty(target, options.name, {
          enumerable: true,
          configurable: true,
          value: options.newValue,
          writable: true
        });
      } else {
        target[options.name] = options.newValue;
      }
    };
    var getProperty = function getProperty2(obj, name) {
      if (name === "__proto__") {
        if (!hasOwn.call(obj, name)) {
          return void 0;
        } else if (gOPD) {
          return gOPD(obj, name).value;
        }
      }
      return obj[name];
    };
    module.exports = function extend2() {
      var options, name, src, copy, copyIsArray, clone;
      var target = arguments[0];
      var i = 1;
      var length = arguments.length;
      var deep = false;
      if (typeof target === "boolean") {
        deep = target;
        target = arguments[1] || {};
        i = 2;
      }
      if (target == null || typeof target !== "object" && typeof target !== "function") {
        target = {};
      }
      for (; i < length; ++i) {
        options = arguments[i];
        if (options != null) {
          for (name in options) {
            src = getProperty(target, name);
            copy = getProperty(options, name);
            if (target !== copy) {
              if (deep && copy && (isPlainObject2(copy) || (copyIsArray = isArray(copy)))) {
                if (copyIsArray) {
                  copyIsArray = false;
                  clone = src && isArray(src) ? src : [];
                } else {
                  clone = src && isPlainObject2(src) ? src : {};
                }
                setProperty(target, { name, newValue: extend2(deep, clone, copy) });
              } else if (typeof copy !== "undefined") {
                setProperty(target, { name, newValue: copy });
              }
            }
          }
        }
      }
      return target;
    };
  }
});

// package.json
var package_default = {
  name: "meshlint",
  version: "0.1.0",
  description: "Static analyzer for service-mesh (Istio, ambient, Knative) manifests",
  type: "module",
  license: "Apache-2.0",
  engines: {
    node: ">=20"
  },
  bin: {
    meshlint: "dist/cli.js",
    "meshlint-language-server": "dist/language-server.js"
  },
  main: "dist/index.js",
  types: "dist/types/src/index.d.ts",
  exports: {
    ".": {
      types: "./dist/types/src/index.d.ts",
      default: "./dist/index.js"
    },
    "./rule-tester": {
      types: "./dist/types/src/rule-tester.d.ts",
      default: "./dist/rule-tester.js"
    },
    "./package.json": "./package.json"
  },
  files: [
    "dist",
    "!dist/**/*.map",
    "!dist/action.js",
    "rules/*/README.md",
    "docs/diagnostics.md",
    "docs/writing-rules.md",
    "schema",
    "README.md"
  ],
  scripts: {
    build: "node scripts/build.mjs",
    prepare: "node scripts/prepare.mjs",
    typecheck: "node scripts/gen-rules.mjs && tsc --noEmit",
    pretest: "node scripts/gen-rules.mjs",
    test: "vitest run",
    "fixtures:update": "UPDATE_FIXTURES=1 vitest run test/fixtures.test.ts",
    docs: "node scripts/gen-rule-docs.mjs && node scripts/gen-rules.mjs && node scripts/gen-coverage.mjs",
    bench: "node scripts/bench.mjs",
    fuzz: "node scripts/fuzz.mjs"
  },
  dependencies: {
    elkjs: "^0.12.1"
  },
  optionalDependencies: {
    "@eslint/core": "^1.2.1",
    "@types/json-schema": "^7.0.15",
    "@types/unist": "^3.0.3",
    unified: "^11.0.5",
    vfile: "^6.0.3",
    "vfile-message": "^4.0.4",
    yaml: "^2.9.1"
  },
  devDependencies: {
    "@eslint/core": "^1.2.1",
    "@marcbachmann/cel-js": "^8.0.0",
    "@microsoft/sarif-multitool": "^5.7.0",
    "@types/json-schema": "^7.0.15",
    "@types/node": "^20.19.43",
    "@types/picomatch": "^4.0.3",
    "@types/sarif": "^2.1.7",
    "@types/unist": "^3.0.3",
    ajv: "^8.20.0",
    "ajv-formats": "^3.0.1",
    commander: "^14.0.3",
    esbuild: "^0.28.2",
    "eslint-formatter-checkstyle": "^9.0.1",
    "eslint-formatter-junit": "^9.0.1",
    "fast-check": "^4.10.2",
    ignore: "^7.0.16",
    picomatch: "^4.0.7",
    "playwright-core": "^1.65.1",
    publint: "^0.3.25",
    typescript: "^5.9.3",
    unified: "^11.0.5",
    "unist-util-visit": "^5.2.0",
    vfile: "^6.0.3",
    "vfile-message": "^4.0.4",
    "vfile-reporter": "^8.1.1",
    vitest: "^4.1.12",
    "vscode-jsonrpc": "^10.0.0",
    "vscode-languageserver": "^11.0.0",
    "vscode-languageserver-protocol": "^3.18.5",
    "vscode-languageserver-textdocument": "^1.0.16",
    yaml: "^2.9.1"
  },
  homepage: "https://github.com/meshlint/meshlint",
  keywords: [
    "istio",
    "ambient",
    "ztunnel",
    "knative",
    "linter",
    "kubernetes",
    "authorizationpolicy",
    "service-mesh"
  ]
};

// src/version.ts
var VERSION = package_default.version;
var HOMEPAGE = "https://github.com/meshlint/meshlint";

// src/engine/builtin.ts
var BUILTIN = {
  "yaml-syntax": { description: "A document is not valid YAML; it is skipped, the rest of the file is linted.", severity: "error", tags: ["input"] },
  schema: { description: "A resource breaks its kind's schema (Istio CRDs), or a document is not a Kubernetes object.", severity: "error", aliases: ["IST0002", "IST0106", "IST0133"], tags: ["input"] },
  "duplicate-resource": { description: "Two objects of the same API group, kind, namespace and name: the one applied last replaces the other.", severity: "warn", tags: ["input"] },
  "empty-file": { description: "A file holds no Kubernetes object (empty, only comments, or only empty documents).", severity: "warn", tags: ["input"] },
  "unreadable-file": { description: "A file or folder cannot be read (permissions, binary content, not UTF-8, too large).", severity: "error", tags: ["input"] },
  "unused-disable-directive": { description: "A meshlint-disable comment or meshlint.io/ignore annotation silences nothing (reported with --report-unused-disable-directives).", severity: "error", tags: ["suppression"] },
  "internal-error": { description: "A rule failed on a resource; the run is incomplete (exit code 2).", severity: "error", tags: ["internal"] }
};
var BUILTIN_DOCS = "https://github.com/meshlint/meshlint/blob/main/docs/diagnostics.md";
function builtinUrl(id) {
  return `${BUILTIN_DOCS}#${id}`;
}

// src/engine/suppress.ts
var import_yaml = __toESM(require_dist(), 1);
var UNUSED_DIRECTIVE = "unused-disable-directive";
var IGNORE_ANNOTATION = "meshlint.io/ignore";
var ISTIO_SUPPRESS_ANNOTATION = "galley.istio.io/analyze-suppress";
var KIALI_IGNORE_ANNOTATION = "kiali.io/ignore-validations";
var UNSUPPRESSIBLE = /* @__PURE__ */ new Set(["internal-error", UNUSED_DIRECTIVE]);
var Suppressor = class {
  byFile = /* @__PURE__ */ new Map();
  ids;
  codes = /* @__PURE__ */ new Map();
  constructor(sources, resources, opts) {
    this.ids = new Set(opts.rules.map((r) => r.id));
    for (const r of opts.rules) {
      for (const code of r.aliases ?? []) this.codes.set(code, [...this.codes.get(code) ?? [], r.id]);
    }
    if (opts.inlineConfig) {
      for (const source of sources) {
        if (source.text.includes("meshlint-")) this.add(commentDirectives(source));
      }
    }
    for (const r of resources) this.add(annotationDirectives(r));
  }
  add(directives) {
    for (const d of directives) {
      const list = this.byFile.get(d.file);
      if (list) list.push(d);
      else this.byFile.set(d.file, [d]);
    }
  }
  /** The rule ids a written name stands for: itself, or the rules that list it as an alias. */
  resolve(name) {
    if (this.ids.has(name)) return [name];
    return this.codes.get(name) ?? this.codes.get(name.toUpperCase()) ?? [];
  }
  /** Which written names of `d` cover `ruleId` (empty when none); every rule for a bare directive. */
  covers(d, ruleId) {
    if (!d.names) return "all";
    return d.names.filter((n) => this.resolve(n).includes(ruleId));
  }
  /** The suppressions that silence `diag`, marking the directives used; undefined when none does. */
  check(diag) {
    if (diag.internal || UNSUPPRESSIBLE.has(diag.ruleId)) return void 0;
    const directives = this.byFile.get(diag.file);
    if (!directives) return void 0;
    const hits = [];
    const use = (d, names) => {
      if (names === "all") d.usedAll = true;
      else names.forEach((n) => d.usedNames.add(n));
      hits.push(d);
    };
    const line = diag.start.line;
    for (const d of directives) {
      let applies = false;
      if (d.kind === "disable-file") applies = true;
      else if (d.kind === "disable-line") applies = d.start.line === line;
      else if (d.kind === "disable-next-line") applies = d.start.line + 1 === line;
      else if (d.kind === "annotation") applies = !!d.scope && within(diag.start, d.scope.start, d.scope.end);
      if (!applies) continue;
      const names = this.covers(d, diag.ruleId);
      if (names === "all" || names.length > 0) use(d, names);
    }
    const block = this.blockDirective(directives, diag.start, diag.ruleId);
    if (block) use(block.directive, block.names);
    if (hits.length === 0) return void 0;
    return hits.map((d) => ({ kind: d.kind === "annotation" ? "annotation" : "directive", justification: d.justification }));
  }
  /**
   * The `meshlint-disable` in force at `at` for `ruleId`, replaying disable/enable comments in
   * order: a bare `disable` turns every rule off until a bare `enable`; `enable RULE` after a bare
   * `disable` turns that one rule back on.
   */
  blockDirective(directives, at, ruleId) {
    let all;
    let one;
    let reenabled = false;
    for (const d of directives) {
      if (d.kind !== "disable" && d.kind !== "enable") continue;
      if (before(at, d.start)) break;
      const names = this.covers(d, ruleId);
      if (names !== "all" && names.length === 0) continue;
      if (d.kind === "disable") {
        if (names === "all") {
          all = d;
          one = void 0;
          reenabled = false;
        } else {
          one = { directive: d, names };
        }
      } else if (names === "all") {
        all = void 0;
        one = void 0;
      } else {
        one = void 0;
        if (all) reenabled = true;
      }
    }
    if (one) return one;
    if (all && !reenabled) return { directive: all, names: "all" };
    return void 0;
  }
  /** ESLint's --report-unused-disable-directives: every directive, or listed name, that silenced nothing. */
  unused() {
    const out = [];
    for (const directives of this.byFile.values()) {
      for (const d of directives) {
        if (!d.reportable || d.kind === "enable") continue;
        const what = d.kind === "annotation" ? `${d.label} annotation` : `${d.label} comment`;
        if (!d.names) {
          if (!d.usedAll) out.push({ file: d.file, start: d.start, end: d.end, message: `Unused ${what}: no problem was reported here, so it silences nothing; remove it.` });
          continue;
        }
        for (const name of d.names) {
          if (d.usedNames.has(name)) continue;
          const known = this.resolve(name).length > 0;
          const near = known ? void 0 : closest(name, [...this.ids]);
          const why = known ? `no "${name}" problem was reported here` : `"${name}" is not a meshlint rule or alias${near && near !== name ? ` (did you mean "${near}"?)` : ""}`;
          out.push({ file: d.file, start: d.start, end: d.end, message: `Unused ${what} for "${name}": ${why}; remove ${d.names.length > 1 ? `"${name}" from it` : "it"}.` });
        }
      }
    }
    return out;
  }
};
function before(a, b) {
  return a.line < b.line || a.line === b.line && a.column < b.column;
}
function within(p, start, end) {
  return !before(p, start) && !before(end, p);
}
var DIRECTIVE = /^#\s*meshlint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)(.*)$/;
function parseDirectiveBody(body) {
  const cut = body.search(/(^|\s)--(\s|$)/);
  const list = cut === -1 ? body : body.slice(0, cut);
  const justification = cut === -1 ? "" : body.slice(cut).replace(/^\s*--\s*/, "").trim();
  const names = list.split(/[\s,]+/).filter((n) => n !== "");
  return { names: names.length > 0 ? names : void 0, justification };
}
function commentDirectives(source) {
  const out = [];
  let offset = 0;
  let prev = "";
  for (const token of new import_yaml.Lexer().lex(source.text)) {
    if (token === "" || token === "" || token === "") {
      prev = token;
      continue;
    }
    if (token.startsWith("#") && prev !== "") {
      const m = DIRECTIVE.exec(token.trimEnd());
      if (m) {
        const kind = m[1];
        const { names, justification } = parseDirectiveBody(m[2] ?? "");
        const range = source.range(offset, offset + token.trimEnd().length);
        out.push({ kind, label: `meshlint-${kind}`, file: source.path, names, justification, start: range.start, end: range.end, reportable: true, usedNames: /* @__PURE__ */ new Set(), usedAll: false });
      }
    }
    offset += token.length;
    prev = token;
  }
  return out;
}
function annotationDirectives(r) {
  const ann = r.annotations;
  const keys = [IGNORE_ANNOTATION, ISTIO_SUPPRESS_ANNOTATION, KIALI_IGNORE_ANNOTATION].filter((k) => ann[k] !== void 0);
  if (keys.length === 0) return [];
  const scope = r.doc.locate(r.base);
  const out = [];
  for (const key of keys) {
    const value = ann[key];
    let names;
    let justification = "";
    if (key === IGNORE_ANNOTATION) {
      ({ names, justification } = parseDirectiveBody(value));
      if (names?.length === 1 && names[0] === "*") names = void 0;
    } else if (key === ISTIO_SUPPRESS_ANNOTATION) {
      const codes = value.split(",").map((c) => c.trim()).filter((c) => c !== "");
      if (codes.length === 0) continue;
      names = codes.includes("*") ? void 0 : codes;
    } else {
      const codes = value.trim() === "" ? [] : value.split(",").map((c) => c.trim()).filter((c) => c !== "");
      names = codes.length === 0 ? void 0 : codes;
    }
    const at = r.doc.locate([...r.base, "metadata", "annotations", key]);
    out.push({
      kind: "annotation",
      label: key,
      file: r.doc.file.path,
      names,
      justification,
      start: at.start,
      end: at.end,
      scope,
      reportable: key === IGNORE_ANNOTATION,
      usedNames: /* @__PURE__ */ new Set(),
      usedAll: false
    });
  }
  return out;
}

// src/engine/options.ts
var import_ajv = __toESM(require_ajv(), 1);
function ruleOptions(rule, config, fromSetting = []) {
  const defaults = rule.definition.meta.defaultOptions ?? [];
  const given = config.ruleOptions?.[rule.id] ?? [];
  const length = Math.max(defaults.length, fromSetting.length, given.length);
  return Array.from({ length }, (_, i) => merge(merge(defaults[i], fromSetting[i]), given[i]));
}
function isPlain(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function merge(base, over) {
  if (over === void 0) return structuredClone(base);
  if (!isPlain(base) || !isPlain(over)) return structuredClone(over);
  const out = { ...structuredClone(base) };
  for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
  return out;
}
var Ajv = import_ajv.default.default ?? import_ajv.default;
var ajv;
var compiled = /* @__PURE__ */ new WeakMap();
function validateRuleOptions(config, rules) {
  const problems = [];
  for (const [id, options] of Object.entries(config.ruleOptions ?? {})) {
    const rule = rules.find((r) => r.id === id);
    if (rule) problems.push(...optionProblems(rule, options).map((p) => `rules.${id}${p}`));
  }
  if (problems.length > 0) throw new ConfigError(`${config.file ?? "the configuration"}: invalid rule options:
  ${[...new Set(problems)].join("\n  ")}`);
}
function optionProblems(rule, options) {
  const schema = rule.definition.meta.schema;
  if (options.length > schema.length) {
    return [`: takes ${schema.length === 0 ? "no options" : `at most ${schema.length} option${schema.length > 1 ? "s" : ""}`}, not ${options.length}`];
  }
  let validate = compiled.get(schema);
  if (!validate) {
    ajv ??= new Ajv({ allErrors: true, strict: false });
    validate = ajv.compile({ type: "array", items: schema, minItems: 0, maxItems: schema.length });
    compiled.set(schema, validate);
  }
  if (validate(options)) return [];
  return (validate.errors ?? []).map((e) => {
    const path = e.instancePath.split("/").slice(1);
    const where = path.length === 0 ? "" : `[${path[0]}]${path.slice(1).map((p) => `.${p}`).join("")}`;
    const extra = e.keyword === "additionalProperties" ? ` ("${String(e.params.additionalProperty)}")` : e.keyword === "enum" ? ` (${e.params.allowedValues.join(", ")})` : "";
    return `${where}: ${e.message}${extra}`;
  });
}

// src/model/assumptions.ts
import { dirname } from "node:path";

// src/model/dataplane.ts
var MODE_WORDS = {
  sidecar: "sidecar injection",
  ambient: "ambient mode",
  none: "no mesh data plane (no sidecar injection, no ambient)"
};
function assumptionClause(list) {
  const sorted = [...list].sort((a, b) => a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0);
  const groups = /* @__PURE__ */ new Map();
  for (const a of sorted) {
    const key = a.basis === "evidence" ? `evidence:${a.namespace}` : `${a.dataPlane}:${a.missing}`;
    const g = groups.get(key);
    if (g) g.push(a);
    else groups.set(key, [a]);
  }
  const parts = [...groups.values()].map((g) => {
    const a = g[0];
    const one = g.length === 1;
    const names = joinNames(g.map((x) => x.namespace));
    const ns = `namespace${one ? "" : "s"} ${names}`;
    if (a.basis === "evidence") return `${MODE_WORDS[a.dataPlane]} in ${ns}, which is not in the input (${a.evidence})`;
    if (a.missing === "namespace") return `${MODE_WORDS[a.dataPlane]} in ${ns}, which ${one ? "is" : "are"} not in the input (set mesh.assumeDataPlane, or declare ${one ? "it with its" : "them with their"} labels)`;
    return `${MODE_WORDS[a.dataPlane]} for the pods of ${ns} that are not in the input (${one ? "its" : "their"} labels choose no data plane; set mesh.assumeDataPlane, or label ${one ? "it" : "them"})`;
  });
  return `Assuming ${parts.join(", and ")}.`;
}
function joinNames(names) {
  return names.length <= 1 ? names[0] ?? "" : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
var INJECT = "sidecar.istio.io/inject";
var STATUS = "sidecar.istio.io/status";
var REDIRECTION = "ambient.istio.io/redirection";
var INJECTION_IGNORED_NAMESPACES = /* @__PURE__ */ new Set(["kube-system", "kube-public", "kube-node-lease", "local-path-storage"]);
var AMBIENT_EXCLUDED_NAMESPACES = /* @__PURE__ */ new Set(["kube-system"]);
function webhookSelects(s) {
  const nsInj = s.namespaceLabels["istio-injection"];
  const nsRev = s.namespaceLabels["istio.io/rev"];
  const podInj = s.podLabels[INJECT];
  const podRev = s.podLabels["istio.io/rev"];
  if (nsInj === "enabled") return podInj !== "false" ? "namespace label istio-injection=enabled" : void 0;
  if (nsInj !== void 0) return void 0;
  if (nsRev !== void 0) return podInj !== "false" ? `namespace label istio.io/rev=${nsRev}` : void 0;
  if (podInj === "true" && podRev === void 0) return `pod label ${INJECT}=true`;
  if (podRev !== void 0 && podInj !== "false") return `pod label istio.io/rev=${podRev}`;
  return void 0;
}
function sidecarInjected(s, namespace) {
  if (s.podAnnotations[STATUS] !== void 0) return { injected: true, reason: `pod annotation ${STATUS} (the sidecar is already injected)` };
  const selected = webhookSelects(s);
  if (!selected) return { injected: false, reason: "" };
  if (s.hostNetwork) return { injected: false, reason: selected, skipped: "the pod uses hostNetwork, which the injector never injects" };
  if (namespace !== void 0 && INJECTION_IGNORED_NAMESPACES.has(namespace)) {
    return { injected: false, reason: selected, skipped: `the injector never injects into namespace "${namespace}"` };
  }
  const label2 = s.podLabels[INJECT];
  const choice = label2 !== void 0 ? label2 : s.podAnnotations[INJECT];
  if (choice === "false") return { injected: false, reason: "" };
  return { injected: true, reason: selected };
}
function resolveDataplane(s, namespace) {
  const conflicts = [];
  const sidecar = sidecarInjected(s, namespace);
  if (sidecar.skipped) conflicts.push(`${sidecar.reason} is ignored because ${sidecar.skipped}`);
  const podMode = s.podLabels["istio.io/dataplane-mode"];
  const nsMode = s.namespaceLabels["istio.io/dataplane-mode"];
  let ambientReason;
  if (podMode === "ambient") ambientReason = "pod label istio.io/dataplane-mode=ambient";
  else if (podMode !== "none" && nsMode === "ambient") ambientReason = "namespace label istio.io/dataplane-mode=ambient";
  if (ambientReason && sidecar.injected) {
    conflicts.push(`${ambientReason} is ignored because the pod gets a sidecar (${sidecar.reason})`);
    ambientReason = void 0;
  }
  if (ambientReason && s.hostNetwork) {
    conflicts.push(`${ambientReason} is ignored because the pod uses hostNetwork, which istio-cni never captures`);
    ambientReason = void 0;
  }
  if (ambientReason && AMBIENT_EXCLUDED_NAMESPACES.has(namespace)) {
    conflicts.push(`${ambientReason} is ignored because istio-cni never enrols pods of namespace "${namespace}"`);
    ambientReason = void 0;
  }
  if (sidecar.injected) return { mode: "sidecar", reason: sidecar.reason, conflicts };
  if (ambientReason) return { mode: "ambient", reason: ambientReason, conflicts };
  return { mode: "none", reason: "no sidecar injection and no ambient enrolment", conflicts };
}
function ignoredNamespaceLabels(namespaceLabels) {
  const ignored = [];
  const rev = namespaceLabels["istio.io/rev"];
  if (namespaceLabels["istio-injection"] === "enabled" && rev !== void 0) {
    ignored.push({
      label: "istio.io/rev",
      conflict: `namespace label istio.io/rev=${rev} is ignored because namespace label istio-injection=enabled selects the default revision's injector (revision injectors skip namespaces labelled istio-injection)`
    });
  }
  const sidecar = webhookSelects({ namespaceLabels, podLabels: {}, podAnnotations: {}, hostNetwork: false });
  if (namespaceLabels["istio.io/dataplane-mode"] === "ambient" && sidecar) {
    ignored.push({ label: "istio.io/dataplane-mode", conflict: `namespace label istio.io/dataplane-mode=ambient is ignored because the pod gets a sidecar (${sidecar})` });
  }
  return ignored;
}
function podDecidesDataplane(s, namespace) {
  const settled = (namespaceLabels) => resolveDataplane({ ...s, namespaceLabels }, namespace);
  const podInject = s.podLabels[INJECT];
  const podMode = s.podLabels["istio.io/dataplane-mode"];
  const asksSidecar = podInject === "true" || s.podLabels["istio.io/rev"] !== void 0 && podInject !== "false";
  if (s.podAnnotations[STATUS] !== void 0 || asksSidecar || podMode === "ambient") return settled({});
  if (s.podAnnotations[REDIRECTION] === "enabled") return { mode: "ambient", reason: `pod annotation ${REDIRECTION}=enabled (istio-cni captured the pod)`, conflicts: [] };
  const untouched = s.hostNetwork === true || INJECTION_IGNORED_NAMESPACES.has(namespace) && AMBIENT_EXCLUDED_NAMESPACES.has(namespace);
  if (untouched || podInject === "false" && podMode === "none") return settled({});
  return void 0;
}
function namespaceLabelsFor(mode) {
  if (mode === "sidecar") return { "istio-injection": "enabled" };
  if (mode === "ambient") return { "istio.io/dataplane-mode": "ambient" };
  return {};
}
var DATAPLANE_LABELS = ["istio-injection", "istio.io/rev", "istio.io/dataplane-mode"];
function namespaceMode(name, labels) {
  if (!DATAPLANE_LABELS.some((k) => labels[k] !== void 0)) return void 0;
  return resolveDataplane({ namespaceLabels: labels, podLabels: {}, podAnnotations: {} }, name).mode;
}

// src/model/assumptions.ts
var WAYPOINT_CLASS = "istio-waypoint";
var UNKNOWN_DATA_PLANE_EVIDENCE = [
  "a waypoint Gateway in the namespace, or an object there labelled istio.io/use-waypoint: ambient",
  "the Namespace objects declared in the same folder, when they agree on a data plane",
  "when those disagree, an IstioOperator with profile ambient: ambient"
];
var NamespaceEvidence = class {
  constructor(assume) {
    this.assume = assume;
  }
  assume;
  waypointSigns = /* @__PURE__ */ new Map();
  foldersOf = /* @__PURE__ */ new Map();
  declaredIn = /* @__PURE__ */ new Map();
  ambientProfile;
  decided = /* @__PURE__ */ new Map();
  /** A declared Namespace: its labels may choose a data plane for its folder. */
  declare(ns) {
    const mode = namespaceMode(ns.name, ns.labels);
    if (!mode) return;
    const dir = dirname(ns.doc.file.path);
    const list = this.declaredIn.get(dir);
    if (list) list.push({ namespace: ns.name, mode });
    else this.declaredIn.set(dir, [{ namespace: ns.name, mode }]);
  }
  /** A resource of a namespace the input does not declare. */
  see(r) {
    let folders = this.foldersOf.get(r.namespace);
    if (!folders) this.foldersOf.set(r.namespace, folders = /* @__PURE__ */ new Set());
    folders.add(dirname(r.doc.file.path));
    if (this.waypointSigns.has(r.namespace)) return;
    const spec = isRecord(r.raw.spec) ? r.raw.spec : void 0;
    if (r.kind === "Gateway" && r.group === "gateway.networking.k8s.io" && spec?.gatewayClassName === WAYPOINT_CLASS) {
      this.waypointSigns.set(r.namespace, `Gateway ${r.namespace}/${r.name} is a waypoint there`);
    } else if (r.labels["istio.io/use-waypoint"] !== void 0 && r.labels["istio.io/use-waypoint"] !== "none") {
      this.waypointSigns.set(r.namespace, `${r.kind} ${r.namespace}/${r.name} is labelled istio.io/use-waypoint`);
    }
  }
  /** Any resource: an IstioOperator's install profile. */
  seeMeshInstall(r) {
    if (r.kind !== "IstioOperator" || r.group !== "install.istio.io") return;
    const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
    if (spec.profile === "ambient") this.ambientProfile ??= r;
  }
  /** What the evidence holds for no namespace in particular, as text: the data plane taken where nothing shows one. */
  globalKey(resourceId) {
    return JSON.stringify([this.assume, this.ambientProfile && resourceId(this.ambientProfile)]);
  }
  /**
   * The data plane taken for pods of `ns` whose data plane the input does not show: the namespace
   * is not declared, or (`declared`) it is but its labels choose no data plane and the pods are
   * not in the input, so their own labels are unknown.
   */
  assumptionFor(ns, declared = false) {
    const key = `${declared ? "+" : "-"}${ns}`;
    let a = this.decided.get(key);
    if (!a) this.decided.set(key, a = this.decide(ns, declared));
    return a;
  }
  decide(ns, declared) {
    const missing = declared ? "pod-labels" : "namespace";
    const gap = declared ? `the pods of namespace ${ns} are not in the input and its labels choose no data plane` : `namespace ${ns} is not in the input`;
    const sign = this.waypointSigns.get(ns);
    if (sign) return { namespace: ns, dataPlane: "ambient", basis: "evidence", missing, why: gap, evidence: sign };
    const beside = [];
    for (const dir of this.foldersOf.get(ns) ?? []) beside.push(...this.declaredIn.get(dir) ?? []);
    const modes = [...new Set(beside.map((d) => d.mode))];
    if (modes.length === 1) {
      const names = [...new Set(beside.map((d) => d.namespace))].sort();
      return { namespace: ns, dataPlane: modes[0], basis: "evidence", missing, why: gap, evidence: `${plural(names, "namespace")} declared in the same folder ${names.length > 1 ? "have" : "has"} ${MODE_WORDS[modes[0]]}` };
    }
    if (modes.length > 1 && modes.includes("ambient") && this.ambientProfile) {
      return { namespace: ns, dataPlane: "ambient", basis: "evidence", missing, why: gap, evidence: `the namespaces declared in the same folder disagree, and IstioOperator ${this.ambientProfile.name} installs the ambient profile` };
    }
    return { namespace: ns, dataPlane: this.assume, basis: "setting", missing, why: gap };
  }
};
function plural(names, noun) {
  return `${noun}${names.length > 1 ? "s" : ""} ${names.join(", ")}`;
}

// src/load/yaml-path.ts
var import_yaml2 = __toESM(require_dist(), 1);
function parseDocuments(text) {
  return (0, import_yaml2.parseAllDocuments)(neutralizeBoms(text), YAML_PARSE_OPTIONS);
}
function within2(node, offset) {
  return !!node?.range && node.range[0] <= offset && offset <= node.range[1];
}
function nodeAt(docs, offset) {
  for (const [document, doc] of docs.entries()) {
    const root = doc.contents;
    if (!within2(root, offset)) continue;
    const out = { document, path: [], node: root, onKey: false, maps: [] };
    let node = root;
    for (; ; ) {
      if ((0, import_yaml2.isMap)(node)) {
        out.maps.push({ path: [...out.path], node });
        const pair = node.items.find((p) => (0, import_yaml2.isPair)(p) && (within2(p.key, offset) || within2(p.value, offset)));
        if (!pair || !(0, import_yaml2.isScalar)(pair.key)) return out;
        out.path.push(String(pair.key.value));
        if (within2(pair.key, offset)) return { ...out, node: pair.key, onKey: true };
        node = pair.value;
        out.node = node;
      } else if ((0, import_yaml2.isSeq)(node)) {
        const i = node.items.findIndex((item) => within2(item, offset));
        if (i < 0) return out;
        out.path.push(i);
        node = node.items[i];
        out.node = node;
      } else {
        return out;
      }
    }
  }
  return void 0;
}

// src/engine/suggestion-edit.ts
var import_yaml3 = __toESM(require_dist(), 1);
import { existsSync } from "node:fs";
import { dirname as dirname2, join } from "node:path";
function suggestionEdit(at, yamlText) {
  if (/<[^<>\n]+>/.test(yamlText) || /^\s*#/.test(yamlText)) return void 0;
  if (!/^kind:/m.test(yamlText) && !/^[\w.-]+:[ \t]*\S[^\n]*\n?$/.test(yamlText)) return void 0;
  const docs = (0, import_yaml3.parseAllDocuments)(yamlText);
  if (!Array.isArray(docs) || docs.length === 0 || docs.some((d) => d.errors.length > 0)) return void 0;
  const { resource } = at;
  const file = resource.doc.file;
  const values = docs.map((d) => d.toJS());
  if (values.every((v) => isObjectLike(v))) {
    const end = resource.doc.end;
    const before2 = end > 0 && file.text[end - 1] !== "\n" ? "\n" : "";
    return { range: [end, end], text: `${before2}---
${yamlText.endsWith("\n") ? yamlText : `${yamlText}
`}` };
  }
  const contents = docs.length === 1 ? docs[0].contents : null;
  if (!(0, import_yaml3.isMap)(contents) || contents.items.length !== 1) return void 0;
  const pair = contents.items[0];
  const key = (0, import_yaml3.isScalar)(pair.key) ? pair.key.value : void 0;
  if (typeof key !== "string" || !((0, import_yaml3.isSeq)(pair.value) || (0, import_yaml3.isScalar)(pair.value))) return void 0;
  const path = fieldPath(at.path, key);
  if (!path) return void 0;
  const keyEnd = file.offset(resource.doc.locate([...resource.base, ...path], "key").end);
  const colon = file.text.indexOf(":", keyEnd);
  const valueEnd = file.offset(resource.doc.locate([...resource.base, ...path], "value").end);
  if (colon < 0 || colon >= valueEnd) return void 0;
  return { range: [colon + 1, valueEnd], text: ` ${flow(pair.value.toJSON())}` };
}
function isObjectLike(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v) && "apiVersion" in v && "kind" in v;
}
function fieldPath(path, key) {
  const i = path.lastIndexOf(key);
  return i < 0 ? void 0 : path.slice(0, i + 1);
}
function flow(v) {
  if (Array.isArray(v)) return `[${v.map(flow).join(", ")}]`;
  return typeof v === "string" ? JSON.stringify(v) : String(v);
}
var NAMED = /^\s*(?:in\s+)?([A-Z]\w*)\s+([a-z0-9][-a-z0-9.]*)\/([a-z0-9][-a-z0-9.]*)\s*:?\s*$/;
var PLACEHOLDER = /<[^<>\n]+>/;
async function suggestionWorkspaceEdits(s, file, offset, ctx) {
  if (PLACEHOLDER.test(s.fix)) return void 0;
  const parts = (0, import_yaml3.parseAllDocuments)(s.fix);
  const changes = /* @__PURE__ */ new Map();
  const created = [];
  for (const part of parts) {
    if (part.errors.length > 0) return void 0;
    const value = part.toJS();
    if (!isRecord(value)) continue;
    const comment = leadingComment(part);
    const named = NAMED.exec(comment);
    if (comment.trim() !== "" && !named && !looksLikeObject(value)) return void 0;
    if (looksLikeObject(value) && isRecord(value.metadata) && typeof value.metadata.name === "string") {
      const ns = typeof value.metadata.namespace === "string" ? value.metadata.namespace : void 0;
      const existing = ctx.model.resources.find((r) => r.kind === value.kind && r.name === value.metadata.name && (ns === void 0 || r.namespace === ns));
      if (existing) {
        if (!await mergeIntoResource(existing, value, changes, ctx)) return void 0;
      } else {
        created.push({ path: newFilePath(file, String(value.kind), value.metadata.name), text: part.toString() });
      }
    } else if (named) {
      const [, kind, ns, name] = named;
      const target = ctx.model.resources.find((r) => r.kind === kind && r.namespace === ns && r.name === name);
      if (!target || !await mergeIntoResource(target, value, changes, ctx)) return void 0;
    } else {
      if (!await mergeNearFinding(file, offset, value, changes, ctx)) return void 0;
    }
  }
  return changes.size > 0 || created.length > 0 ? { edits: changes, created } : void 0;
}
function leadingComment(part) {
  const contents = part.contents;
  const firstKey = (0, import_yaml3.isMap)(contents) ? contents.items[0]?.key : void 0;
  return part.commentBefore ?? contents?.commentBefore ?? firstKey?.commentBefore ?? "";
}
function newFilePath(beside, kind, name) {
  const base = join(dirname2(beside), `${kind.toLowerCase()}-${name}`);
  let path = `${base}.yaml`;
  for (let i = 2; existsSync(path); i++) path = `${base}-${i}.yaml`;
  return path;
}
async function mergeIntoResource(r, value, changes, ctx) {
  const text = ctx.text(r.doc.file.path);
  if (text === void 0) return false;
  const root = parseDocuments(text)[r.doc.index]?.getIn(r.base, true);
  if (!(0, import_yaml3.isMap)(root)) return false;
  return apply(r, root, [], value, text, changes, ctx, false);
}
async function mergeNearFinding(file, offset, value, changes, ctx) {
  const text = ctx.text(file);
  if (text === void 0) return false;
  const docs = parseDocuments(text);
  const at = nodeAt(docs, offset);
  if (!at) return false;
  const r = ctx.model.resources.find((x) => x.doc.file.path === file && x.doc.index === at.document && x.base.every((seg, i) => at.path[i] === seg));
  if (!r) return false;
  const keys = Object.keys(value);
  const anchor = [...at.maps].reverse().find((m) => m.path.length >= r.base.length && keys.every((k) => m.node.has(k)));
  if (!anchor) return false;
  return apply(r, anchor.node, anchor.path.slice(r.base.length), value, text, changes, ctx, true);
}
async function apply(r, map, path, value, text, changes, ctx, guessed) {
  const offsets = [];
  if (!merge2(map, value, text, offsets, { root: path.length === 0, noNewMaps: guessed })) return false;
  if (offsets.length === 0) return true;
  if (!await fitsSchema(r, path, value)) return false;
  const file = r.doc.file.path;
  changes.set(file, [...changes.get(file) ?? [], ...offsets]);
  return true;
}
async function fitsSchema(r, path, value) {
  if (!hasSchema(r)) return true;
  const merged = structuredClone(r.raw);
  let target = merged;
  for (const seg of path) {
    const next = target[seg];
    if (!isRecord(next) && !Array.isArray(next)) return false;
    target = next;
  }
  deepMerge(target, value);
  const spec = path.length === 0 && isRecord(merged.spec) && isRecord(value.spec) ? merged.spec : void 0;
  if (spec && ("targetRefs" in value.spec || "targetRef" in value.spec)) for (const k of REPLACED_BY_TARGET_REFS) delete spec[k];
  const before2 = (await validateResource(r)).length;
  const after = (await validateResource({ ...r, raw: merged, doc: Object.assign(Object.create(Object.getPrototypeOf(r.doc)), r.doc, { plain: false }) })).length;
  return after <= before2;
}
function deepMerge(into, value, parent) {
  for (const [k, v] of Object.entries(value)) {
    const cur = into[k];
    if (isRecord(cur) && isRecord(v) && !isSelector(k, parent)) deepMerge(cur, v, k);
    else into[k] = v;
  }
}
var REPLACED_BY_TARGET_REFS = ["selector", "workloadSelector"];
function isSelector(key, parent) {
  return key === "matchLabels" || key === "labels" && parent === "workloadSelector";
}
function merge2(map, value, text, out, opts, drop = []) {
  if (map.flow || map.items.length === 0) return false;
  const firstKey = map.items[0].key;
  if (!firstKey.range) return false;
  const indent = firstKey.range[0] - (text.lastIndexOf("\n", firstKey.range[0] - 1) + 1);
  const keyOf = (p) => (0, import_yaml3.isScalar)(p.key) ? String(p.key.value) : void 0;
  const dropped2 = map.items.filter((p) => (0, import_yaml3.isPair)(p) && drop.includes(keyOf(p) ?? "") && !(keyOf(p) in value));
  const kept = map.items.filter((p) => !dropped2.includes(p));
  if (kept.length === 0) return false;
  for (const pair of dropped2) {
    const start = text.lastIndexOf("\n", pair.key.range[0] - 1) + 1;
    const node = pair.value;
    const end = lineEnd(text, node?.range ? trimEnd(text, node.range[1]) - 1 : pair.key.range[1]);
    out.push({ start, end: Math.min(text.length, end + 1), text: "" });
  }
  for (const [k, v] of Object.entries(value)) {
    const pair = map.items.find((p) => (0, import_yaml3.isPair)(p) && keyOf(p) === k);
    if (pair) {
      const node = pair.value;
      if ((0, import_yaml3.isMap)(node) && !node.flow && isRecord(v) && !isSelector(k, opts.parent)) {
        const attaches = opts.root && k === "spec" && ("targetRefs" in v || "targetRef" in v);
        if (!merge2(node, v, text, out, { ...opts, root: false, parent: k }, attaches ? REPLACED_BY_TARGET_REFS : [])) return false;
        continue;
      }
      if (node && JSON.stringify(node.toJSON()) === JSON.stringify(v)) continue;
      const start = pair.key.range[0];
      const end = node?.range ? trimEnd(text, node.range[1]) : lineEnd(text, start);
      out.push({ start, end, text: renderPair(k, v, indent) });
    } else {
      if (opts.noNewMaps && isRecord(v)) return false;
      const last = kept[kept.length - 1];
      const lastEnd = (last.value?.range ?? last.key.range)[1];
      const at = lineEnd(text, trimEnd(text, lastEnd) - 1);
      out.push({ start: at, end: at, text: `
${" ".repeat(indent)}${renderPair(k, v, indent)}` });
    }
  }
  return true;
}
function renderPair(key, value, indent) {
  return (0, import_yaml3.stringify)({ [key]: value }, { lineWidth: 0 }).replace(/\n$/, "").split("\n").join(`
${" ".repeat(indent)}`);
}
function trimEnd(text, end) {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
function lineEnd(text, offset) {
  const nl = text.indexOf("\n", Math.max(0, offset));
  return nl === -1 ? text.length : nl;
}

// src/authz/match.ts
function matchString(pattern, value) {
  if (pattern === "*") return value !== "";
  if (pattern.startsWith("*")) return value.endsWith(pattern.slice(1));
  if (pattern.endsWith("*")) return value.startsWith(pattern.slice(0, -1));
  return pattern === value;
}
function matchAny(patterns, value) {
  if (value === void 0) return false;
  return patterns.some((p) => matchString(p, value));
}
function matchServiceAccount(entry, policyNamespace, ns, sa) {
  const slash = entry.indexOf("/");
  const [eNs, eSa] = slash === -1 ? [policyNamespace, entry] : [entry.slice(0, slash), entry.slice(slash + 1)];
  return eNs === ns && eSa === sa;
}
function parseIp(ip) {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) {
    const parts = ip.split(".").map(Number);
    if (parts.some((p) => p > 255)) return void 0;
    return { value: parts.reduce((acc, p) => acc << 8n | BigInt(p), 0n), bits: 32 };
  }
  if (ip.includes(":")) {
    const [head, tail] = ip.split("::");
    if (ip.split("::").length > 2) return void 0;
    const h = head ? head.split(":") : [];
    const t = tail !== void 0 && tail !== "" ? tail.split(":") : [];
    const missing = 8 - h.length - t.length;
    if (tail === void 0 ? h.length !== 8 : missing < 0) return void 0;
    const groups = [...h, ...Array(tail === void 0 ? 0 : missing).fill("0"), ...t];
    if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return void 0;
    return { value: groups.reduce((acc, g) => acc << 16n | BigInt(parseInt(g, 16)), 0n), bits: 128 };
  }
  return void 0;
}
function ipInCidr(ip, cidr) {
  const [net, lenText] = cidr.split("/");
  const a = parseIp(ip);
  const n = parseIp(net ?? "");
  if (!a || !n || a.bits !== n.bits) return false;
  const len = lenText === void 0 ? n.bits : Number(lenText);
  if (!Number.isInteger(len) || len < 0 || len > n.bits) return false;
  const shift = BigInt(n.bits - len);
  return a.value >> shift === n.value >> shift;
}
function matchPath(pattern, path) {
  const bare = path.replace(/[?#].*$/, "");
  if (pattern.includes("{*}") || pattern.includes("{**}")) {
    const PCHAR = "[A-Za-z0-9\\-._~%!$&'()+,;:@=]";
    const source = pattern.split(/(\{\*\*\}|\{\*\})/).map((part) => part === "{**}" ? `(?:${PCHAR}|/)*` : part === "{*}" ? `${PCHAR}+` : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("");
    return new RegExp(`^${source}$`).test(bare);
  }
  return matchString(pattern, bare);
}
function matchNamespace(pattern, namespace) {
  if (!pattern.includes("*")) return pattern === namespace;
  const source = pattern.split("*").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${source}$`).test(namespace);
}
function matchNamespacePattern(pattern, ns) {
  if (!pattern.includes("*")) return pattern === ns;
  const parts = pattern.split("*");
  if (!ns.startsWith(parts[0])) return false;
  let pos = parts[0].length;
  for (let i = 1; i < parts.length - 1; i++) {
    const at = ns.indexOf(parts[i], pos);
    if (at === -1) return false;
    pos = at + parts[i].length;
  }
  const last = parts[parts.length - 1];
  return ns.length - last.length >= pos && ns.endsWith(last);
}
var CLUSTER_LOCAL_TRUST_DOMAIN = "cluster.local";
function parsePrincipalPattern(value, trustDomain, aliases = []) {
  if (value === "*") return { kind: "any", pattern: value, literal: "", scope: "any" };
  let pattern = value;
  const parts = value.split("/");
  if (parts.length === 5 && (parts[0] === CLUSTER_LOCAL_TRUST_DOMAIN || parts[0] === trustDomain || aliases.includes(parts[0]))) {
    pattern = [trustDomain, ...parts.slice(1)].join("/");
  }
  const kind = pattern.startsWith("*") ? "suffix" : pattern.endsWith("*") ? "prefix" : "exact";
  const literal = kind === "suffix" ? pattern.slice(1) : kind === "prefix" ? pattern.slice(0, -1) : pattern;
  const out = { kind, pattern, literal, scope: "foreign" };
  if (literal.includes("*")) return { ...out, impossible: "inner-wildcard" };
  if (kind !== "suffix" && literal.startsWith("spiffe://")) return { ...out, impossible: "spiffe-scheme" };
  if (kind === "suffix") {
    const m2 = /^([^/]*)\/ns\/([^/]+)\/(.*)$/.exec(literal);
    if (!m2) return { ...out, scope: "any" };
    return { ...out, scope: trustDomain.endsWith(m2[1]) ? "any" : "foreign", namespace: m2[2] };
  }
  const local = `${trustDomain}/`;
  if (literal.startsWith(local)) out.scope = "local";
  else if (kind === "prefix" && local.startsWith(literal)) out.scope = "local";
  const m = /^[^/]+\/ns\/([^/]+)\/(.*)$/.exec(literal);
  if (m && out.scope === "local") {
    out.namespace = m[1];
    const sa = /^sa\/([^/]+)$/.exec(m[2]);
    if (kind === "exact" && sa) out.serviceAccount = sa[1];
  }
  return out;
}
function principalPatternMatches(p, identity) {
  if (p.impossible) return false;
  return matchString(p.pattern, identity);
}
function parseServiceAccountEntry(entry, policyNamespace) {
  const slash = entry.indexOf("/");
  return slash === -1 ? { namespace: policyNamespace, serviceAccount: entry } : { namespace: entry.slice(0, slash), serviceAccount: entry.slice(slash + 1) };
}
function normalizePath(path, mode) {
  const hash = path.indexOf("#");
  if (hash !== -1) path = path.slice(0, hash);
  if (mode === "NONE") return { path };
  const cut = path.indexOf("?");
  let p = cut === -1 ? path : path.slice(0, cut);
  const rest = cut === -1 ? "" : path.slice(cut);
  if (/%00/.test(p)) return { path, rejected: "it contains %00" };
  if (!/[%\\]|\/\.|\/\//.test(p)) return { path };
  if (mode === "DECODE_AND_MERGE_SLASHES") p = p.replace(/%2f/gi, "/").replace(/%5c/gi, "\\");
  p = p.replace(/%([0-9a-fA-F]{2})/g, (all, hex) => {
    const c = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(c) ? c : all;
  });
  p = removeDotSegments(p.replace(/\\/g, "/"));
  if (mode !== "BASE") p = p.replace(/\/{2,}/g, "/");
  return { path: p + rest };
}
function removeDotSegments(p) {
  if (!p.startsWith("/")) return p;
  const segs = p.split("/");
  const out = [];
  for (let i = 1; i < segs.length; i++) {
    const s = segs[i];
    const last = i === segs.length - 1;
    if (s === "." || s === "..") {
      if (s === "..") out.pop();
      if (last) out.push("");
      continue;
    }
    out.push(s);
  }
  return `/${out.join("/")}`;
}
function tdPrefixMatch(a, pattern) {
  return pattern.endsWith("*") && a.startsWith(pattern.slice(0, -1));
}
function tdSuffixMatch(a, pattern) {
  return pattern.startsWith("*") && a.endsWith(pattern.slice(1));
}
function replaceTrustDomainAliases(principal, trustDomains) {
  const parts = principal.split("/");
  if (parts.length !== 5 || parts[0] === "*") return [principal];
  const td = parts[0];
  const known = trustDomains.some((s) => td === s || s === "*" || tdPrefixMatch(td, s) || tdPrefixMatch(s, td) || tdSuffixMatch(td, s) || tdSuffixMatch(s, td));
  if (!known && td !== CLUSTER_LOCAL_TRUST_DOMAIN) return [principal];
  const out = [];
  for (const t of trustDomains) {
    const p = tdSuffixMatch(t, td) ? principal : [t, ...parts.slice(1)].join("/");
    if (!out.includes(p)) out.push(p);
  }
  return out;
}
function expandTrustDomainAliases(values, trustDomains) {
  const out = [];
  for (const v of values) for (const x of trustDomains.includes(v) ? trustDomains : [v]) if (!out.includes(x)) out.push(x);
  return out;
}
function envoyAcceptsTrustDomain(td, trustDomain, aliases) {
  return td === trustDomain || aliases.includes(td);
}

// node_modules/vfile/lib/minpath.js
import { default as default2 } from "node:path";

// node_modules/vfile/lib/minproc.js
import { default as default3 } from "node:process";

// node_modules/vfile/lib/minurl.js
import { fileURLToPath } from "node:url";

// node_modules/vfile/lib/minurl.shared.js
function isUrl(fileUrlOrPath) {
  return Boolean(
    fileUrlOrPath !== null && typeof fileUrlOrPath === "object" && "href" in fileUrlOrPath && fileUrlOrPath.href && "protocol" in fileUrlOrPath && fileUrlOrPath.protocol && // @ts-expect-error: indexing is fine.
    fileUrlOrPath.auth === void 0
  );
}

// node_modules/vfile/lib/index.js
var order = (
  /** @type {const} */
  [
    "history",
    "path",
    "basename",
    "stem",
    "extname",
    "dirname"
  ]
);
var VFile = class {
  /**
   * Create a new virtual file.
   *
   * `options` is treated as:
   *
   * *   `string` or `Uint8Array` — `{value: options}`
   * *   `URL` — `{path: options}`
   * *   `VFile` — shallow copies its data over to the new file
   * *   `object` — all fields are shallow copied over to the new file
   *
   * Path related fields are set in the following order (least specific to
   * most specific): `history`, `path`, `basename`, `stem`, `extname`,
   * `dirname`.
   *
   * You cannot set `dirname` or `extname` without setting either `history`,
   * `path`, `basename`, or `stem` too.
   *
   * @param {Compatible | null | undefined} [value]
   *   File value.
   * @returns
   *   New instance.
   */
  constructor(value) {
    let options;
    if (!value) {
      options = {};
    } else if (isUrl(value)) {
      options = { path: value };
    } else if (typeof value === "string" || isUint8Array(value)) {
      options = { value };
    } else {
      options = value;
    }
    this.cwd = "cwd" in options ? "" : default3.cwd();
    this.data = {};
    this.history = [];
    this.messages = [];
    this.value;
    this.map;
    this.result;
    this.stored;
    let index = -1;
    while (++index < order.length) {
      const field3 = order[index];
      if (field3 in options && options[field3] !== void 0 && options[field3] !== null) {
        this[field3] = field3 === "history" ? [...options[field3]] : options[field3];
      }
    }
    let field2;
    for (field2 in options) {
      if (!order.includes(field2)) {
        this[field2] = options[field2];
      }
    }
  }
  /**
   * Get the basename (including extname) (example: `'index.min.js'`).
   *
   * @returns {string | undefined}
   *   Basename.
   */
  get basename() {
    return typeof this.path === "string" ? default2.basename(this.path) : void 0;
  }
  /**
   * Set basename (including extname) (`'index.min.js'`).
   *
   * Cannot contain path separators (`'/'` on unix, macOS, and browsers, `'\'`
   * on windows).
   * Cannot be nullified (use `file.path = file.dirname` instead).
   *
   * @param {string} basename
   *   Basename.
   * @returns {undefined}
   *   Nothing.
   */
  set basename(basename) {
    assertNonEmpty(basename, "basename");
    assertPart(basename, "basename");
    this.path = default2.join(this.dirname || "", basename);
  }
  /**
   * Get the parent path (example: `'~'`).
   *
   * @returns {string | undefined}
   *   Dirname.
   */
  get dirname() {
    return typeof this.path === "string" ? default2.dirname(this.path) : void 0;
  }
  /**
   * Set the parent path (example: `'~'`).
   *
   * Cannot be set if there’s no `path` yet.
   *
   * @param {string | undefined} dirname
   *   Dirname.
   * @returns {undefined}
   *   Nothing.
   */
  set dirname(dirname3) {
    assertPath(this.basename, "dirname");
    this.path = default2.join(dirname3 || "", this.basename);
  }
  /**
   * Get the extname (including dot) (example: `'.js'`).
   *
   * @returns {string | undefined}
   *   Extname.
   */
  get extname() {
    return typeof this.path === "string" ? default2.extname(this.path) : void 0;
  }
  /**
   * Set the extname (including dot) (example: `'.js'`).
   *
   * Cannot contain path separators (`'/'` on unix, macOS, and browsers, `'\'`
   * on windows).
   * Cannot be set if there’s no `path` yet.
   *
   * @param {string | undefined} extname
   *   Extname.
   * @returns {undefined}
   *   Nothing.
   */
  set extname(extname) {
    assertPart(extname, "extname");
    assertPath(this.dirname, "extname");
    if (extname) {
      if (extname.codePointAt(0) !== 46) {
        throw new Error("`extname` must start with `.`");
      }
      if (extname.includes(".", 1)) {
        throw new Error("`extname` cannot contain multiple dots");
      }
    }
    this.path = default2.join(this.dirname, this.stem + (extname || ""));
  }
  /**
   * Get the full path (example: `'~/index.min.js'`).
   *
   * @returns {string}
   *   Path.
   */
  get path() {
    return this.history[this.history.length - 1];
  }
  /**
   * Set the full path (example: `'~/index.min.js'`).
   *
   * Cannot be nullified.
   * You can set a file URL (a `URL` object with a `file:` protocol) which will
   * be turned into a path with `url.fileURLToPath`.
   *
   * @param {URL | string} path
   *   Path.
   * @returns {undefined}
   *   Nothing.
   */
  set path(path) {
    if (isUrl(path)) {
      path = fileURLToPath(path);
    }
    assertNonEmpty(path, "path");
    if (this.path !== path) {
      this.history.push(path);
    }
  }
  /**
   * Get the stem (basename w/o extname) (example: `'index.min'`).
   *
   * @returns {string | undefined}
   *   Stem.
   */
  get stem() {
    return typeof this.path === "string" ? default2.basename(this.path, this.extname) : void 0;
  }
  /**
   * Set the stem (basename w/o extname) (example: `'index.min'`).
   *
   * Cannot contain path separators (`'/'` on unix, macOS, and browsers, `'\'`
   * on windows).
   * Cannot be nullified (use `file.path = file.dirname` instead).
   *
   * @param {string} stem
   *   Stem.
   * @returns {undefined}
   *   Nothing.
   */
  set stem(stem) {
    assertNonEmpty(stem, "stem");
    assertPart(stem, "stem");
    this.path = default2.join(this.dirname || "", stem + (this.extname || ""));
  }
  // Normal prototypal methods.
  /**
   * Create a fatal message for `reason` associated with the file.
   *
   * The `fatal` field of the message is set to `true` (error; file not usable)
   * and the `file` field is set to the current file path.
   * The message is added to the `messages` field on `file`.
   *
   * > 🪦 **Note**: also has obsolete signatures.
   *
   * @overload
   * @param {string} reason
   * @param {MessageOptions | null | undefined} [options]
   * @returns {never}
   *
   * @overload
   * @param {string} reason
   * @param {Node | NodeLike | null | undefined} parent
   * @param {string | null | undefined} [origin]
   * @returns {never}
   *
   * @overload
   * @param {string} reason
   * @param {Point | Position | null | undefined} place
   * @param {string | null | undefined} [origin]
   * @returns {never}
   *
   * @overload
   * @param {string} reason
   * @param {string | null | undefined} [origin]
   * @returns {never}
   *
   * @overload
   * @param {Error | VFileMessage} cause
   * @param {Node | NodeLike | null | undefined} parent
   * @param {string | null | undefined} [origin]
   * @returns {never}
   *
   * @overload
   * @param {Error | VFileMessage} cause
   * @param {Point | Position | null | undefined} place
   * @param {string | null | undefined} [origin]
   * @returns {never}
   *
   * @overload
   * @param {Error | VFileMessage} cause
   * @param {string | null | undefined} [origin]
   * @returns {never}
   *
   * @param {Error | VFileMessage | string} causeOrReason
   *   Reason for message, should use markdown.
   * @param {Node | NodeLike | MessageOptions | Point | Position | string | null | undefined} [optionsOrParentOrPlace]
   *   Configuration (optional).
   * @param {string | null | undefined} [origin]
   *   Place in code where the message originates (example:
   *   `'my-package:my-rule'` or `'my-rule'`).
   * @returns {never}
   *   Never.
   * @throws {VFileMessage}
   *   Message.
   */
  fail(causeOrReason, optionsOrParentOrPlace, origin) {
    const message = this.message(causeOrReason, optionsOrParentOrPlace, origin);
    message.fatal = true;
    throw message;
  }
  /**
   * Create an info message for `reason` associated with the file.
   *
   * The `fatal` field of the message is set to `undefined` (info; change
   * likely not needed) and the `file` field is set to the current file path.
   * The message is added to the `messages` field on `file`.
   *
   * > 🪦 **Note**: also has obsolete signatures.
   *
   * @overload
   * @param {string} reason
   * @param {MessageOptions | null | undefined} [options]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {string} reason
   * @param {Node | NodeLike | null | undefined} parent
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {string} reason
   * @param {Point | Position | null | undefined} place
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {string} reason
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {Error | VFileMessage} cause
   * @param {Node | NodeLike | null | undefined} parent
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {Error | VFileMessage} cause
   * @param {Point | Position | null | undefined} place
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {Error | VFileMessage} cause
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @param {Error | VFileMessage | string} causeOrReason
   *   Reason for message, should use markdown.
   * @param {Node | NodeLike | MessageOptions | Point | Position | string | null | undefined} [optionsOrParentOrPlace]
   *   Configuration (optional).
   * @param {string | null | undefined} [origin]
   *   Place in code where the message originates (example:
   *   `'my-package:my-rule'` or `'my-rule'`).
   * @returns {VFileMessage}
   *   Message.
   */
  info(causeOrReason, optionsOrParentOrPlace, origin) {
    const message = this.message(causeOrReason, optionsOrParentOrPlace, origin);
    message.fatal = void 0;
    return message;
  }
  /**
   * Create a message for `reason` associated with the file.
   *
   * The `fatal` field of the message is set to `false` (warning; change may be
   * needed) and the `file` field is set to the current file path.
   * The message is added to the `messages` field on `file`.
   *
   * > 🪦 **Note**: also has obsolete signatures.
   *
   * @overload
   * @param {string} reason
   * @param {MessageOptions | null | undefined} [options]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {string} reason
   * @param {Node | NodeLike | null | undefined} parent
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {string} reason
   * @param {Point | Position | null | undefined} place
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {string} reason
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {Error | VFileMessage} cause
   * @param {Node | NodeLike | null | undefined} parent
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {Error | VFileMessage} cause
   * @param {Point | Position | null | undefined} place
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @overload
   * @param {Error | VFileMessage} cause
   * @param {string | null | undefined} [origin]
   * @returns {VFileMessage}
   *
   * @param {Error | VFileMessage | string} causeOrReason
   *   Reason for message, should use markdown.
   * @param {Node | NodeLike | MessageOptions | Point | Position | string | null | undefined} [optionsOrParentOrPlace]
   *   Configuration (optional).
   * @param {string | null | undefined} [origin]
   *   Place in code where the message originates (example:
   *   `'my-package:my-rule'` or `'my-rule'`).
   * @returns {VFileMessage}
   *   Message.
   */
  message(causeOrReason, optionsOrParentOrPlace, origin) {
    const message = new VFileMessage(
      // @ts-expect-error: the overloads are fine.
      causeOrReason,
      optionsOrParentOrPlace,
      origin
    );
    if (this.path) {
      message.name = this.path + ":" + message.name;
      message.file = this.path;
    }
    message.fatal = false;
    this.messages.push(message);
    return message;
  }
  /**
   * Serialize the file.
   *
   * > **Note**: which encodings are supported depends on the engine.
   * > For info on Node.js, see:
   * > <https://nodejs.org/api/util.html#whatwg-supported-encodings>.
   *
   * @param {string | null | undefined} [encoding='utf8']
   *   Character encoding to understand `value` as when it’s a `Uint8Array`
   *   (default: `'utf-8'`).
   * @returns {string}
   *   Serialized file.
   */
  toString(encoding) {
    if (this.value === void 0) {
      return "";
    }
    if (typeof this.value === "string") {
      return this.value;
    }
    const decoder = new TextDecoder(encoding || void 0);
    return decoder.decode(this.value);
  }
};
function assertPart(part, name) {
  if (part && part.includes(default2.sep)) {
    throw new Error(
      "`" + name + "` cannot be a path: did not expect `" + default2.sep + "`"
    );
  }
}
function assertNonEmpty(part, name) {
  if (!part) {
    throw new Error("`" + name + "` cannot be empty");
  }
}
function assertPath(path, name) {
  if (!path) {
    throw new Error("Setting `" + name + "` requires `path` to be set too");
  }
}
function isUint8Array(value) {
  return Boolean(
    value && typeof value === "object" && "byteLength" in value && "byteOffset" in value
  );
}

// node_modules/bail/index.js
function bail(error) {
  if (error) {
    throw error;
  }
}

// node_modules/unified/lib/index.js
var import_extend = __toESM(require_extend(), 1);

// node_modules/devlop/lib/default.js
function ok() {
}

// node_modules/is-plain-obj/index.js
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) {
    return false;
  }
  const prototype = Object.getPrototypeOf(value);
  return (prototype === null || prototype === Object.prototype || Object.getPrototypeOf(prototype) === null) && !(Symbol.toStringTag in value) && !(Symbol.iterator in value);
}

// node_modules/trough/lib/index.js
function trough() {
  const fns = [];
  const pipeline = { run, use };
  return pipeline;
  function run(...values) {
    let middlewareIndex = -1;
    const callback = values.pop();
    if (typeof callback !== "function") {
      throw new TypeError("Expected function as last argument, not " + callback);
    }
    next(null, ...values);
    function next(error, ...output) {
      const fn = fns[++middlewareIndex];
      let index = -1;
      if (error) {
        callback(error);
        return;
      }
      while (++index < values.length) {
        if (output[index] === null || output[index] === void 0) {
          output[index] = values[index];
        }
      }
      values = output;
      if (fn) {
        wrap(fn, next)(...output);
      } else {
        callback(null, ...output);
      }
    }
  }
  function use(middelware) {
    if (typeof middelware !== "function") {
      throw new TypeError(
        "Expected `middelware` to be a function, not " + middelware
      );
    }
    fns.push(middelware);
    return pipeline;
  }
}
function wrap(middleware, callback) {
  let called;
  return wrapped;
  function wrapped(...parameters) {
    const fnExpectsCallback = middleware.length > parameters.length;
    let result2;
    if (fnExpectsCallback) {
      parameters.push(done);
    }
    try {
      result2 = middleware.apply(this, parameters);
    } catch (error) {
      const exception = (
        /** @type {Error} */
        error
      );
      if (fnExpectsCallback && called) {
        throw exception;
      }
      return done(exception);
    }
    if (!fnExpectsCallback) {
      if (result2 && result2.then && typeof result2.then === "function") {
        result2.then(then, done);
      } else if (result2 instanceof Error) {
        done(result2);
      } else {
        then(result2);
      }
    }
  }
  function done(error, ...output) {
    if (!called) {
      called = true;
      callback(error, ...output);
    }
  }
  function then(value) {
    done(null, value);
  }
}

// node_modules/unified/lib/callable-instance.js
var CallableInstance = (
  /**
   * @type {new <Parameters extends Array<unknown>, Result>(property: string | symbol) => (...parameters: Parameters) => Result}
   */
  /** @type {unknown} */
  /**
   * @this {Function}
   * @param {string | symbol} property
   * @returns {(...parameters: Array<unknown>) => unknown}
   */
  (function(property) {
    const self = this;
    const constr = self.constructor;
    const proto = (
      /** @type {Record<string | symbol, Function>} */
      // Prototypes do exist.
      // type-coverage:ignore-next-line
      constr.prototype
    );
    const value = proto[property];
    const apply2 = function() {
      return value.apply(apply2, arguments);
    };
    Object.setPrototypeOf(apply2, proto);
    return apply2;
  })
);

// node_modules/unified/lib/index.js
var own = {}.hasOwnProperty;
var Processor = class _Processor extends CallableInstance {
  /**
   * Create a processor.
   */
  constructor() {
    super("copy");
    this.Compiler = void 0;
    this.Parser = void 0;
    this.attachers = [];
    this.compiler = void 0;
    this.freezeIndex = -1;
    this.frozen = void 0;
    this.namespace = {};
    this.parser = void 0;
    this.transformers = trough();
  }
  /**
   * Copy a processor.
   *
   * @deprecated
   *   This is a private internal method and should not be used.
   * @returns {Processor<ParseTree, HeadTree, TailTree, CompileTree, CompileResult>}
   *   New *unfrozen* processor ({@linkcode Processor}) that is
   *   configured to work the same as its ancestor.
   *   When the descendant processor is configured in the future it does not
   *   affect the ancestral processor.
   */
  copy() {
    const destination = (
      /** @type {Processor<ParseTree, HeadTree, TailTree, CompileTree, CompileResult>} */
      new _Processor()
    );
    let index = -1;
    while (++index < this.attachers.length) {
      const attacher = this.attachers[index];
      destination.use(...attacher);
    }
    destination.data((0, import_extend.default)(true, {}, this.namespace));
    return destination;
  }
  /**
   * Configure the processor with info available to all plugins.
   * Information is stored in an object.
   *
   * Typically, options can be given to a specific plugin, but sometimes it
   * makes sense to have information shared with several plugins.
   * For example, a list of HTML elements that are self-closing, which is
   * needed during all phases.
   *
   * > **Note**: setting information cannot occur on *frozen* processors.
   * > Call the processor first to create a new unfrozen processor.
   *
   * > **Note**: to register custom data in TypeScript, augment the
   * > {@linkcode Data} interface.
   *
   * @example
   *   This example show how to get and set info:
   *
   *   ```js
   *   import {unified} from 'unified'
   *
   *   const processor = unified().data('alpha', 'bravo')
   *
   *   processor.data('alpha') // => 'bravo'
   *
   *   processor.data() // => {alpha: 'bravo'}
   *
   *   processor.data({charlie: 'delta'})
   *
   *   processor.data() // => {charlie: 'delta'}
   *   ```
   *
   * @template {keyof Data} Key
   *
   * @overload
   * @returns {Data}
   *
   * @overload
   * @param {Data} dataset
   * @returns {Processor<ParseTree, HeadTree, TailTree, CompileTree, CompileResult>}
   *
   * @overload
   * @param {Key} key
   * @returns {Data[Key]}
   *
   * @overload
   * @param {Key} key
   * @param {Data[Key]} value
   * @returns {Processor<ParseTree, HeadTree, TailTree, CompileTree, CompileResult>}
   *
   * @param {Data | Key} [key]
   *   Key to get or set, or entire dataset to set, or nothing to get the
   *   entire dataset (optional).
   * @param {Data[Key]} [value]
   *   Value to set (optional).
   * @returns {unknown}
   *   The current processor when setting, the value at `key` when getting, or
   *   the entire dataset when getting without key.
   */
  data(key, value) {
    if (typeof key === "string") {
      if (arguments.length === 2) {
        assertUnfrozen("data", this.frozen);
        this.namespace[key] = value;
        return this;
      }
      return own.call(this.namespace, key) && this.namespace[key] || void 0;
    }
    if (key) {
      assertUnfrozen("data", this.frozen);
      this.namespace = key;
      return this;
    }
    return this.namespace;
  }
  /**
   * Freeze a processor.
   *
   * Frozen processors are meant to be extended and not to be configured
   * directly.
   *
   * When a processor is frozen it cannot be unfrozen.
   * New processors working the same way can be created by calling the
   * processor.
   *
   * It’s possible to freeze processors explicitly by calling `.freeze()`.
   * Processors freeze automatically when `.parse()`, `.run()`, `.runSync()`,
   * `.stringify()`, `.process()`, or `.processSync()` are called.
   *
   * @returns {Processor<ParseTree, HeadTree, TailTree, CompileTree, CompileResult>}
   *   The current processor.
   */
  freeze() {
    if (this.frozen) {
      return this;
    }
    const self = (
      /** @type {Processor} */
      /** @type {unknown} */
      this
    );
    while (++this.freezeIndex < this.attachers.length) {
      const [attacher, ...options] = this.attachers[this.freezeIndex];
      if (options[0] === false) {
        continue;
      }
      if (options[0] === true) {
        options[0] = void 0;
      }
      const transformer = attacher.call(self, ...options);
      if (typeof transformer === "function") {
        this.transformers.use(transformer);
      }
    }
    this.frozen = true;
    this.freezeIndex = Number.POSITIVE_INFINITY;
    return this;
  }
  /**
   * Parse text to a syntax tree.
   *
   * > **Note**: `parse` freezes the processor if not already *frozen*.
   *
   * > **Note**: `parse` performs the parse phase, not the run phase or other
   * > phases.
   *
   * @param {Compatible | undefined} [file]
   *   file to parse (optional); typically `string` or `VFile`; any value
   *   accepted as `x` in `new VFile(x)`.
   * @returns {ParseTree extends undefined ? Node : ParseTree}
   *   Syntax tree representing `file`.
   */
  parse(file) {
    this.freeze();
    const realFile = vfile(file);
    const parser = this.parser || this.Parser;
    assertParser("parse", parser);
    return parser(String(realFile), realFile);
  }
  /**
   * Process the given file as configured on the processor.
   *
   * > **Note**: `process` freezes the processor if not already *frozen*.
   *
   * > **Note**: `process` performs the parse, run, and stringify phases.
   *
   * @overload
   * @param {Compatible | undefined} file
   * @param {ProcessCallback<VFileWithOutput<CompileResult>>} done
   * @returns {undefined}
   *
   * @overload
   * @param {Compatible | undefined} [file]
   * @returns {Promise<VFileWithOutput<CompileResult>>}
   *
   * @param {Compatible | undefined} [file]
   *   File (optional); typically `string` or `VFile`]; any value accepted as
   *   `x` in `new VFile(x)`.
   * @param {ProcessCallback<VFileWithOutput<CompileResult>> | undefined} [done]
   *   Callback (optional).
   * @returns {Promise<VFile> | undefined}
   *   Nothing if `done` is given.
   *   Otherwise a promise, rejected with a fatal error or resolved with the
   *   processed file.
   *
   *   The parsed, transformed, and compiled value is available at
   *   `file.value` (see note).
   *
   *   > **Note**: unified typically compiles by serializing: most
   *   > compilers return `string` (or `Uint8Array`).
   *   > Some compilers, such as the one configured with
   *   > [`rehype-react`][rehype-react], return other values (in this case, a
   *   > React tree).
   *   > If you’re using a compiler that doesn’t serialize, expect different
   *   > result values.
   *   >
   *   > To register custom results in TypeScript, add them to
   *   > {@linkcode CompileResultMap}.
   *
   *   [rehype-react]: https://github.com/rehypejs/rehype-react
   */
  process(file, done) {
    const self = this;
    this.freeze();
    assertParser("process", this.parser || this.Parser);
    assertCompiler("process", this.compiler || this.Compiler);
    return done ? executor(void 0, done) : new Promise(executor);
    function executor(resolve3, reject) {
      const realFile = vfile(file);
      const parseTree = (
        /** @type {HeadTree extends undefined ? Node : HeadTree} */
        /** @type {unknown} */
        self.parse(realFile)
      );
      self.run(parseTree, realFile, function(error, tree, file2) {
        if (error || !tree || !file2) {
          return realDone(error);
        }
        const compileTree = (
          /** @type {CompileTree extends undefined ? Node : CompileTree} */
          /** @type {unknown} */
          tree
        );
        const compileResult = self.stringify(compileTree, file2);
        if (looksLikeAValue(compileResult)) {
          file2.value = compileResult;
        } else {
          file2.result = compileResult;
        }
        realDone(
          error,
          /** @type {VFileWithOutput<CompileResult>} */
          file2
        );
      });
      function realDone(error, file2) {
        if (error || !file2) {
          reject(error);
        } else if (resolve3) {
          resolve3(file2);
        } else {
          ok(done, "`done` is defined if `resolve` is not");
          done(void 0, file2);
        }
      }
    }
  }
  /**
   * Process the given file as configured on the processor.
   *
   * An error is thrown if asynchronous transforms are configured.
   *
   * > **Note**: `processSync` freezes the processor if not already *frozen*.
   *
   * > **Note**: `processSync` performs the parse, run, and stringify phases.
   *
   * @param {Compatible | undefined} [file]
   *   File (optional); typically `string` or `VFile`; any value accepted as
   *   `x` in `new VFile(x)`.
   * @returns {VFileWithOutput<CompileResult>}
   *   The processed file.
   *
   *   The parsed, transformed, and compiled value is available at
   *   `file.value` (see note).
   *
   *   > **Note**: unified typically compiles by serializing: most
   *   > compilers return `string` (or `Uint8Array`).
   *   > Some compilers, such as the one configured with
   *   > [`rehype-react`][rehype-react], return other values (in this case, a
   *   > React tree).
   *   > If you’re using a compiler that doesn’t serialize, expect different
   *   > result values.
   *   >
   *   > To register custom results in TypeScript, add them to
   *   > {@linkcode CompileResultMap}.
   *
   *   [rehype-react]: https://github.com/rehypejs/rehype-react
   */
  processSync(file) {
    let complete = false;
    let result2;
    this.freeze();
    assertParser("processSync", this.parser || this.Parser);
    assertCompiler("processSync", this.compiler || this.Compiler);
    this.process(file, realDone);
    assertDone("processSync", "process", complete);
    ok(result2, "we either bailed on an error or have a tree");
    return result2;
    function realDone(error, file2) {
      complete = true;
      bail(error);
      result2 = file2;
    }
  }
  /**
   * Run *transformers* on a syntax tree.
   *
   * > **Note**: `run` freezes the processor if not already *frozen*.
   *
   * > **Note**: `run` performs the run phase, not other phases.
   *
   * @overload
   * @param {HeadTree extends undefined ? Node : HeadTree} tree
   * @param {RunCallback<TailTree extends undefined ? Node : TailTree>} done
   * @returns {undefined}
   *
   * @overload
   * @param {HeadTree extends undefined ? Node : HeadTree} tree
   * @param {Compatible | undefined} file
   * @param {RunCallback<TailTree extends undefined ? Node : TailTree>} done
   * @returns {undefined}
   *
   * @overload
   * @param {HeadTree extends undefined ? Node : HeadTree} tree
   * @param {Compatible | undefined} [file]
   * @returns {Promise<TailTree extends undefined ? Node : TailTree>}
   *
   * @param {HeadTree extends undefined ? Node : HeadTree} tree
   *   Tree to transform and inspect.
   * @param {(
   *   RunCallback<TailTree extends undefined ? Node : TailTree> |
   *   Compatible
   * )} [file]
   *   File associated with `node` (optional); any value accepted as `x` in
   *   `new VFile(x)`.
   * @param {RunCallback<TailTree extends undefined ? Node : TailTree>} [done]
   *   Callback (optional).
   * @returns {Promise<TailTree extends undefined ? Node : TailTree> | undefined}
   *   Nothing if `done` is given.
   *   Otherwise, a promise rejected with a fatal error or resolved with the
   *   transformed tree.
   */
  run(tree, file, done) {
    assertNode(tree);
    this.freeze();
    const transformers = this.transformers;
    if (!done && typeof file === "function") {
      done = file;
      file = void 0;
    }
    return done ? executor(void 0, done) : new Promise(executor);
    function executor(resolve3, reject) {
      ok(
        typeof file !== "function",
        "`file` can\u2019t be a `done` anymore, we checked"
      );
      const realFile = vfile(file);
      transformers.run(tree, realFile, realDone);
      function realDone(error, outputTree, file2) {
        const resultingTree = (
          /** @type {TailTree extends undefined ? Node : TailTree} */
          outputTree || tree
        );
        if (error) {
          reject(error);
        } else if (resolve3) {
          resolve3(resultingTree);
        } else {
          ok(done, "`done` is defined if `resolve` is not");
          done(void 0, resultingTree, file2);
        }
      }
    }
  }
  /**
   * Run *transformers* on a syntax tree.
   *
   * An error is thrown if asynchronous transforms are configured.
   *
   * > **Note**: `runSync` freezes the processor if not already *frozen*.
   *
   * > **Note**: `runSync` performs the run phase, not other phases.
   *
   * @param {HeadTree extends undefined ? Node : HeadTree} tree
   *   Tree to transform and inspect.
   * @param {Compatible | undefined} [file]
   *   File associated with `node` (optional); any value accepted as `x` in
   *   `new VFile(x)`.
   * @returns {TailTree extends undefined ? Node : TailTree}
   *   Transformed tree.
   */
  runSync(tree, file) {
    let complete = false;
    let result2;
    this.run(tree, file, realDone);
    assertDone("runSync", "run", complete);
    ok(result2, "we either bailed on an error or have a tree");
    return result2;
    function realDone(error, tree2) {
      bail(error);
      result2 = tree2;
      complete = true;
    }
  }
  /**
   * Compile a syntax tree.
   *
   * > **Note**: `stringify` freezes the processor if not already *frozen*.
   *
   * > **Note**: `stringify` performs the stringify phase, not the run phase
   * > or other phases.
   *
   * @param {CompileTree extends undefined ? Node : CompileTree} tree
   *   Tree to compile.
   * @param {Compatible | undefined} [file]
   *   File associated with `node` (optional); any value accepted as `x` in
   *   `new VFile(x)`.
   * @returns {CompileResult extends undefined ? Value : CompileResult}
   *   Textual representation of the tree (see note).
   *
   *   > **Note**: unified typically compiles by serializing: most compilers
   *   > return `string` (or `Uint8Array`).
   *   > Some compilers, such as the one configured with
   *   > [`rehype-react`][rehype-react], return other values (in this case, a
   *   > React tree).
   *   > If you’re using a compiler that doesn’t serialize, expect different
   *   > result values.
   *   >
   *   > To register custom results in TypeScript, add them to
   *   > {@linkcode CompileResultMap}.
   *
   *   [rehype-react]: https://github.com/rehypejs/rehype-react
   */
  stringify(tree, file) {
    this.freeze();
    const realFile = vfile(file);
    const compiler = this.compiler || this.Compiler;
    assertCompiler("stringify", compiler);
    assertNode(tree);
    return compiler(tree, realFile);
  }
  /**
   * Configure the processor to use a plugin, a list of usable values, or a
   * preset.
   *
   * If the processor is already using a plugin, the previous plugin
   * configuration is changed based on the options that are passed in.
   * In other words, the plugin is not added a second time.
   *
   * > **Note**: `use` cannot be called on *frozen* processors.
   * > Call the processor first to create a new unfrozen processor.
   *
   * @example
   *   There are many ways to pass plugins to `.use()`.
   *   This example gives an overview:
   *
   *   ```js
   *   import {unified} from 'unified'
   *
   *   unified()
   *     // Plugin with options:
   *     .use(pluginA, {x: true, y: true})
   *     // Passing the same plugin again merges configuration (to `{x: true, y: false, z: true}`):
   *     .use(pluginA, {y: false, z: true})
   *     // Plugins:
   *     .use([pluginB, pluginC])
   *     // Two plugins, the second with options:
   *     .use([pluginD, [pluginE, {}]])
   *     // Preset with plugins and settings:
   *     .use({plugins: [pluginF, [pluginG, {}]], settings: {position: false}})
   *     // Settings only:
   *     .use({settings: {position: false}})
   *   ```
   *
   * @template {Array<unknown>} [Parameters=[]]
   * @template {Node | string | undefined} [Input=undefined]
   * @template [Output=Input]
   *
   * @overload
   * @param {Preset | null | undefined} [preset]
   * @returns {Processor<ParseTree, HeadTree, TailTree, CompileTree, CompileResult>}
   *
   * @overload
   * @param {PluggableList} list
   * @returns {Processor<ParseTree, HeadTree, TailTree, CompileTree, CompileResult>}
   *
   * @overload
   * @param {Plugin<Parameters, Input, Output>} plugin
   * @param {...(Parameters | [boolean])} parameters
   * @returns {UsePlugin<ParseTree, HeadTree, TailTree, CompileTree, CompileResult, Input, Output>}
   *
   * @param {PluggableList | Plugin | Preset | null | undefined} value
   *   Usable value.
   * @param {...unknown} parameters
   *   Parameters, when a plugin is given as a usable value.
   * @returns {Processor<ParseTree, HeadTree, TailTree, CompileTree, CompileResult>}
   *   Current processor.
   */
  use(value, ...parameters) {
    const attachers = this.attachers;
    const namespace = this.namespace;
    assertUnfrozen("use", this.frozen);
    if (value === null || value === void 0) {
    } else if (typeof value === "function") {
      addPlugin(value, parameters);
    } else if (typeof value === "object") {
      if (Array.isArray(value)) {
        addList(value);
      } else {
        addPreset(value);
      }
    } else {
      throw new TypeError("Expected usable value, not `" + value + "`");
    }
    return this;
    function add(value2) {
      if (typeof value2 === "function") {
        addPlugin(value2, []);
      } else if (typeof value2 === "object") {
        if (Array.isArray(value2)) {
          const [plugin, ...parameters2] = (
            /** @type {PluginTuple<Array<unknown>>} */
            value2
          );
          addPlugin(plugin, parameters2);
        } else {
          addPreset(value2);
        }
      } else {
        throw new TypeError("Expected usable value, not `" + value2 + "`");
      }
    }
    function addPreset(result2) {
      if (!("plugins" in result2) && !("settings" in result2)) {
        throw new Error(
          "Expected usable value but received an empty preset, which is probably a mistake: presets typically come with `plugins` and sometimes with `settings`, but this has neither"
        );
      }
      addList(result2.plugins);
      if (result2.settings) {
        namespace.settings = (0, import_extend.default)(true, namespace.settings, result2.settings);
      }
    }
    function addList(plugins) {
      let index = -1;
      if (plugins === null || plugins === void 0) {
      } else if (Array.isArray(plugins)) {
        while (++index < plugins.length) {
          const thing = plugins[index];
          add(thing);
        }
      } else {
        throw new TypeError("Expected a list of plugins, not `" + plugins + "`");
      }
    }
    function addPlugin(plugin, parameters2) {
      let index = -1;
      let entryIndex = -1;
      while (++index < attachers.length) {
        if (attachers[index][0] === plugin) {
          entryIndex = index;
          break;
        }
      }
      if (entryIndex === -1) {
        attachers.push([plugin, ...parameters2]);
      } else if (parameters2.length > 0) {
        let [primary, ...rest] = parameters2;
        const currentPrimary = attachers[entryIndex][1];
        if (isPlainObject(currentPrimary) && isPlainObject(primary)) {
          primary = (0, import_extend.default)(true, currentPrimary, primary);
        }
        attachers[entryIndex] = [plugin, primary, ...rest];
      }
    }
  }
};
var unified = new Processor().freeze();
function assertParser(name, value) {
  if (typeof value !== "function") {
    throw new TypeError("Cannot `" + name + "` without `parser`");
  }
}
function assertCompiler(name, value) {
  if (typeof value !== "function") {
    throw new TypeError("Cannot `" + name + "` without `compiler`");
  }
}
function assertUnfrozen(name, frozen) {
  if (frozen) {
    throw new Error(
      "Cannot call `" + name + "` on a frozen processor.\nCreate a new processor first, by calling it: use `processor()` instead of `processor`."
    );
  }
}
function assertNode(node) {
  if (!isPlainObject(node) || typeof node.type !== "string") {
    throw new TypeError("Expected node, got `" + node + "`");
  }
}
function assertDone(name, asyncName, complete) {
  if (!complete) {
    throw new Error(
      "`" + name + "` finished async. Use `" + asyncName + "` instead"
    );
  }
}
function vfile(value) {
  return looksLikeAVFile(value) ? value : new VFile(value);
}
function looksLikeAVFile(value) {
  return Boolean(
    value && typeof value === "object" && "message" in value && "messages" in value
  );
}
function looksLikeAValue(value) {
  return typeof value === "string" || isUint8Array2(value);
}
function isUint8Array2(value) {
  return Boolean(
    value && typeof value === "object" && "byteLength" in value && "byteOffset" in value
  );
}

// src/load/helm.ts
import { existsSync as existsSync2 } from "node:fs";
import { resolve } from "node:path";
var SOURCE = /^# Source: (\S.*?)\s*$/;
var DOC_MARKER = /^(---|\.\.\.)(\s|$)/;
function helmSegments(text) {
  if (!text.includes("# Source: ")) return [];
  const lines = text.split("\n");
  const out = [];
  let open;
  let content = false;
  const close = (last) => {
    if (open) {
      open.endLine = Math.max(open.startLine - 1, last);
      if (open.endLine >= open.startLine) out.push(open);
    }
    open = void 0;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, "");
    const n = i + 1;
    if (DOC_MARKER.test(line)) {
      close(n - 1);
      content = false;
      continue;
    }
    const m = content ? null : SOURCE.exec(line);
    if (m) {
      close(n - 1);
      open = { startLine: n + 1, endLine: n + 1, path: m[1] };
      continue;
    }
    if (line.trim() !== "" && !line.trimStart().startsWith("#")) content = true;
  }
  close(lines.length);
  return out;
}
var SourceMapper = class {
  /** `chartRoot`: where the `# Source:` paths are (`--helm-chart-root`); else the working directory, when they exist there. */
  constructor(sources, cwd, chartRoot) {
    this.cwd = cwd;
    this.chartRoot = chartRoot;
    for (const s of sources) {
      const segs = helmSegments(s.text);
      if (segs.length === 0) continue;
      const seen = /* @__PURE__ */ new Map();
      for (const seg of segs) {
        seg.offset = seen.get(seg.path) ?? 0;
        seen.set(seg.path, seg.offset + (seg.endLine - seg.startLine + 1) + 1);
      }
      this.segments.set(s.path, segs);
    }
  }
  cwd;
  chartRoot;
  segments = /* @__PURE__ */ new Map();
  exists = /* @__PURE__ */ new Map();
  templateExists(path) {
    let e = this.exists.get(path);
    if (e === void 0) this.exists.set(path, e = existsSync2(path));
    return e;
  }
  get active() {
    return this.segments.size > 0;
  }
  /** The template place of an input place; the input place itself outside any segment. */
  map(file, start, end) {
    const segs = this.segments.get(file);
    const seg = segs?.find((s) => s.startLine <= start.line && start.line <= s.endLine);
    if (!seg) return { file, start, end };
    const template = resolve(this.chartRoot ?? this.cwd, seg.path);
    if (!this.chartRoot && !this.templateExists(template)) return { file, start, end, renderedFrom: { template: seg.path, sourceLine: seg.startLine - 1 } };
    const endLine = Math.min(end.line, seg.endLine);
    const line = (l) => l - seg.startLine + 1 + (seg.offset ?? 0);
    return {
      file: template,
      start: { line: line(start.line), column: start.column },
      end: endLine === end.line ? { line: line(end.line), column: end.column } : { line: line(endLine), column: start.column }
    };
  }
};

// src/engine/fix.ts
var import_yaml4 = __toESM(require_dist(), 1);
var FixableText = class {
  constructor(text) {
    this.text = text;
  }
  text;
  docs;
  /** The text edit of a fix, or undefined when its node is not a scalar of a clean document. */
  edit(fix) {
    this.docs ??= (0, import_yaml4.parseAllDocuments)(neutralizeBoms(this.text), YAML_PARSE_OPTIONS);
    const doc = this.docs[fix.document];
    if (!doc || doc.errors.length > 0) return void 0;
    const node = doc.getIn(fix.path, true);
    if (!(0, import_yaml4.isScalar)(node) || !node.range) return void 0;
    const scalar = new import_yaml4.Scalar(fix.value);
    scalar.type = node.type === import_yaml4.Scalar.BLOCK_FOLDED || node.type === import_yaml4.Scalar.BLOCK_LITERAL ? void 0 : node.type;
    const text = (0, import_yaml4.stringify)(scalar, { lineWidth: 0 }).replace(/\n$/, "");
    return { range: [node.range[0], node.range[1]], text };
  }
};
function applyFixes(text, fixes) {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = "";
  let at = 0;
  let applied = 0;
  for (const f of sorted) {
    if (f.range[0] < at) continue;
    output += text.slice(at, f.range[0]) + f.text;
    at = f.range[1];
    applied++;
  }
  return { output: output + text.slice(at), applied };
}

// src/engine/finish.ts
function defaultSeverities(rules) {
  const defaults = /* @__PURE__ */ new Map();
  for (const [id, meta] of Object.entries(BUILTIN)) defaults.set(id, meta.severity);
  for (const r of rules) defaults.set(r.id, r.meta.severity);
  return defaults;
}
async function loadReport(run, opts = {}) {
  const pending = await run.loadDiagnostics();
  const mapper = new SourceMapper(run.input.files.map((f) => f.source), run.cwd);
  const suppressor = suppressorOf(run, [], opts.inlineConfig !== false);
  return finish(pending, { paths: [], rules: [], config: run.config, cli: opts.cliRules ?? {}, suppressor, reportUnused: false, mapper }).filter((r) => r.messages.length > 0);
}
function suppressorOf(run, rules, inlineConfig) {
  return new Suppressor(
    run.input.files.map((f) => f.source),
    run.input.resources,
    { inlineConfig, rules: [...Object.keys(BUILTIN).map((id) => ({ id })), ...rules.map((r) => ({ id: r.id, aliases: r.meta.aliases }))] }
  );
}
function finish(pending, ctx) {
  const { paths, config, cli, suppressor, reportUnused, mapper } = ctx;
  const defaults = defaultSeverities(ctx.rules);
  const urls = new Map(ctx.rules.map((r) => [r.id, r.url]));
  const byFile = /* @__PURE__ */ new Map();
  for (const p of paths) byFile.set(p, { filePath: p, messages: [], suppressedMessages: [], errorCount: 0, warningCount: 0, fatalErrorCount: 0 });
  const seen = /* @__PURE__ */ new Set();
  const fixable = /* @__PURE__ */ new Map();
  const textFix = (d) => {
    const text = d.fix && ctx.sources?.get(d.file);
    if (!d.fix || text === void 0) return void 0;
    let file = fixable.get(d.file);
    if (!file) fixable.set(d.file, file = new FixableText(text));
    return file.edit(d.fix);
  };
  const add = (d) => {
    const at = mapper.active ? mapper.map(d.file, d.start, d.end) : d;
    let sev = d.internal ? "error" : severityFor(d.ruleId, defaults.get(d.ruleId) ?? "error", config, at.file, cli);
    if (sev === "off") return;
    if (d.downgrade) sev = "warn";
    const key = `${d.file}\0${d.start.line}:${d.start.column}\0${d.ruleId}\0${d.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    d.fatal = sev === "error";
    d.url = d.ruleId in BUILTIN ? builtinUrl(d.ruleId) : urls.get(d.ruleId) ?? "";
    let result2 = byFile.get(at.file);
    if (!result2) byFile.set(at.file, result2 = { filePath: at.file, messages: [], suppressedMessages: [], errorCount: 0, warningCount: 0, fatalErrorCount: 0 });
    const message = {
      ruleId: d.ruleId,
      severity: sev === "error" ? 2 : 1,
      message: d.message,
      file: at.file,
      line: at.start.line,
      column: at.start.column,
      endLine: at.end.line,
      endColumn: at.end.column,
      url: d.url
    };
    if (d.messageId) message.messageId = d.messageId;
    if (d.messageData) message.messageData = d.messageData;
    if (d.hasSuggestions) deferProperty(message, "suggestions", () => d.suggestions);
    const fix = at.file === d.file ? textFix(d) : void 0;
    if (fix) message.fix = fix;
    const related = (d.related ?? []).map((r) => {
      if (!mapper.active) return r;
      const p = { line: r.line, column: r.column };
      const m = mapper.map(r.file, p, p);
      return { ...r, file: m.file, line: m.start.line, column: m.start.column };
    });
    if ("renderedFrom" in at && at.renderedFrom) {
      const { template, sourceLine } = at.renderedFrom;
      related.unshift({ message: `rendered from template ${template} (# Source:), which is not here to point at; give --helm-chart-root to report against it`, file: d.file, line: sourceLine, column: 1 });
    }
    if (related.length) message.related = related;
    if (d.assumptions) message.assumptions = d.assumptions;
    const fatal = d.internal || d.ruleId === "yaml-syntax";
    if (fatal) message.fatal = true;
    const suppressions = suppressor.check(d);
    if (suppressions) {
      result2.suppressedMessages.push({ ...message, suppressions });
      return;
    }
    result2.messages.push(message);
    if (ctx.files) {
      let vfile2 = ctx.files.get(at.file);
      if (!vfile2) ctx.files.set(at.file, vfile2 = new VFile({ path: at.file }));
      vfile2.messages.push(d);
    }
    if (message.severity === 2) result2.errorCount++;
    else result2.warningCount++;
    if (fatal && message.severity === 2) result2.fatalErrorCount++;
  };
  for (const d of pending) add(d);
  if (reportUnused) {
    for (const u of suppressor.unused()) add(new MeshMessage({ ruleId: UNUSED_DIRECTIVE, file: u.file, message: u.message, start: u.start, end: u.end }));
  }
  const results = [...byFile.values()].sort((a, b) => a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0);
  for (const r of results) {
    const source = r.messages.length > 0 ? ctx.sources?.get(r.filePath) : void 0;
    if (source !== void 0) r.source = source;
    r.messages.sort(compareMessages);
    r.suppressedMessages.sort(compareMessages);
  }
  return results;
}
function deferProperty(target, key, compute) {
  const settle = (value) => Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      settle(value);
      return value;
    },
    set: settle
  });
}
function compareMessages(a, b) {
  return a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) || cmp(a.message, b.message);
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/model/kinds.ts
function toService(r) {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  const ports = [];
  arr(spec.ports).forEach((p, index) => {
    if (!isRecord(p) || typeof p.port !== "number") return;
    const target = typeof p.targetPort === "number" || typeof p.targetPort === "string" ? p.targetPort : p.port;
    ports.push({ name: str(p.name), port: p.port, targetPort: target, protocol: str(p.protocol) ?? "TCP", appProtocol: str(p.appProtocol), index });
  });
  const selector = isRecord(spec.selector) ? stringMap(spec.selector) : void 0;
  return { resource: r, name: r.name, namespace: r.namespace, selector, ports };
}
function targetRefs(spec) {
  const out = [];
  const add = (v, path) => {
    if (!isRecord(v)) return;
    out.push({ group: str(v.group) ?? "", kind: str(v.kind) ?? "", name: str(v.name) ?? "", namespace: str(v.namespace), path });
  };
  add(spec.targetRef, ["spec", "targetRef"]);
  arr(spec.targetRefs).forEach((v, i) => add(v, ["spec", "targetRefs", i]));
  return out;
}
function selectorOf(spec, key, labelsKey) {
  const sel = spec[key];
  if (!isRecord(sel)) return void 0;
  return stringMap(sel[labelsKey]);
}
function toSelectingPolicy(r, selectorKey = "selector", labelsKey = "matchLabels") {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  return { resource: r, name: r.name, namespace: r.namespace, spec, selector: selectorOf(spec, selectorKey, labelsKey), targetRefs: targetRefs(spec) };
}
function policyText(p) {
  const g = p.generatedBy;
  return `"${p.namespace}/${p.name}"${g ? ` (generated by Otterize for ClientIntents ${g.namespace}/${g.name}, ${g.entry})` : ""}`;
}
function toAuthorizationPolicy(r) {
  const base = toSelectingPolicy(r);
  const action = str(base.spec.action) ?? "ALLOW";
  return {
    ...base,
    action: ["ALLOW", "DENY", "AUDIT", "CUSTOM"].includes(action) ? action : "ALLOW",
    rules: Array.isArray(base.spec.rules) ? base.spec.rules : void 0,
    // istiod reads it with strconv.ParseBool (authz/builder/builder.go isDryRun; ambient/authorization.go).
    dryRun: parseGoBool(r.annotations["istio.io/dry-run"]),
    provider: isRecord(base.spec.provider) ? str(base.spec.provider.name) : void 0
  };
}
function mtlsMode(v) {
  const mode = isRecord(v) ? str(v.mode) : void 0;
  return mode === "STRICT" || mode === "PERMISSIVE" || mode === "DISABLE" ? mode : "UNSET";
}
function toPeerAuthentication(r) {
  const base = toSelectingPolicy(r);
  const portLevel = /* @__PURE__ */ new Map();
  if (isRecord(base.spec.portLevelMtls)) {
    for (const [port, v] of Object.entries(base.spec.portLevelMtls)) {
      const n = Number(port);
      if (Number.isInteger(n)) portLevel.set(n, mtlsMode(v));
    }
  }
  return { ...base, mode: mtlsMode(base.spec.mtls), portLevel };
}
function toDestinationRule(r) {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  const tp = isRecord(spec.trafficPolicy) ? spec.trafficPolicy : {};
  const tlsMode = isRecord(tp.tls) ? str(tp.tls.mode) : void 0;
  const portTlsModes = /* @__PURE__ */ new Map();
  arr(tp.portLevelSettings).forEach((s, index) => {
    if (!isRecord(s) || !isRecord(s.port) || typeof s.port.number !== "number") return;
    if (isRecord(s.tls)) portTlsModes.set(s.port.number, { mode: str(s.tls.mode), index });
  });
  const exportTo = Array.isArray(spec.exportTo) ? spec.exportTo.filter((x) => typeof x === "string").map((x) => x === "." ? r.namespace : x) : ["*"];
  return {
    resource: r,
    name: r.name,
    namespace: r.namespace,
    host: str(spec.host) ?? "",
    exportTo,
    tlsMode,
    portTlsModes,
    workloadSelector: selectorOfWorkload(spec),
    subsets: arr(spec.subsets).flatMap((s, index) => isRecord(s) && typeof s.name === "string" && s.name ? [{ name: s.name, labels: stringMap(s.labels), index }] : [])
  };
}
function selectorOfWorkload(spec) {
  return isRecord(spec.workloadSelector) ? stringMap(spec.workloadSelector.matchLabels) : void 0;
}
var WAYPOINT_CLASS2 = "istio-waypoint";
function toK8sGateway(r, classLabels = {}) {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  const className = str(spec.gatewayClassName) ?? "";
  const wf = r.labels["istio.io/waypoint-for"] ?? classLabels["istio.io/waypoint-for"];
  const waypointFor = wf === void 0 ? "service" : wf === "service" || wf === "workload" || wf === "all" ? wf : "none";
  return {
    resource: r,
    name: r.name,
    namespace: r.namespace,
    className,
    isWaypoint: className === WAYPOINT_CLASS2,
    waypointFor,
    // pilot/pkg/config/kube/gateway/deploymentcontroller.go, getDefaultName: waypoints keep the
    // Gateway's name, other Istio-managed gateways get `<name>-<class>`.
    serviceAccount: r.annotations["gateway.istio.io/service-account"] ?? (className === WAYPOINT_CLASS2 ? r.name : `${r.name}-${className}`)
  };
}

// src/model/intents.ts
import { createHash } from "node:crypto";
var OTTERIZE_GROUP = "k8s.otterize.com";
var LEGACY_KIND = "OttrLegacy";
function isKubernetesApiServer(t) {
  return t.type === "service" && t.name === "kubernetes" && t.namespace === "default";
}
function isClientIntents(r) {
  return r.group === OTTERIZE_GROUP && r.kind === "ClientIntents";
}
function splitName(written, defaultNs) {
  const parts = written.split(".");
  return [parts[0], parts.length === 1 ? defaultNs : parts[1]];
}
function httpResources(v) {
  return arr(v).flatMap((h) => isRecord(h) ? [{ path: str(h.path) ?? "", methods: arr(h.methods).filter((m) => typeof m === "string") }] : []);
}
function v1Target(call, ns, i, version) {
  const path = ["spec", "calls", i];
  const entry = `calls[${i}]`;
  const namePath = [...path, "name"];
  const type = str(call.type) ?? "";
  const written = str(call.name) ?? "";
  const kind = version === "v1alpha2" ? "" : str(call.kind) ?? "";
  const other = (t) => ({ type: t, name: written, namespace: ns, kind: "", http: [], path, namePath, entry });
  if (type === "kafka") return other("kafka");
  if (type === "database") return other("sql");
  if (type !== "" && type !== "http") return other("other");
  const isService = written.startsWith("svc:") || kind === "Service";
  const [name, namespace] = splitName(isService ? written.replaceAll("svc:", "") : written, ns);
  return {
    type: isService ? "service" : "kubernetes",
    name,
    namespace,
    kind: kind || (isService ? "Service" : LEGACY_KIND),
    // v1alpha2 names the HTTP resources `resources`; v1alpha3 and v1beta1 `HTTPResources`.
    http: type === "http" ? httpResources(call[version === "v1alpha2" ? "resources" : "HTTPResources"]) : [],
    path,
    namePath,
    entry
  };
}
function v2Target(t, ns, i) {
  const path = ["spec", "targets", i];
  const entry = `targets[${i}]`;
  const k8s = isRecord(t.kubernetes) ? t.kubernetes : void 0;
  const svc = isRecord(t.service) ? t.service : void 0;
  if (svc || k8s) {
    const body = svc ?? k8s;
    const [name, namespace] = splitName(str(body.name) ?? "", ns);
    const kind = svc ? "Service" : str(k8s.kind) || LEGACY_KIND;
    const namePath = [...path, svc ? "service" : "kubernetes", "name"];
    return { type: kind === "Service" ? "service" : "kubernetes", name, namespace, kind, http: httpResources(body.http), path, namePath, entry };
  }
  const other = (type, key) => ({ type, name: isRecord(t[key]) ? str(t[key].name) ?? "" : "", namespace: ns, kind: "", http: [], path, namePath: [...path, key], entry });
  if (isRecord(t.kafka)) return other("kafka", "kafka");
  if (isRecord(t.sql)) return other("sql", "sql");
  return other("other", "internet");
}
function toClientIntents(r) {
  if (!isClientIntents(r) || !isRecord(r.raw.spec)) return void 0;
  const spec = r.raw.spec;
  const v2 = r.version.startsWith("v2");
  const clientKey = v2 ? "workload" : "service";
  const c = isRecord(spec[clientKey]) ? spec[clientKey] : {};
  const client = { name: str(c.name) ?? "", kind: r.version !== "v1alpha2" && str(c.kind) || LEGACY_KIND, path: ["spec", clientKey, "name"] };
  const targets = [];
  if (v2) {
    arr(spec.targets).forEach((t, i) => {
      if (isRecord(t)) targets.push(v2Target(t, r.namespace, i));
    });
  } else {
    arr(spec.calls).forEach((call, i) => {
      if (isRecord(call)) targets.push(v1Target(call, r.namespace, i, r.version));
    });
  }
  return { resource: r, name: r.name, namespace: r.namespace, client, targets };
}
function toProtectedService(r) {
  if (r.group !== OTTERIZE_GROUP || r.kind !== "ProtectedService") return void 0;
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  return { resource: r, namespace: r.namespace, name: str(spec.name) ?? "", kind: str(spec.kind) ?? "" };
}
function protectsKind(ps, serverKind) {
  return ps.kind === "" || ps.kind === serverKind;
}
function otterizeIdentity(w, annotation) {
  const named = w.podAnnotations[annotation] ?? w.podAnnotations["intents.otterize.com/service-name"];
  if (named !== void 0) return { name: named, namespace: w.namespace, kind: "" };
  let name = w.name;
  let kind = w.kind;
  if (w.knative) {
    name = w.knative.service ?? w.knative.configuration;
    kind = w.knative.service ? "Service" : "Configuration";
  }
  return { name: name.replaceAll(".", "_"), namespace: w.namespace, kind };
}
function formattedIdentity(name, namespace) {
  const hash = createHash("md5").update(`${name}-${namespace}`).digest("hex").slice(0, 6);
  return `${name.slice(0, 20)}-${namespace.slice(0, 20)}-${hash}`;
}
var SERVICE_LABEL = "intents.otterize.com/service";
var OWNER_KIND_LABEL = "intents.otterize.com/owner-kind";
function otterizePodLabels(id) {
  return { [SERVICE_LABEL]: formattedIdentity(id.name, id.namespace), [OWNER_KIND_LABEL]: id.kind };
}
function rfc1123NameWithKind(name, kind) {
  const withKind = kind === "" || kind === LEGACY_KIND ? name : `${name}-${kind.toLowerCase()}`;
  return withKind.replaceAll("_", ".");
}
var OTTERIZE_DEFAULTS = {
  enforcementDefault: true,
  istioPolicyCreation: true,
  activeEnforcementNamespaces: [],
  watchedNamespaces: [],
  workloadNameAnnotation: "intents.otterize.com/workload-name"
};
var KEYS = [
  ["enforcementDefault", "enforcement-default-state", "bool"],
  ["istioPolicyCreation", "enable-istio-policy-creation", "bool"],
  ["activeEnforcementNamespaces", "active-enforcement-namespaces", "list"],
  ["watchedNamespaces", "watched-namespaces", "list"],
  ["workloadNameAnnotation", "workload-name-override-annotation", "string"]
];
function envName(key) {
  return `OTTERIZE_${key.toUpperCase().replaceAll("-", "_")}`;
}
function parseValue(type, v, fromFlag) {
  if (type === "bool") return parseGoBool(v);
  if (type === "list") return (fromFlag ? v.split(",") : v.split(/\s+/)).map((x) => x.trim()).filter((x) => x !== "");
  return v;
}
var KEYS_BY_ENV = new Map(KEYS.map((k) => [envName(k[1]), k]));
function operatorContainers(r) {
  if (r.kind !== "Deployment" || r.group !== "apps") return [];
  const template = isRecord(r.raw.spec) && isRecord(r.raw.spec.template) ? r.raw.spec.template : {};
  const pod = isRecord(template.spec) ? template.spec : {};
  return arr(pod.containers).flatMap((c, index) => {
    if (!isRecord(c)) return [];
    const image = str(c.image) ?? "";
    const hasEnv = arr(c.env).some((e) => isRecord(e) && typeof e.name === "string" && KEYS_BY_ENV.has(e.name));
    return image.includes("intents-operator") || hasEnv ? [{ c, index }] : [];
  });
}
function settingsOf(r) {
  const values = {};
  const out = { values };
  for (const { c, index } of operatorContainers(r)) {
    const base = ["spec", "template", "spec", "containers", index];
    arr(c.env).forEach((e, ei) => {
      if (!isRecord(e) || typeof e.value !== "string") return;
      const k = typeof e.name === "string" ? KEYS_BY_ENV.get(e.name) : void 0;
      if (!k) return;
      values[k[0]] = parseValue(k[2], e.value, false);
      out[k[0]] = { resource: r, path: [...base, "env", ei, "value"] };
    });
    const args = [...arr(c.command), ...arr(c.args)];
    const argBase = arr(c.command).length;
    args.forEach((a, ai) => {
      if (typeof a !== "string" || !a.startsWith("--")) return;
      const [flag, inline] = a.slice(2).split(/=(.*)/s, 2);
      const k = KEYS.find(([, key]) => key === flag);
      if (!k) return;
      const next = args[ai + 1];
      const value = inline ?? (k[2] === "bool" ? "true" : typeof next === "string" ? next : void 0);
      if (value === void 0) return;
      values[k[0]] = parseValue(k[2], value, true);
      const inArgs = ai >= argBase;
      out[k[0]] = { resource: r, path: [...base, inArgs ? "args" : "command", inArgs ? ai - argBase : ai] };
    });
  }
  return out;
}
function resolveOtterize(resources, configured = {}) {
  const found = {};
  const sources = {};
  for (const r of resources) {
    if (operatorContainers(r).length === 0) continue;
    const { values, ...from } = settingsOf(r);
    Object.assign(found, values);
    Object.assign(sources, from);
  }
  const defined = Object.fromEntries(Object.entries(configured).filter(([, v]) => v !== void 0));
  return { ...OTTERIZE_DEFAULTS, ...defined, ...found, sources };
}
function nativeSidecar(w, meshDefault) {
  const annotation = w.podAnnotations["sidecar.istio.io/nativeSidecar"];
  if (annotation === "true") return true;
  if (annotation === "false") return false;
  const specPath = [...w.podMetadataPath.slice(0, -1), "spec"];
  let spec = w.resource.raw;
  for (const seg of specPath) spec = isRecord(spec) ? spec[seg] : void 0;
  if (!isRecord(spec)) return meshDefault;
  const named = (list) => arr(list).some((c) => isRecord(c) && c.name === "istio-proxy");
  if (named(spec.containers)) return false;
  return named(spec.initContainers) || meshDefault;
}
function formattedIdentityWithKind(name, namespace, kind) {
  if (kind === "" || kind === LEGACY_KIND) return formattedIdentity(name, namespace);
  const hash = createHash("md5").update(`${name}-${namespace}-${kind}`).digest("hex").slice(0, 6);
  return `${name.slice(0, 19)}-${namespace.slice(0, 19)}-${kind.slice(0, 5).toLowerCase()}-${hash}`;
}

// src/model/intents-policies.ts
var origins = /* @__PURE__ */ new WeakMap();
function generatedOrigin(r) {
  return origins.get(r);
}
var OPERATOR_TRUST_DOMAIN = "cluster.local";
function selectorFor(name, namespace, kind) {
  const service = formattedIdentity(name, namespace);
  return kind === "" || kind === LEGACY_KIND ? { [SERVICE_LABEL]: service } : { [OWNER_KIND_LABEL]: kind, [SERVICE_LABEL]: service };
}
var Identities = class {
  constructor(index) {
    this.index = index;
  }
  index;
  byNs = /* @__PURE__ */ new Map();
  find(name, namespace, kind) {
    if (kind === "Service") {
      const service = this.index.service(namespace, name);
      return { workloads: service ? this.index.servicePods(service) : [], service };
    }
    const all = this.named(namespace).get(name) ?? [];
    return { workloads: all.filter((x) => kind === LEGACY_KIND || x.kind === kind).map((x) => x.w) };
  }
  named(ns) {
    let map = this.byNs.get(ns);
    if (map) return map;
    map = /* @__PURE__ */ new Map();
    for (const w of this.index.workloadsIn(ns)) {
      const id = otterizeIdentity(w, this.index.otterize.workloadNameAnnotation);
      const list = map.get(id.name) ?? [];
      list.push({ w, kind: id.kind });
      map.set(id.name, list);
    }
    this.byNs.set(ns, map);
    return map;
  }
};
function clientProblem(index, intents, clients) {
  const c = intents.client;
  if (clients.length === 0) {
    return index.knowsWorkloadsOf(intents.namespace) ? `no pod of the client ${c.name} in namespace ${intents.namespace} is in the input, so the operator generates nothing for it` : void 0;
  }
  const w = clients[0];
  const who = `${w.kind} ${w.namespace}/${w.name}`;
  if (w.dataplane.mode === "ambient") return `the client ${who} is ambient (${w.dataplane.reason}): it has no istio-proxy container, so the operator generates nothing for it`;
  if (w.dataplane.mode === "none") return `the client ${who} has no sidecar (${w.dataplane.reason}), so the operator generates nothing for it`;
  if (nativeSidecar(w, index.mesh.nativeSidecars)) return `the client ${who} runs istio-proxy as a native sidecar (an init container), which the operator does not look for, so it generates nothing for it`;
  return void 0;
}
function enforced(index, t) {
  const s = index.otterize;
  if (s.enforcementDefault) return true;
  if (s.activeEnforcementNamespaces.includes(t.namespace)) return true;
  return index.protectedServicesIn(t.namespace).some((ps) => ps.name === t.name && protectsKind(ps, t.kind));
}
function generate(intents, t, selector, principal) {
  const clientName = `${rfc1123NameWithKind(intents.client.name, intents.client.kind)}.${intents.namespace}`;
  const rule = { from: [{ source: { principals: [principal] } }] };
  if (t.http.length > 0) rule.to = t.http.map((h) => ({ operation: { methods: [...h.methods], paths: [h.path] } }));
  const raw = {
    apiVersion: "security.istio.io/v1beta1",
    kind: "AuthorizationPolicy",
    metadata: {
      name: `authorization-policy-to-${rfc1123NameWithKind(t.name, t.kind)}-from-${clientName}`,
      namespace: t.namespace,
      labels: { [SERVICE_LABEL]: formattedIdentityWithKind(t.name, t.namespace, t.kind) }
    },
    spec: { selector: { matchLabels: { ...selector } }, action: "ALLOW", rules: [rule] }
  };
  const resource = toResource(raw, intents.resource.doc, [...intents.resource.base, ...t.path]);
  const generatedBy = { kind: "ClientIntents", namespace: intents.namespace, name: intents.name, entry: t.entry };
  origins.set(resource, generatedBy);
  return { ...toAuthorizationPolicy(resource), generatedBy };
}
function outcomeOf(index, ids, intents, t, clients, clientWhy) {
  const base = { intents, target: t, clients };
  if (t.type !== "kubernetes" && t.type !== "service") {
    const what = t.type === "kafka" ? "a Kafka target" : t.type === "sql" ? "an SQL target" : "a target outside the cluster";
    return { ...base, servers: [], nothing: `${t.entry} is ${what}, for which the operator generates no Istio policy` };
  }
  const { workloads: servers, service } = ids.find(t.name, t.namespace, t.kind);
  const known = { ...base, servers, service };
  const s = index.otterize;
  if (!s.istioPolicyCreation) return { ...known, nothing: "Istio policy creation is off in the operator: enable-istio-policy-creation=false" };
  if (s.watchedNamespaces.length > 0 && !s.watchedNamespaces.includes(intents.namespace)) {
    return { ...known, nothing: `namespace ${intents.namespace} is not one of the operator's watched-namespaces, so it never reads this ClientIntents` };
  }
  if (clientWhy) return { ...known, nothing: clientWhy };
  if (clients.length === 0) return known;
  if (!enforced(index, t)) {
    const written = t.kind === LEGACY_KIND ? "without a kind" : `with kind ${t.kind}`;
    const other = index.protectedServicesIn(t.namespace).find((ps) => ps.name === t.name);
    const why = other ? `ProtectedService ${other.namespace}/${other.resource.name} protects only kind ${other.kind}, and ${t.entry} names ${t.name} ${written}` : `no ProtectedService in namespace ${t.namespace} protects ${t.name}`;
    return { ...known, nothing: `enforcement is off by default (enforcement-default-state=false) and ${why}, so the operator generates nothing for it` };
  }
  if (s.watchedNamespaces.length > 0 && !s.watchedNamespaces.includes(t.namespace)) {
    return { ...known, nothing: `namespace ${t.namespace} is not one of the operator's watched-namespaces, so it ignores the intent` };
  }
  let selector;
  if (t.kind === "Service") {
    if (isKubernetesApiServer(t)) return { ...known, nothing: "the Kubernetes API server's Service kubernetes.default has no selector, so the operator generates no Istio policy for it" };
    if (!service) return index.hasNamespace(t.namespace) ? { ...known, nothing: `Service ${t.namespace}/${t.name} is not in the input, so the operator generates nothing for it` } : known;
    if (!service.selector) return { ...known, nothing: `Service ${t.namespace}/${t.name} has no selector, so the operator fails to generate a policy for it` };
    selector = service.selector;
  } else {
    selector = selectorFor(t.name, t.namespace, t.kind);
  }
  const principal = `${OPERATOR_TRUST_DOMAIN}/ns/${intents.namespace}/sa/${clients[0].serviceAccount}`;
  return { ...known, policy: generate(intents, t, selector, principal), principal };
}
function intentOutcomes(index, all) {
  const out = [];
  const ids = new Identities(index);
  for (const intents of all) {
    const c = intents.client;
    const clients = ids.find(c.name, intents.namespace, c.kind).workloads;
    const clientWhy = clientProblem(index, intents, clients);
    for (const t of intents.targets) out.push(outcomeOf(index, ids, intents, t, clients, clientWhy));
  }
  return out;
}

// src/model/traffic.ts
function exportToOf(v, namespace) {
  if (!Array.isArray(v) || v.length === 0) return /* @__PURE__ */ new Set(["*"]);
  return new Set(v.filter((x) => typeof x === "string").map((x) => x === "." ? namespace : x));
}
function exportedTo(exportTo, ns) {
  return exportTo.has("*") || exportTo.has(ns);
}
function exportsOverlap(a, b) {
  if (a.has("*")) return [...b].some((n) => n !== "~");
  return [...a].some((n) => n !== "~" && exportedTo(b, n));
}
function exportToText(set) {
  if (set.has("*")) return "every namespace";
  const names = [...set].filter((n) => n !== "~").sort();
  if (names.length === 0) return "no namespace";
  return `namespace${names.length > 1 ? "s" : ""} ${listText(names)}`;
}
function destinationOf(v, path, role) {
  if (!isRecord(v)) return void 0;
  const host = str(v.host);
  if (!host) return void 0;
  const port = isRecord(v.port) && typeof v.port.number === "number" ? v.port.number : void 0;
  return { host, subset: str(v.subset) || void 0, port, path, role };
}
function toVirtualService(r) {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  const destinations = [];
  const push = (d) => d && destinations.push(d);
  for (const kind of ["http", "tcp", "tls"]) {
    arr(spec[kind]).forEach((rule, i) => {
      if (!isRecord(rule)) return;
      arr(rule.route).forEach((route, j) => {
        if (isRecord(route)) push(destinationOf(route.destination, ["spec", kind, i, "route", j, "destination"], "route"));
      });
      if (kind !== "http") return;
      push(destinationOf(rule.mirror, ["spec", kind, i, "mirror"], "mirror"));
      arr(rule.mirrors).forEach((m, j) => {
        if (isRecord(m)) push(destinationOf(m.destination, ["spec", kind, i, "mirrors", j, "destination"], "mirror"));
      });
    });
  }
  const gateways = [];
  arr(spec.gateways).forEach((g, i) => {
    if (typeof g === "string" && g) gateways.push({ name: g, path: ["spec", "gateways", i] });
  });
  return {
    resource: r,
    name: r.name,
    namespace: r.namespace,
    hosts: arr(spec.hosts).filter((h) => typeof h === "string"),
    gateways,
    meshBound: gateways.length === 0 || gateways.some((g) => g.name === "mesh"),
    exportTo: exportToOf(spec.exportTo, r.namespace),
    destinations
  };
}
function toServiceEntry(r) {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  const portEntries = arr(spec.ports).flatMap(
    (p, i) => isRecord(p) && typeof p.number === "number" ? [{ number: p.number, protocol: (str(p.protocol) ?? "").toUpperCase(), path: ["spec", "ports", i] }] : []
  );
  return {
    resource: r,
    name: r.name,
    namespace: r.namespace,
    hosts: arr(spec.hosts).filter((h) => typeof h === "string" && h !== ""),
    exportTo: exportToOf(spec.exportTo, r.namespace),
    ports: portEntries.map((p) => p.number),
    portEntries,
    workloadSelector: isRecord(spec.workloadSelector) ? stringMap(spec.workloadSelector.labels) : void 0
  };
}
function serverOf(s, i) {
  if (!isRecord(s) || !isRecord(s.port) || typeof s.port.number !== "number") return [];
  return [{
    port: s.port.number,
    protocol: (str(s.port.protocol) ?? "").toUpperCase(),
    bind: str(s.bind) ?? "",
    hosts: arr(s.hosts).filter((h) => typeof h === "string"),
    tls: isRecord(s.tls),
    path: ["spec", "servers", i]
  }];
}
function toIstioGateway(r) {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  return {
    resource: r,
    name: r.name,
    namespace: r.namespace,
    selector: stringMap(spec.selector),
    hosts: arr(spec.servers).flatMap((s) => isRecord(s) ? arr(s.hosts).filter((h) => typeof h === "string") : []),
    servers: arr(spec.servers).flatMap(serverOf)
  };
}
var PROTOCOLS = /* @__PURE__ */ new Set(["tcp", "udp", "grpc", "grpc-web", "http", "http_proxy", "http2", "https", "tls", "mongo", "redis", "mysql"]);
var K8S_APP_PROTOCOLS = /* @__PURE__ */ new Set(["kubernetes.io/h2c", "kubernetes.io/ws", "kubernetes.io/wss"]);
var WELL_KNOWN_TCP_PORTS = /* @__PURE__ */ new Set([25, 53, 3306, 27017]);
function portProtocol(p) {
  if (p.protocol === "UDP") return "udp";
  const name = p.appProtocol ?? p.name ?? "";
  if (p.appProtocol !== void 0 && K8S_APP_PROTOCOLS.has(name)) return name;
  const lower = name.toLowerCase();
  const prefix = lower.startsWith("grpc-web") ? "grpc-web" : lower.split("-")[0];
  if (PROTOCOLS.has(prefix)) return prefix;
  return WELL_KNOWN_TCP_PORTS.has(p.port) ? "tcp" : void 0;
}

// src/model/hosts.ts
var DOMAIN_SUFFIX = "cluster.local";
var EXPORT_TO_ANNOTATION = "networking.istio.io/exportTo";
function isIp(host) {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(":");
}
function resolveHost(host, namespace) {
  if (host === "" || host === "*" || isIp(host) || host.includes(".")) return host;
  return `${host}.${namespace}.svc.${DOMAIN_SUFFIX}`;
}
function serviceHostNamespace(fqdn) {
  const m = /^[^.*]+\.([^.]+)\.svc\.cluster\.local$/.exec(fqdn);
  return m?.[1];
}
var HostRegistry = class {
  exact = /* @__PURE__ */ new Map();
  /** Wildcard entries by the text after `*` (`.example.com`; `` for `*`). */
  wildcards = /* @__PURE__ */ new Map();
  /** Exact entries by every dot suffix of their host (`.example.com`, `.com`), for `under`; built on first use. */
  suffixes;
  constructor(services, serviceEntries) {
    for (const s of services) {
      const anno = s.resource.annotations[EXPORT_TO_ANNOTATION];
      const exportTo = anno === void 0 ? /* @__PURE__ */ new Set(["*"]) : exportToOf(anno.split(",").map((x) => x.trim()).filter(Boolean), s.namespace);
      this.add({ host: resolveHost(s.name, s.namespace), kind: "Service", namespace: s.namespace, name: s.name, exportTo, ports: s.ports.map((p) => p.port), resource: s.resource });
    }
    for (const se of serviceEntries) {
      for (const h of se.hosts) {
        this.add({ host: resolveHost(h, se.namespace), kind: "ServiceEntry", namespace: se.namespace, name: se.name, exportTo: se.exportTo, ports: se.ports, resource: se.resource });
      }
    }
  }
  add(e) {
    const [map, key] = e.host.startsWith("*") ? [this.wildcards, e.host.slice(1)] : [this.exact, e.host];
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  }
  /**
   * Entries whose host is `fqdn` or covers it: a wildcard entry `*.example.com` covers
   * `a.example.com` and `*.a.example.com`. A wildcard `fqdn` matches entries with the same or a
   * wider wildcard (istio pkg/config/host/name.go, `SubsetOf`).
   */
  lookup(fqdn) {
    const out = [];
    if (!fqdn.startsWith("*")) out.push(...this.exact.get(fqdn) ?? []);
    const bare = fqdn.startsWith("*") ? fqdn.slice(1) : fqdn;
    out.push(...this.wildcards.get(bare) ?? []);
    for (let i = bare.indexOf(".", 1); i >= 0; i = bare.indexOf(".", i + 1)) out.push(...this.wildcards.get(bare.slice(i)) ?? []);
    if (bare !== "") out.push(...this.wildcards.get("") ?? []);
    return out;
  }
  /** Entries a wildcard host (`*.example.com`, `*`) covers or equals: what a wildcard DestinationRule applies to. */
  under(wildcard) {
    const suffix = wildcard.slice(1);
    if (!this.suffixes) {
      this.suffixes = /* @__PURE__ */ new Map();
      for (const list of this.exact.values()) {
        for (const e of list) {
          for (let i = e.host.indexOf("."); i >= 0; i = e.host.indexOf(".", i + 1)) {
            const key = e.host.slice(i);
            const l = this.suffixes.get(key);
            if (l) l.push(e);
            else this.suffixes.set(key, [e]);
          }
        }
      }
    }
    if (suffix === "") return [...this.exact.values()].flat().concat(...this.wildcards.values());
    return [...this.suffixes.get(suffix) ?? [], ...this.lookup(wildcard)];
  }
};
function hostsOverlap(a, b) {
  const aw = a.startsWith("*");
  const bw = b.startsWith("*");
  if (aw && bw) return a.length < b.length ? b.slice(1).endsWith(a.slice(1)) : a.slice(1).endsWith(b.slice(1));
  if (aw) return b.endsWith(a.slice(1));
  if (bw) return a.endsWith(b.slice(1));
  return a === b;
}
function gatewayHostsFor(serverHosts, gatewayNamespace, namespace) {
  const out = [];
  for (const h of serverHosts) {
    const slash = h.indexOf("/");
    if (slash < 0) {
      out.push(h);
      continue;
    }
    const ns = h.slice(0, slash) === "." ? gatewayNamespace : h.slice(0, slash);
    if (ns === namespace || ns === "*") out.push(h.slice(slash + 1));
  }
  return out;
}
function claimsByKey(items, claims) {
  const out = /* @__PURE__ */ new Map();
  for (const item of items) {
    const seen = /* @__PURE__ */ new Set();
    for (const c of claims(item)) {
      if (seen.has(c.key)) continue;
      seen.add(c.key);
      const list = out.get(c.key);
      const claim = { ...c, item };
      if (list) list.push(claim);
      else out.set(c.key, [claim]);
    }
  }
  return out;
}
function claimsSeenWith(claims) {
  const everywhere = [];
  const byNamespace = /* @__PURE__ */ new Map();
  for (const c of claims) {
    if (c.item.exportTo.has("*")) everywhere.push(c);
    else {
      for (const ns of c.item.exportTo) {
        if (ns === "~") continue;
        const list = byNamespace.get(ns);
        if (list) list.push(c);
        else byNamespace.set(ns, [c]);
      }
    }
  }
  return (c) => {
    if (c.item.exportTo.has("*")) return claims.filter((o) => o.item !== c.item && [...o.item.exportTo].some((n) => n !== "~"));
    const seen = new Set(everywhere);
    for (const ns of c.item.exportTo) for (const o of byNamespace.get(ns) ?? []) seen.add(o);
    return [...seen].filter((o) => o.item !== c.item);
  };
}

// src/model/model.ts
var EMPTY_SET = /* @__PURE__ */ new Set();
var EMPTY_MAP = /* @__PURE__ */ new Map();
function pushTo(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
var SHARED_SYSTEM_NAMESPACES = /* @__PURE__ */ new Set(["kube-system", "knative-serving", "knative-eventing"]);
var ISTIO_GROUPS = /* @__PURE__ */ new Set(["security.istio.io", "networking.istio.io", "telemetry.istio.io", "extensions.istio.io"]);
var NO_POD_GROUPS = /* @__PURE__ */ new Set([
  "security.istio.io",
  "networking.istio.io",
  "telemetry.istio.io",
  "extensions.istio.io",
  "gateway.networking.k8s.io",
  "networking.k8s.io",
  "rbac.authorization.k8s.io",
  "policy",
  "autoscaling",
  "coordination.k8s.io",
  "discovery.k8s.io",
  "storage.k8s.io",
  "scheduling.k8s.io",
  "node.k8s.io",
  "certificates.k8s.io",
  "cert-manager.io",
  "external-secrets.io",
  "bitnami.com",
  "k8s.otterize.com"
]);
var NO_POD_KINDS = /* @__PURE__ */ new Set([
  "/ConfigMap",
  "/Secret",
  "/Service",
  "/ServiceAccount",
  "/Endpoints",
  "/PersistentVolumeClaim",
  "/LimitRange",
  "/ResourceQuota",
  "/Event",
  "apps/ControllerRevision",
  "serving.knative.dev/Route",
  "serving.knative.dev/DomainMapping",
  "monitoring.coreos.com/ServiceMonitor",
  "monitoring.coreos.com/PodMonitor",
  "monitoring.coreos.com/PrometheusRule",
  "monitoring.coreos.com/Probe",
  "keda.sh/ScaledObject",
  "keda.sh/TriggerAuthentication",
  "argoproj.io/AnalysisTemplate"
]);
var views = /* @__PURE__ */ new WeakMap();
var reading;
function recordNamespaceReads(into) {
  reading = into;
}
var NamespaceMap = class extends Map {
  get(ns) {
    reading?.names.add(ns);
    return super.get(ns);
  }
  has(ns) {
    reading?.names.add(ns);
    return super.has(ns);
  }
  get size() {
    if (reading) reading.all = true;
    return super.size;
  }
  keys() {
    if (reading) reading.all = true;
    return super.keys();
  }
  values() {
    if (reading) reading.all = true;
    return super.values();
  }
  entries() {
    if (reading) reading.all = true;
    return super.entries();
  }
  [Symbol.iterator]() {
    if (reading) reading.all = true;
    return super[Symbol.iterator]();
  }
  forEach(fn, thisArg) {
    if (reading) reading.all = true;
    super.forEach(fn, thisArg);
  }
};
var workloadViews = /* @__PURE__ */ new WeakMap();
function viewOf(r, read) {
  let view = views.get(r);
  if (view === void 0) views.set(r, view = read(r));
  return view;
}
var ModelIndex = class {
  mesh;
  resources;
  namespaces = new NamespaceMap();
  workloads = [];
  services = [];
  gateways = [];
  authorizationPolicies = [];
  peerAuthentications = [];
  requestAuthentications = [];
  destinationRules = [];
  sidecars = [];
  telemetries = [];
  /** Istio kinds rules visit as the resource (VirtualService, Gateway, ServiceEntry, WorkloadEntry, …). */
  istioOther = [];
  /** Otterize ClientIntents of every served version, in one form (model/intents.ts). */
  clientIntents = [];
  /** The Otterize operator's settings: its Deployment in the input, then the configuration. */
  otterize;
  /** What the operator makes of each ClientIntents entry: a generated policy, or why none (model/intents-policies.ts). */
  intentOutcomes;
  /** Typed views of traffic objects (traffic.ts); their visitors still get the resource (`virtualServiceOf` gives the view). */
  virtualServices = [];
  serviceEntries = [];
  istioGateways = [];
  workloadsByNs = /* @__PURE__ */ new Map();
  labelIndex = /* @__PURE__ */ new Map();
  servicesByKey = /* @__PURE__ */ new Map();
  serviceAccountsByKey = /* @__PURE__ */ new Map();
  gatewaysByKey = /* @__PURE__ */ new Map();
  identities = /* @__PURE__ */ new Map();
  identitiesByNs = /* @__PURE__ */ new Map();
  serviceAccountsByNs = /* @__PURE__ */ new Map();
  labelValuesIndex = /* @__PURE__ */ new Map();
  /** Namespaces holding objects that may run pods the model does not see. */
  unseenPodSources = /* @__PURE__ */ new Set();
  byKindNs = /* @__PURE__ */ new Map();
  servicesByWorkload;
  trafficViews = /* @__PURE__ */ new Map();
  istioGatewaysByKey = /* @__PURE__ */ new Map();
  hostRegistry;
  meshRoutesByHost;
  serviceEntryPortsByHost;
  gatewayClassLabels = /* @__PURE__ */ new Map();
  protectedServicesByNs = /* @__PURE__ */ new Map();
  outcomesByClient = /* @__PURE__ */ new Map();
  clientlessOutcomes = /* @__PURE__ */ new Map();
  /** Whether the input holds ClientIntents: only then does the operator label pods. */
  usesIntents;
  evidence;
  dataplaneStates = /* @__PURE__ */ new Map();
  labelled;
  /** Every model object under the kind rules visit it by, in input order. */
  order = [];
  constructor(resources, explicitMesh = {}) {
    this.resources = resources;
    this.mesh = resolveMesh(resources, explicitMesh);
    this.otterize = resolveOtterize(resources, explicitMesh.otterize);
    this.evidence = new NamespaceEvidence(this.mesh.assumeDataPlane);
    let usesIntents = false;
    for (const r of resources) {
      if (isClientIntents(r)) usesIntents = true;
      if (r.kind === "Namespace" && r.group === "") {
        this.namespaces.set(r.name, { name: r.name, labels: r.labels, resource: r });
        this.evidence.declare(r);
      } else if (r.kind === "GatewayClass" && r.group === "gateway.networking.k8s.io") {
        this.gatewayClassLabels.set(r.name, r.labels);
      }
    }
    for (const r of resources) {
      this.evidence.seeMeshInstall(r);
      if (!r.namespace) continue;
      const known = this.namespaces.get(r.namespace);
      if (!known) this.namespaces.set(r.namespace, { name: r.namespace, labels: {} });
      if (!known?.resource) this.evidence.see(r);
    }
    this.usesIntents = usesIntents;
    for (const r of resources) this.add(r);
    this.indexIdentities();
    this.intentOutcomes = intentOutcomes(this, this.clientIntents);
    this.addGeneratedPolicies();
  }
  /** The policies the Otterize operator generates take part like hand-written ones, visited after the input. */
  addGeneratedPolicies() {
    const byName = /* @__PURE__ */ new Map();
    for (const o of this.intentOutcomes) {
      for (const w of o.clients) pushTo(this.outcomesByClient, w, o);
      if (o.clients.length === 0) pushTo(this.clientlessOutcomes, o.intents.namespace, o);
      if (o.policy) byName.set(`${o.policy.namespace}/${o.policy.name}`, o.policy);
    }
    for (const p of byName.values()) {
      this.authorizationPolicies.push(p);
      this.order.push({ kind: "AuthorizationPolicy", node: p, resource: p.resource });
      let byNs = this.byKindNs.get("AuthorizationPolicy");
      if (!byNs) this.byKindNs.set("AuthorizationPolicy", byNs = /* @__PURE__ */ new Map());
      pushTo(byNs, p.namespace, p);
    }
  }
  /**
   * The pod labels the Otterize operator adds (`intents.otterize.com/service`, `…/owner-kind`):
   * on pods of its watched namespaces, when the input uses intents at all.
   */
  withOtterizeLabels(w) {
    const watched = this.otterize.watchedNamespaces;
    if (!this.usesIntents || watched.length > 0 && !watched.includes(w.namespace)) return w;
    return { ...w, podLabels: { ...w.podLabels, ...otterizePodLabels(otterizeIdentity(w, this.otterize.workloadNameAnnotation)) } };
  }
  add(r) {
    const isWorkload = workloadKey(r) !== void 0;
    if (r.namespace && !isWorkload && !NO_POD_GROUPS.has(r.group) && !NO_POD_KINDS.has(`${r.group}/${r.kind}`)) {
      this.unseenPodSources.add(r.namespace);
    }
    if (isWorkload) {
      const read = this.workloadOf(r);
      const w = read && this.withOtterizeLabels(read);
      if (w) {
        this.order.push({ kind: "Workload", node: w, resource: r });
        this.workloads.push(w);
        pushTo(this.workloadsByNs, w.namespace, w);
        let idx = this.labelIndex.get(w.namespace);
        if (!idx) this.labelIndex.set(w.namespace, idx = /* @__PURE__ */ new Map());
        let values = this.labelValuesIndex.get(w.namespace);
        if (!values) this.labelValuesIndex.set(w.namespace, values = /* @__PURE__ */ new Map());
        for (const k in w.podLabels) {
          pushTo(idx, `${k}\0${w.podLabels[k]}`, w);
          let set = values.get(k);
          if (!set) values.set(k, set = /* @__PURE__ */ new Set());
          set.add(w.podLabels[k]);
        }
      }
      return;
    }
    const kind = r.kind;
    if (r.group === "") {
      if (kind === "Namespace") {
        const ns = this.namespaces.get(r.name);
        if (ns?.resource === r) this.order.push({ kind: "Namespace", node: ns, resource: r });
      } else if (kind === "Service") {
        const s = viewOf(r, toService);
        this.order.push({ kind: "Service", node: s, resource: r });
        this.services.push(s);
        this.servicesByKey.set(`${s.namespace}/${s.name}`, s);
      } else if (kind === "ServiceAccount") {
        this.serviceAccountsByKey.set(`${r.namespace}/${r.name}`, r);
        pushTo(this.serviceAccountsByNs, r.namespace, r);
      }
      return;
    }
    if (isClientIntents(r)) {
      const intents = toClientIntents(r);
      if (intents) {
        this.clientIntents.push(intents);
        this.order.push({ kind: "ClientIntents", node: intents, resource: r });
      }
      return;
    }
    const ps = toProtectedService(r);
    if (ps) {
      pushTo(this.protectedServicesByNs, ps.namespace, ps);
      return;
    }
    if (r.group === "gateway.networking.k8s.io" && kind === "Gateway") {
      const spec = r.raw.spec;
      const cls = typeof spec?.gatewayClassName === "string" ? this.gatewayClassLabels.get(spec.gatewayClassName) : void 0;
      const g = toK8sGateway(r, cls);
      this.order.push({ kind: "Gateway", node: g, resource: r });
      this.gateways.push(g);
      this.gatewaysByKey.set(`${g.namespace}/${g.name}`, g);
      return;
    }
    if (!ISTIO_GROUPS.has(r.group)) return;
    let view;
    switch (kind) {
      case "AuthorizationPolicy":
        view = viewOf(r, toAuthorizationPolicy);
        this.authorizationPolicies.push(view);
        break;
      case "PeerAuthentication":
        view = viewOf(r, toPeerAuthentication);
        this.peerAuthentications.push(view);
        break;
      case "RequestAuthentication":
        view = viewOf(r, toSelectingPolicy);
        this.requestAuthentications.push(view);
        break;
      case "DestinationRule":
        view = viewOf(r, toDestinationRule);
        this.destinationRules.push(view);
        break;
      case "Sidecar":
        view = viewOf(r, (x) => toSelectingPolicy(x, "workloadSelector", "labels"));
        this.sidecars.push(view);
        break;
      case "Telemetry":
        view = viewOf(r, toSelectingPolicy);
        this.telemetries.push(view);
        break;
      default:
        view = r;
        this.istioOther.push(r);
        this.addTrafficView(r);
    }
    this.order.push({ kind: kind === "Gateway" ? "IstioGateway" : kind, node: view, resource: r });
    let byNs = this.byKindNs.get(kind);
    if (!byNs) this.byKindNs.set(kind, byNs = /* @__PURE__ */ new Map());
    pushTo(byNs, r.namespace, view);
  }
  workloadOf(r) {
    const namespaceState = this.dataplaneState(r.namespace);
    const cached = workloadViews.get(r);
    if (cached?.namespaceState === namespaceState) return cached.workload;
    const workload = toWorkload(r, (pod) => this.dataplaneFor(r.namespace, pod));
    workloadViews.set(r, { workload, namespaceState });
    return workload;
  }
  /** What `dataplaneFor(ns, pod)` reads besides the pod, as text. */
  dataplaneState(ns) {
    let state = this.dataplaneStates.get(ns);
    if (state === void 0) {
      const info = this.namespaces.get(ns);
      const declared = info?.resource !== void 0;
      state = JSON.stringify([this.mesh.complete, info?.labels ?? {}, declared, this.evidence.assumptionFor(ns, declared)]);
      this.dataplaneStates.set(ns, state);
    }
    return state;
  }
  addTrafficView(r) {
    if (r.group !== "networking.istio.io") return;
    if (r.kind === "VirtualService") {
      const v = toVirtualService(r);
      this.virtualServices.push(v);
      this.trafficViews.set(r, v);
    } else if (r.kind === "ServiceEntry") {
      const v = toServiceEntry(r);
      this.serviceEntries.push(v);
      this.trafficViews.set(r, v);
    } else if (r.kind === "Gateway") {
      const v = toIstioGateway(r);
      this.istioGateways.push(v);
      this.trafficViews.set(r, v);
      this.istioGatewaysByKey.set(`${v.namespace}/${v.name}`, v);
    }
  }
  indexIdentities() {
    const td = this.mesh.trustDomain;
    const add = (owner) => {
      pushTo(this.identities, `${td}/ns/${owner.namespace}/sa/${owner.serviceAccount}`, owner);
      pushTo(this.identitiesByNs, owner.namespace, owner);
    };
    for (const w of this.workloads) {
      add({ kind: "workload", namespace: w.namespace, serviceAccount: w.serviceAccount, workload: w });
    }
    for (const g of this.gateways) {
      if (!g.isWaypoint && !g.className.startsWith("istio")) continue;
      add({ kind: g.isWaypoint ? "waypoint" : "gateway", namespace: g.namespace, serviceAccount: g.serviceAccount, gateway: g });
    }
  }
  /**
   * What every rule may read whatever the kinds it declares (`meta.reads`), as text: `global`,
   * the mesh and Otterize settings with the resources they come from, GatewayClass labels,
   * whether intents are in use, the data plane assumed where nothing shows one; `namespaces`, for
   * each namespace, its labels and Namespace object, the data plane taken for its pods, whether
   * pods the model does not see may run there. Resources are named by `resourceId`, so a re-read
   * resource counts as changed. Two models with the same state and the same resources of a kind
   * give a rule that reads only such kinds the same findings; a namespace that comes or goes
   * changes only what rules that ask about it find (the language server's incremental runs,
   * engine/rule-cache.ts).
   */
  sharedState(resourceId) {
    const replacer = (_key, value) => isResourceLike(value) ? `#${resourceId(value)}` : value;
    const global = JSON.stringify([this.mesh, this.otterize, this.evidence.globalKey(resourceId), [...this.gatewayClassLabels], this.usesIntents], replacer);
    const namespaces = /* @__PURE__ */ new Map();
    for (const n of this.unrecordedNamespaces()) {
      const declared = n.resource !== void 0;
      const key = JSON.stringify([n.labels, declared ? resourceId(n.resource) : 0, this.unseenPodSources.has(n.name), this.evidence.assumptionFor(n.name, false), this.evidence.assumptionFor(n.name, true)]);
      namespaces.set(n.name, { key, labelled: Object.keys(n.labels).length > 0 });
    }
    return { global, namespaces };
  }
  /** Every namespace, without recording that a rule asked about them all. */
  unrecordedNamespaces() {
    return Map.prototype.values.call(this.namespaces);
  }
  /** The namespaces with labels: what a rule that looks only for labels iterates, without depending on the unlabelled ones. */
  labelledNamespaces() {
    return this.labelled ??= [...this.unrecordedNamespaces()].filter((n) => Object.keys(n.labels).length > 0);
  }
  /** Every model object, with the kind rules visit it by (`Workload`, `Service`, `AuthorizationPolicy`…), in input order. */
  inputOrder() {
    return this.order;
  }
  /**
   * Whether the input holds this namespace: only then may a rule say that something in it does
   * not exist. A partial tree must not produce "no such workload" findings about the rest.
   */
  hasNamespace(ns) {
    return this.mesh.complete || this.namespaces.has(ns);
  }
  /**
   * Whether the input shows the workloads of `ns`: it declares the Namespace object and holds at
   * least one workload there. Only then may a rule say that no workload of `ns` has some label or
   * runs as some account — a namespace shared with components deployed from elsewhere (say
   * `knative-serving`, filled by Knative Serving and net-istio) is known only where its owner's
   * tree, which declares it, is part of the input. A namespace that also holds objects which may
   * run pods of their own (an operator's custom resource, a ReplicationController) is not known.
   * A complete input (`mesh.complete`) knows every namespace.
   */
  knowsWorkloadsOf(ns) {
    if (this.mesh.complete) return true;
    if (SHARED_SYSTEM_NAMESPACES.has(ns)) return false;
    return this.namespaces.get(ns)?.resource !== void 0 && this.workloadsIn(ns).length > 0 && !this.unseenPodSources.has(ns);
  }
  namespaceLabels(ns) {
    return this.namespaces.get(ns)?.labels ?? {};
  }
  /** Whether the input declares the `Namespace` object, so its labels are known. */
  declaresNamespace(ns) {
    return this.namespaces.get(ns)?.resource !== void 0;
  }
  /**
   * The data plane of pods of `ns`. For pods the input holds (`pod` given): the namespace's labels
   * when the input declares it; else the pod's own settings when they decide; else the data plane
   * taken for the namespace by evidence or `mesh.assumeDataPlane`, carried as `assumption`. For
   * pods it does not hold (Knative's activator, a gateway, pods a controller will create), whose
   * own labels are unknown: the namespace's labels when they choose a data plane, else the same
   * evidence and assumption — a bare Namespace object does not show that its pods opt out.
   * A complete input (`mesh.complete`) assumes nothing: the labels decide, and no label is none.
   */
  dataplaneFor(ns, pod) {
    const info = this.namespaces.get(ns);
    const settings = pod ?? { podLabels: {}, podAnnotations: {} };
    if (this.mesh.complete) return resolveDataplane({ ...settings, namespaceLabels: info?.labels ?? {} }, ns);
    if (info?.resource && (pod || namespaceMode(ns, info.labels) !== void 0)) return resolveDataplane({ ...settings, namespaceLabels: info.labels }, ns);
    const decided = pod && podDecidesDataplane(pod, ns);
    if (decided) return decided;
    const assumption = this.evidence.assumptionFor(ns, info?.resource !== void 0);
    return { ...resolveDataplane({ ...settings, namespaceLabels: namespaceLabelsFor(assumption.dataPlane) }, ns), assumption };
  }
  /**
   * The assumptions behind these data planes (of workloads, resolutions, or assumptions already
   * picked out), once per namespace, in namespace order.
   */
  assumptionsOf(items) {
    const out = /* @__PURE__ */ new Map();
    for (const item of items) {
      if (!item) continue;
      const a = "dataplane" in item ? item.dataplane.assumption : "basis" in item ? item : item.assumption;
      if (a) out.set(a.namespace, a);
    }
    return [...out.values()].sort((a, b) => a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0);
  }
  get rootNamespace() {
    return this.mesh.rootNamespace;
  }
  workloadsIn(ns) {
    return this.workloadsByNs.get(ns) ?? [];
  }
  /** Namespaces that hold at least one workload of the input. */
  workloadNamespaces() {
    return this.workloadsByNs.keys();
  }
  /** The values a pod label `key` takes among the workloads of `ns`. */
  labelValues(ns, key) {
    return this.labelValuesIndex.get(ns)?.get(key) ?? EMPTY_SET;
  }
  /** Every pod label key used by the workloads of `ns`. */
  labelKeys(ns) {
    return (this.labelValuesIndex.get(ns) ?? EMPTY_MAP).keys();
  }
  /** Workloads of `ns` whose pod labels match `selector` (an empty selector matches all). */
  selectWorkloads(ns, selector) {
    const all = this.workloadsIn(ns);
    if (!selector) return all;
    const keys = Object.keys(selector);
    if (keys.length === 0) return all;
    const idx = this.labelIndex.get(ns);
    if (!idx) return [];
    let smallest;
    for (const k of keys) {
      const list = idx.get(`${k}\0${selector[k]}`);
      if (!list) return [];
      if (!smallest || list.length < smallest.length) smallest = list;
    }
    return keys.length === 1 ? smallest : smallest.filter((w) => matchesLabels(selector, w.podLabels));
  }
  /** ProtectedService objects of namespace `ns`. */
  protectedServicesIn(ns) {
    return this.protectedServicesByNs.get(ns) ?? [];
  }
  /** What the Otterize operator makes of the ClientIntents entries of this client workload. */
  intentOutcomesOf(client) {
    return this.outcomesByClient.get(client) ?? [];
  }
  /** The ClientIntents entries of namespace `ns` whose client runs no pod of the input. */
  clientlessIntentsIn(ns) {
    return this.clientlessOutcomes.get(ns) ?? [];
  }
  /** Policies of a kind in a namespace, in input order. */
  policiesIn(kind, ns) {
    return this.byKindNs.get(kind)?.get(ns) ?? [];
  }
  service(ns, name) {
    return this.servicesByKey.get(`${ns}/${name}`);
  }
  serviceAccount(ns, name) {
    return this.serviceAccountsByKey.get(`${ns}/${name}`);
  }
  gateway(ns, name) {
    return this.gatewaysByKey.get(`${ns}/${name}`);
  }
  /** Istio's own Gateway `ns/name` (networking.istio.io). */
  istioGateway(ns, name) {
    return this.istioGatewaysByKey.get(`${ns}/${name}`);
  }
  /** The typed view of a VirtualService resource (the `VirtualService` visitor gets the resource). */
  virtualServiceOf(r) {
    const v = this.trafficViews.get(r);
    return v && r.kind === "VirtualService" ? v : void 0;
  }
  /** The typed view of an Istio Gateway resource (the `IstioGateway` visitor gets the resource). */
  istioGatewayOf(r) {
    const v = this.trafficViews.get(r);
    return v && r.kind === "Gateway" ? v : void 0;
  }
  /** The typed view of a ServiceEntry resource. */
  serviceEntryOf(r) {
    const v = this.trafficViews.get(r);
    return v && r.kind === "ServiceEntry" ? v : void 0;
  }
  /** The service registry (Services and ServiceEntry hosts, with exportTo), built on first use (hosts.ts). */
  get hosts() {
    return this.hostRegistry ??= new HostRegistry(this.services, this.serviceEntries);
  }
  /**
   * The hosts of VirtualServices bound to the mesh gateway (sidecars), resolved as istiod does
   * (short names in the VirtualService's namespace), each with the VirtualServices claiming it.
   */
  meshVirtualServicesByHost() {
    return this.meshRoutesByHost ??= claimsByKey(
      this.virtualServices.filter((v) => v.meshBound),
      (v) => v.hosts.map((h, i) => ({ key: resolveHost(h, v.namespace), path: ["spec", "hosts", i] }))
    );
  }
  /** ServiceEntry ports by `host:port` (hosts resolved in the ServiceEntry's namespace). */
  serviceEntryPortsByHostPort() {
    return this.serviceEntryPortsByHost ??= claimsByKey(
      this.serviceEntries,
      (se) => se.hosts.flatMap((h) => se.portEntries.map((p) => ({ key: `${resolveHost(h, se.namespace)}:${p.number}`, path: p.path, protocol: p.protocol })))
    );
  }
  /**
   * Whether a host the registry lacks is known not to exist: in a complete input, any host; else
   * a Kubernetes Service host (`name.ns.svc.cluster.local`) of a namespace whose Namespace object
   * the input declares. Any other host may come from a ServiceEntry in a namespace the input does
   * not hold.
   */
  knowsHost(fqdn) {
    if (this.mesh.complete) return true;
    const ns = serviceHostNamespace(fqdn);
    return ns !== void 0 && this.declaresNamespace(ns);
  }
  /**
   * The namespace of a Service host (`name.ns.svc.cluster.local`, no wildcard) that no Service or
   * ServiceEntry provides and that the input shows does not exist (`knowsHost`); else undefined.
   */
  missingServiceHostNamespace(fqdn) {
    const ns = serviceHostNamespace(fqdn);
    if (!ns || fqdn.includes("*") || this.hosts.lookup(fqdn).length > 0 || !this.knowsHost(fqdn)) return void 0;
    return ns;
  }
  /** Pods behind a Service (none for a Service without selector). */
  servicePods(s) {
    if (!s.selector || Object.keys(s.selector).length === 0) return [];
    return this.selectWorkloads(s.namespace, s.selector);
  }
  /** Services whose selector matches the workload's pods. */
  servicesOf(w) {
    if (!this.servicesByWorkload) {
      const map = /* @__PURE__ */ new Map();
      for (const s of this.services) for (const pod of this.servicePods(s)) pushTo(map, pod, s);
      this.servicesByWorkload = map;
    }
    return this.servicesByWorkload.get(w) ?? [];
  }
  /** `<trustDomain>/ns/<ns>/sa/<sa>` of a workload. */
  identityOf(w) {
    return `${this.mesh.trustDomain}/ns/${w.namespace}/sa/${w.serviceAccount}`;
  }
  /** Who in the input runs as this principal (exact match). */
  ownersOf(principal) {
    return this.identities.get(principal) ?? [];
  }
  /** Who runs in namespace `ns` (workloads, waypoints, Istio gateways), whatever their identity. */
  identitiesIn(ns) {
    return this.identitiesByNs.get(ns) ?? [];
  }
  /** ServiceAccount objects of namespace `ns`. */
  serviceAccountsIn(ns) {
    return this.serviceAccountsByNs.get(ns) ?? [];
  }
  /** Every identity that some pod of the input runs as. */
  allIdentities() {
    return this.identities.keys();
  }
  /** `<fqdn>` of a Service, as Istio's hosts name it. */
  hostOf(s) {
    return `${s.name}.${s.namespace}.svc.cluster.local`;
  }
};
function isResourceLike(v) {
  return typeof v === "object" && v !== null && "doc" in v && "raw" in v && "base" in v;
}

// src/engine/run-rules.ts
function interpolate(text, data) {
  if (!data) return text;
  return text.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, (whole, key) => key in data && data[key] !== void 0 ? String(data[key]) : whole);
}
function resolveAt(at) {
  const range = at.resource.doc.locate([...at.resource.base, ...at.path], at.part);
  return { file: at.resource.doc.file.path, start: range.start, end: range.end };
}
function locate(at) {
  const loc = resolveAt(at);
  return { file: loc.file, range: { start: loc.start, end: loc.end } };
}
function asMeshReport(r) {
  if ("at" in r || "messageId" in r && !("loc" in r) && Array.isArray(r.suggest ?? []) && !r.fix) return r;
  return r;
}
function withoutFixOnGenerated(r) {
  const resource = r.at?.resource ?? r.node?.resource;
  return resource && generatedOrigin(resource) ? { ...r, suggest: void 0 } : r;
}
function toPending(run, report) {
  const r = withoutFixOnGenerated(asMeshReport(report));
  if ("loc" in report) throw new Error("report with `at` (a node of a resource) or `node` (a model object): `loc` has no file in a mesh");
  const template = r.messageId !== void 0 ? run.rule.definition.meta.messages[r.messageId] : r.message;
  if (template === void 0) throw new Error(r.messageId !== void 0 ? `reported unknown messageId "${r.messageId}"` : "reported without messageId or message");
  const at = r.at ?? (r.node ? { resource: r.node.resource, path: [] } : void 0);
  if (!at) throw new Error("reported without `at` or `node`");
  const loc = resolveAt(at);
  const origin = generatedOrigin(at.resource);
  const filled = interpolate(template, r.data);
  const message = origin ? `${filled} (That AuthorizationPolicy is the one Otterize generates for ClientIntents ${origin.namespace}/${origin.name}, ${origin.entry}.)` : filled;
  const assumptions = r.assumptions?.length ? r.assumptions.map((a) => ({ ...a })) : void 0;
  if (r.fix && run.rule.definition.meta.fixable !== "code") throw new Error('reported a fix without meta.fixable: "code"');
  if (r.fix && (typeof r.fix !== "object" || !("at" in r.fix))) throw new Error("a fix is { at, value } (the scalar at `at` becomes `value`), not an ESLint fixer");
  return new MeshMessage({
    ruleId: run.rule.id,
    messageId: r.messageId,
    messageData: r.messageId !== void 0 && r.data ? Object.fromEntries(Object.entries(r.data).map(([k, v]) => [k, String(v)])) : void 0,
    ...loc,
    fix: r.fix ? { document: r.fix.at.resource.doc.index, path: [...r.fix.at.resource.base, ...r.fix.at.path], value: r.fix.value } : void 0,
    message: assumptions ? `${message} ${assumptionClause(assumptions)}` : message,
    assumptions,
    downgrade: r.severity === "warn",
    suggestions: r.suggest && deferredSuggestions(at, r.suggest),
    related: r.related?.map((rel) => {
      const l = resolveAt(rel.at);
      return { message: rel.message, file: l.file, line: l.start.line, column: l.start.column };
    })
  });
}
function deferredSuggestions(at, suggest) {
  return {
    length: suggest.length,
    build: () => suggest.flatMap((source) => {
      let s;
      try {
        s = typeof source === "function" ? source() : source;
      } catch {
        return [];
      }
      const edit = suggestionEdit(at, s.fix);
      return [edit ? { ...s, edit } : s];
    })
  };
}
function runRules(model, runs, cwd, times, cache2) {
  const sourceCode = meshSourceCode(model);
  cache2?.begin(model);
  const results = [];
  const records = [];
  const active = [];
  let visiting;
  const timed = (id, started) => times?.set(id, (times.get(id) ?? 0) + performance.now() - started);
  for (const run of runs) {
    const plan = cache2?.plan(run, (r) => toPending(run, r)) ?? { mode: "full" };
    if (plan.mode === "reuse") {
      const findings2 = plan.record.findings.map(plan.remake);
      results.push(findings2);
      records.push({ ...plan.record, run, findings: findings2 });
      continue;
    }
    const findings = plan.mode === "partial" ? plan.findings.map(plan.remake) : [];
    results.push(findings);
    const namespaces = plan.mode === "partial" ? { names: new Set(plan.namespaces.names), all: plan.namespaces.all } : { names: /* @__PURE__ */ new Set(), all: false };
    const record = { run, visited: /* @__PURE__ */ new Set(), hasExit: false, findings, locates: false, namespaces };
    const recording = cache2 ? namespaces : void 0;
    const context = {
      id: run.rule.id,
      sourceCode,
      cwd,
      filename: "<mesh>",
      physicalFilename: "<mesh>",
      languageOptions: {},
      // ESLint's shared settings are, for a mesh, its settings (also typed as `mesh`).
      settings: model.mesh,
      options: run.options,
      model,
      mesh: model.mesh,
      report: (r) => {
        if (r.suggest?.some((s) => typeof s === "function")) namespaces.all = true;
        findings.push({ message: toPending(run, r), report: r, from: visiting });
      },
      // A place written into a message cannot be moved with its object: such a rule runs in full.
      locate: (at) => {
        record.locates = true;
        return locate(at);
      }
    };
    const started = times ? performance.now() : 0;
    let visitor;
    recordNamespaceReads(recording);
    try {
      const v = run.rule.definition.create(context);
      if (typeof v !== "object" || v === null) throw new Error("create() must return an object of visitors");
      visitor = v;
    } catch (err) {
      findings.push({ message: internalError(`Rule "${run.rule.id}"`, err), report: void 0, from: void 0 });
    } finally {
      recordNamespaceReads(void 0);
    }
    if (times) timed(run.rule.id, started);
    if (!visitor) continue;
    record.visited = new Set(Object.keys(visitor).filter((k) => k !== "Mesh:exit" && typeof visitor[k] === "function"));
    record.hasExit = typeof visitor["Mesh:exit"] === "function";
    records.push(record);
    active.push({ run, visitor, findings, only: plan.mode === "partial" ? plan.added : void 0, recording });
  }
  const byKind = /* @__PURE__ */ new Map();
  const visitorsOf = (kind) => {
    let list = byKind.get(kind);
    if (!list) {
      list = [];
      for (const a of active) {
        const fn = a.visitor[kind];
        if (fn) list.push({ a, fn });
      }
      byKind.set(kind, list);
    }
    return list;
  };
  for (const { kind, node, resource } of model.inputOrder()) {
    visiting = resource;
    for (const { a, fn } of visitorsOf(kind)) {
      if (a.only && !a.only.has(resource)) continue;
      const started = times ? performance.now() : 0;
      recordNamespaceReads(a.recording);
      try {
        fn.call(a.visitor, node);
      } catch (err) {
        a.findings.push({ message: internalError(`Rule "${a.run.rule.id}"`, err, resource), report: void 0, from: resource });
      } finally {
        recordNamespaceReads(void 0);
      }
      if (times) timed(a.run.rule.id, started);
    }
  }
  visiting = void 0;
  for (const a of active) {
    const exit = a.visitor["Mesh:exit"];
    if (!exit) continue;
    const started = times ? performance.now() : 0;
    recordNamespaceReads(a.recording);
    try {
      const result2 = exit.call(a.visitor);
      if (isThenable(result2)) {
        result2.then(void 0, () => void 0);
        throw new Error("a visitor returned a promise; rules must be synchronous");
      }
    } catch (err) {
      a.findings.push({ message: internalError(`Rule "${a.run.rule.id}"`, err), report: void 0, from: void 0 });
    } finally {
      recordNamespaceReads(void 0);
    }
    if (times) timed(a.run.rule.id, started);
  }
  cache2?.commit(records);
  return collapseRepeats(results.flat());
}
var MAX_REPEATS = 10;
function collapseRepeats(findings) {
  const groups = /* @__PURE__ */ new Map();
  const dropped2 = /* @__PURE__ */ new Set();
  for (const { message: m, report } of findings) {
    const at = report?.at;
    const last = at?.path[at.path.length - 1];
    if (!at || typeof last !== "number" || m.messageId === void 0) continue;
    const key = `${m.ruleId}\0${m.messageId}\0${at.path.slice(0, -1).join("\0")}`;
    let byResource = groups.get(at.resource);
    if (!byResource) groups.set(at.resource, byResource = /* @__PURE__ */ new Map());
    const g = byResource.get(key);
    if (!g) {
      byResource.set(key, { first: m, kept: [m], count: 1, lastLine: m.start.line, field: String(at.path[at.path.length - 2] ?? "") });
      continue;
    }
    g.count++;
    g.lastLine = Math.max(g.lastLine, m.start.line);
    if (g.count <= MAX_REPEATS) g.kept.push(m);
    else {
      dropped2.add(m);
      if (g.count === MAX_REPEATS + 1) for (const k of g.kept.slice(1)) dropped2.add(k);
    }
  }
  if (dropped2.size === 0) return findings.map((f) => f.message);
  const replaced = /* @__PURE__ */ new Map();
  for (const byResource of groups.values()) {
    for (const g of byResource.values()) {
      if (g.count <= MAX_REPEATS) continue;
      const lines = g.lastLine > g.first.start.line ? ` (up to line ${g.lastLine})` : "";
      replaced.set(g.first, g.first.withText(`${g.first.reason} The same holds for ${(g.count - 1).toLocaleString("en-US")} more entries of "${g.field}"${lines}.`));
    }
  }
  return findings.filter((f) => !dropped2.has(f.message)).map((f) => replaced.get(f.message) ?? f.message);
}
function isThenable(v) {
  return (typeof v === "object" || typeof v === "function") && v !== null && typeof v.then === "function";
}
function meshSourceCode(model) {
  const loc = (node) => {
    const at = "path" in node ? node : { resource: node.resource, path: [] };
    const r = at.resource.doc.locate([...at.resource.base, ...at.path], at.part);
    return { start: { line: r.start.line, column: r.start.column - 1 }, end: { line: r.end.line, column: r.end.column - 1 } };
  };
  return {
    text: "",
    ast: { type: "root", children: [] },
    model,
    getLoc: loc,
    getRange: (node) => {
      const at = "path" in node ? node : { resource: node.resource, path: [] };
      const r = at.resource.doc.locate([...at.resource.base, ...at.path], at.part);
      return [at.resource.doc.file.offset(r.start), at.resource.doc.file.offset(r.end)];
    },
    *traverse() {
      for (const { node } of model.inputOrder()) yield { kind: 1, target: node, phase: 1, args: [node] };
    }
  };
}

// src/engine/processor.ts
function treeOf(input) {
  const files = /* @__PURE__ */ new Map();
  const docs = /* @__PURE__ */ new Map();
  for (const f of input.files) files.set(f.source.path, { type: "file", path: f.source.path, children: [] });
  for (const r of input.resources) {
    let doc = docs.get(r.doc);
    if (!doc) {
      doc = new DocumentTreeNode(r);
      docs.set(r.doc, doc);
      files.get(r.doc.file.path)?.children.push(doc);
    }
    doc.children.push(new ResourceTreeNode(r));
  }
  return { type: "root", children: [...files.values()] };
}
var ResourceTreeNode = class {
  type = "resource";
  kind;
  name;
  namespace;
  data;
  constructor(r) {
    this.kind = r.kind;
    this.name = r.name;
    this.namespace = r.namespace;
    this.data = { resource: r };
  }
  get position() {
    const r = this.data.resource;
    return r.doc.locate(r.base);
  }
};
var DocumentTreeNode = class {
  constructor(first) {
    this.first = first;
  }
  first;
  type = "document";
  children = [];
  get position() {
    return this.first.doc.locate([]);
  }
};
function meshParse() {
  this.parser = (_text, file) => treeOf(file.data.meshlint.run.input);
}
function meshRules(options = {}) {
  const processor = this;
  return (_tree, file) => {
    const data = file.data.meshlint;
    const model = data.run.model;
    data.model = model;
    const runs = [];
    const hasOverrides = data.config.overrides.length > 0;
    for (const { rule, setting } of processor.data("meshlintRules") ?? []) {
      const severity = severityOfSetting(setting);
      const configured = options.cliRules?.[rule.id] ?? data.config.rules[rule.id] ?? severity ?? rule.meta.severity;
      if (!hasOverrides && configured === "off") continue;
      const fromSetting = optionsOfSetting(setting);
      if (fromSetting) {
        const problems = optionProblems(rule, fromSetting);
        if (problems.length > 0) throw new ConfigError(`invalid options for ${rule.id} in .use(): ${problems.join("; ")}`);
      }
      runs.push({ rule, options: ruleOptions(rule, data.config, fromSetting) });
    }
    data.ruleDiagnostics.push(...runRules(model, runs, data.run.cwd, data.ruleTimes, options.ruleCache));
  };
}
function severityOfSetting(setting) {
  if (setting === void 0 || typeof setting === "object" && !Array.isArray(setting)) return void 0;
  return normalizeSeverity(Array.isArray(setting) ? setting[0] : setting);
}
function optionsOfSetting(setting) {
  if (Array.isArray(setting)) return setting.length > 1 ? setting.slice(1) : void 0;
  if (typeof setting === "object" && setting !== null) return [setting];
  return void 0;
}
function meshFinish(options) {
  const processor = this;
  return async (_tree, file) => {
    const data = file.data.meshlint;
    const { run, config } = data;
    const registered = (processor.data("meshlintRules") ?? []).map((r) => r.rule);
    const settings = {};
    for (const { rule, setting } of processor.data("meshlintRules") ?? []) {
      const s = severityOfSetting(setting);
      if (s) settings[rule.id] = s;
    }
    const pending = [...await run.loadDiagnostics(), ...data.ruleDiagnostics];
    const mapper = new SourceMapper(run.input.files.map((f) => f.source), run.cwd, options.helmChartRoot);
    data.files = /* @__PURE__ */ new Map();
    data.results = finish(pending, {
      files: data.files,
      sources: new Map(run.input.files.map((f) => [f.source.path, f.source.text])),
      paths: run.input.paths,
      rules: registered,
      config: { ...config, rules: { ...settings, ...config.rules } },
      cli: options.cliRules ?? {},
      suppressor: suppressorOf(run, registered, options.inlineConfig !== false),
      reportUnused: options.reportUnusedDisableDirectives === true,
      mapper
    });
  };
}
function meshRulePlugin(rule) {
  return function(setting) {
    const list = this.data("meshlintRules") ?? [];
    this.data("meshlintRules", [...list.filter((r) => r.rule.id !== rule.id), { rule, setting }]);
  };
}
function createProcessor(options = {}) {
  const processor = unified().use(meshParse).use(meshRules, options).use(meshFinish, options);
  for (const rule of options.rules ?? []) processor.use(meshRulePlugin(rule));
  return processor;
}

// src/mtls/destination-rule.ts
function moreSpecific(a, b) {
  const aw = a.startsWith("*");
  const bw = b.startsWith("*");
  if (aw && !bw) return false;
  if (!aw && bw) return true;
  if (a.length === b.length) return a < b;
  return a.length > b.length;
}
function mostSpecificHostMatch(needle, specific, wildcard) {
  const exact = specific.get(needle);
  if (exact !== void 0) return [needle, exact];
  let best;
  for (const [h, v] of wildcard) {
    if (!needle.endsWith(h.slice(1))) continue;
    if (!best || moreSpecific(h, best[0])) best = [h, v];
  }
  return best;
}
function setsEqual(a, b) {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
function isSuperset(a, b) {
  for (const x of b) if (!a.has(x)) return false;
  return true;
}
function labelsEqual(a, b) {
  const ak = Object.keys(a ?? {});
  const bk = Object.keys(b ?? {});
  return ak.length === bk.length && ak.every((k) => (a ?? {})[k] === (b ?? {})[k]);
}
function labelsSubset(selector, labels) {
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}
function indexRule(dr) {
  const spec = isRecord(dr.resource.raw.spec) ? dr.resource.raw.spec : {};
  const rawHost = str(spec.host);
  if (!rawHost) return void 0;
  const hasSelector = isRecord(spec.workloadSelector);
  const selector = hasSelector ? stringMap(spec.workloadSelector.matchLabels) : void 0;
  const exportTo = hasSelector ? /* @__PURE__ */ new Set(["."]) : new Set(arr(spec.exportTo).filter((x) => typeof x === "string"));
  return {
    dr,
    host: resolveHost(rawHost, dr.namespace),
    exportTo,
    selector,
    trafficPolicy: isRecord(spec.trafficPolicy) ? spec.trafficPolicy : void 0
  };
}
function compareRules(a, b) {
  if (a.selector && !b.selector) return -1;
  if (!a.selector && b.selector) return 1;
  const ta = creationTime(a);
  const tb = creationTime(b);
  if (ta !== tb) return ta < tb ? -1 : 1;
  if (a.dr.name !== b.dr.name) return a.dr.name < b.dr.name ? -1 : 1;
  if (a.dr.namespace !== b.dr.namespace) return a.dr.namespace < b.dr.namespace ? -1 : 1;
  return 0;
}
function creationTime(r) {
  const meta = isRecord(r.dr.resource.raw.metadata) ? r.dr.resource.raw.metadata : {};
  const t = typeof meta.creationTimestamp === "string" ? Date.parse(meta.creationTimestamp) : NaN;
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}
function newBuckets() {
  return { specific: /* @__PURE__ */ new Map(), wildcard: /* @__PURE__ */ new Map() };
}
function merge3(b, r) {
  const map = r.host.startsWith("*") ? b.wildcard : b.specific;
  const list = map.get(r.host);
  const fresh = () => ({
    from: [r],
    policyFrom: r.trafficPolicy ? r : void 0,
    exportTo: r.exportTo,
    selector: r.selector,
    namespace: r.dr.namespace,
    host: r.host
  });
  if (!list) {
    map.set(r.host, [fresh()]);
    return;
  }
  let appendSeparately = true;
  for (const mdr of list) {
    if (setsEqual(r.exportTo, mdr.exportTo)) {
      appendSeparately = false;
    } else if (mdr.exportTo.size > 0 && isSuperset(r.exportTo, mdr.exportTo)) {
      appendSeparately = true;
    } else {
      appendSeparately = true;
      continue;
    }
    const bothWithout = !r.selector && !mdr.selector;
    const bothWith = !!r.selector && !!mdr.selector;
    if (bothWith && !labelsEqual(r.selector, mdr.selector)) {
      appendSeparately = true;
      continue;
    }
    if (bothWithout || bothWith) appendSeparately = false;
    mdr.from.push(r);
    if (!mdr.policyFrom && r.trafficPolicy) mdr.policyFrom = r;
  }
  if (appendSeparately) list.push(fresh());
}
var DestinationRuleIndex = class {
  namespaceLocal = /* @__PURE__ */ new Map();
  exportedByNamespace = /* @__PURE__ */ new Map();
  rootNamespaceLocal = newBuckets();
  rootNamespace;
  /** Rules in the order istiod processes them. */
  rules;
  constructor(model) {
    this.rootNamespace = model.rootNamespace;
    const rules = [];
    for (const dr of model.destinationRules) {
      const r = indexRule(dr);
      if (r) rules.push(r);
    }
    rules.sort(compareRules);
    this.rules = rules;
    for (const r of rules) {
      const ns = r.dr.namespace;
      const e = r.exportTo;
      if (e.size === 0 || e.has("*") || e.has(".") || e.has(ns)) {
        let b = this.namespaceLocal.get(ns);
        if (!b) this.namespaceLocal.set(ns, b = newBuckets());
        merge3(b, r);
      }
      const privateOnly = e.size === 1 && (e.has(".") || e.has(ns));
      if (!privateOnly) {
        let b = this.exportedByNamespace.get(ns);
        if (!b) this.exportedByNamespace.set(ns, b = newBuckets());
        merge3(b, r);
      } else if (ns === this.rootNamespace) {
        merge3(this.rootNamespaceLocal, r);
      }
    }
  }
  /**
   * The entries istiod's `destinationRule(proxyNamespace, service)` returns for a host, and the
   * step that found them.
   */
  candidates(clientNs, hostname, serviceNs) {
    const local = clientNs !== this.rootNamespace ? this.namespaceLocal.get(clientNs) : this.rootNamespaceLocal;
    if (local) {
      const m = mostSpecificHostMatch(hostname, local.specific, local.wildcard);
      if (m) return { list: m[1], step: "client-namespace", host: m[0] };
    }
    const exported = (owner, step) => {
      const b = this.exportedByNamespace.get(owner);
      if (!b) return void 0;
      const m = mostSpecificHostMatch(hostname, b.specific, b.wildcard);
      if (!m) return void 0;
      const out = m[1].filter((c) => c.exportTo.size === 0 || c.exportTo.has("*") || c.exportTo.has(clientNs));
      return out.length > 0 ? { list: out, step, host: m[0] } : void 0;
    };
    return exported(serviceNs, "service-namespace") ?? exported(this.rootNamespace, "root-namespace");
  }
  /** The DestinationRule a client in `clientNs` with pod labels `clientLabels` uses for `hostname`. */
  lookup(clientNs, hostname, serviceNs, clientLabels = {}) {
    const c = this.candidates(clientNs, hostname, serviceNs);
    if (!c) return { rule: void 0, step: void 0, matchedHost: void 0, selectorOnly: void 0 };
    let catchAll;
    for (const entry of c.list) {
      if (!entry.selector) catchAll = entry;
      if (clientNs === entry.namespace && entry.selector && labelsSubset(entry.selector, clientLabels)) {
        return { rule: entry, step: c.step, matchedHost: c.host, selectorOnly: void 0 };
      }
    }
    if (catchAll) return { rule: catchAll, step: c.step, matchedHost: c.host, selectorOnly: void 0 };
    return { rule: void 0, step: c.step, matchedHost: c.host, selectorOnly: c.list };
  }
  /** Rules, other than those of `except`, whose host covers `hostname` and that set `mode` on `port`. */
  coveringWithMode(hostname, port, mode, clientNs, except) {
    return this.rules.filter(
      (r) => !except?.from.includes(r) && visibleTo(r, clientNs) && hostCovers(r.host, hostname) && ruleTlsForPort(r, port) === mode
    );
  }
  /** The TLS a client originates toward `hostname` on Service port `port`. */
  clientTls(clientNs, hostname, serviceNs, port, clientLabels = {}) {
    const lookup = this.lookup(clientNs, hostname, serviceNs, clientLabels);
    const r = lookup.rule?.policyFrom;
    if (!r || !r.trafficPolicy) return { mode: void 0, lookup, decidedAt: void 0, portLevelIndex: void 0 };
    const tp = r.trafficPolicy;
    const base = ["spec", "trafficPolicy"];
    const settings = arr(tp.portLevelSettings);
    for (let i = 0; i < settings.length; i++) {
      const s = settings[i];
      if (!isRecord(s) || !isRecord(s.port) || s.port.number !== port) continue;
      const at = [...base, "portLevelSettings", i];
      return { ...tlsOf(s.tls, at, r), lookup, portLevelIndex: i };
    }
    return { ...tlsOf(tp.tls, base, r), lookup, portLevelIndex: void 0 };
  }
};
function ruleTlsForPort(r, port) {
  const tp = r.trafficPolicy;
  if (!tp) return void 0;
  for (const s of arr(tp.portLevelSettings)) {
    if (isRecord(s) && isRecord(s.port) && s.port.number === port) return tlsOf(s.tls, [], r).mode;
  }
  return tlsOf(tp.tls, [], r).mode;
}
function visibleTo(r, clientNs) {
  const e = r.exportTo;
  if (e.size === 0 || e.has("*") || e.has(clientNs)) return true;
  return r.dr.namespace === clientNs && e.has(".");
}
function hostCovers(ruleHost, hostname) {
  return ruleHost === hostname || ruleHost.startsWith("*") && hostname.endsWith(ruleHost.slice(1));
}
function tlsOf(tls, at, rule) {
  if (!isRecord(tls)) return { mode: void 0, decidedAt: { rule, path: at } };
  const mode = str(tls.mode);
  if (mode === void 0) return { mode: "DISABLE", decidedAt: { rule, path: [...at, "tls"] } };
  return { mode, decidedAt: { rule, path: [...at, "tls", "mode"] } };
}
var cache = /* @__PURE__ */ new WeakMap();
function destinationRuleIndex(model) {
  let idx = cache.get(model);
  if (!idx) cache.set(model, idx = new DestinationRuleIndex(model));
  return idx;
}
function ruleNames(c) {
  return c.from.map((r) => `${r.dr.namespace}/${r.dr.name}`).join(", ");
}

// src/mtls/peer-authentication.ts
function oldest(list) {
  let best;
  let bestTime = Infinity;
  for (const p of list) {
    const meta = p.resource.raw.metadata;
    const ts = typeof meta?.creationTimestamp === "string" ? Date.parse(meta.creationTimestamp) : NaN;
    const t = Number.isNaN(ts) ? Infinity : ts;
    if (!best || t < bestTime) {
      best = p;
      bestTime = t;
    }
  }
  return best;
}
function effectiveMtls(model, w, port) {
  return effectiveMtlsFor(model, w.namespace, w.podLabels, port);
}
function effectiveMtlsFor(model, namespace, podLabels, port) {
  const { workloadPa, nsPa, meshPa } = peerAuthenticationsFor(model, namespace, podLabels);
  if (workloadPa && port !== void 0) {
    const m = workloadPa.portLevel.get(port);
    if (m && m !== "UNSET") return { mode: m, decidedBy: workloadPa, portLevel: true };
  }
  for (const pa of [workloadPa, nsPa, meshPa]) {
    if (pa && pa.mode !== "UNSET") return { mode: pa.mode, decidedBy: pa, portLevel: false };
  }
  return { mode: "PERMISSIVE", portLevel: false };
}
function peerAuthenticationsFor(model, namespace, podLabels) {
  const root = model.rootNamespace;
  const nsWide = (p) => !p.selector || Object.keys(p.selector).length === 0;
  const inNs = namespace === root ? [] : model.policiesIn("PeerAuthentication", namespace);
  const workloadPa = oldest(inNs.filter((p) => !nsWide(p) && matchesLabels(p.selector, podLabels)));
  const nsPa = oldest(inNs.filter(nsWide));
  const meshPa = oldest(model.policiesIn("PeerAuthentication", root).filter(nsWide));
  return { workloadPa, nsPa, meshPa };
}
function ztunnelMtls(model, w, port) {
  const em = effectiveMtlsFor(model, w.namespace, w.podLabels, port);
  if (em.mode !== "STRICT" || !em.portLevel) return em;
  const { workloadPa, nsPa, meshPa } = peerAuthenticationsFor(model, w.namespace, w.podLabels);
  if (!workloadPa || em.decidedBy !== workloadPa || workloadPa.mode !== "PERMISSIVE" && workloadPa.mode !== "DISABLE") return em;
  if (nsPa && nsPa.mode !== "UNSET") return em;
  if (!meshPa || meshPa.mode !== "STRICT") return em;
  return { mode: "PERMISSIVE", decidedBy: workloadPa, portLevel: true, istiodSlip: { workload: workloadPa, mesh: meshPa } };
}

// src/authz/waypoint-binding.ts
function waypointOfService(model, s) {
  return bindWaypoint(model, s.resource.labels, s.namespace, ["service", "all"]);
}
function waypointOfWorkload(model, w) {
  return bindWaypoint(model, w.podLabels, w.namespace, ["workload", "all"]);
}
function bindWaypoint(model, labels, ns, accepted) {
  const nsLabels = model.namespaceLabels(ns);
  let via;
  let name;
  let wpNs;
  if (labels["istio.io/use-waypoint"] !== void 0) {
    via = "object";
    name = labels["istio.io/use-waypoint"];
    wpNs = labels["istio.io/use-waypoint-namespace"];
  } else {
    via = "namespace";
    name = nsLabels["istio.io/use-waypoint"];
    wpNs = nsLabels["istio.io/use-waypoint-namespace"];
  }
  if (!name || name === "none") return void 0;
  const namespace = wpNs ?? ns;
  const gateway = model.gateway(namespace, name);
  if (gateway && !accepted.includes(gateway.waypointFor)) return void 0;
  if (gateway && !waypointAdmits(model, gateway, ns)) return void 0;
  return { name, namespace, gateway, via };
}
function waypointAdmits(model, g, ns) {
  if (g.namespace === ns) return true;
  const spec = isRecord(g.resource.raw.spec) ? g.resource.raw.spec : {};
  const hbone = arr(spec.listeners).find((l) => isRecord(l) && l.protocol === "HBONE" && l.port === 15008);
  const allowed = isRecord(hbone) && isRecord(hbone.allowedRoutes) ? hbone.allowedRoutes : {};
  const namespaces = isRecord(allowed.namespaces) ? allowed.namespaces : {};
  const from = str(namespaces.from) ?? "Same";
  if (from === "All") return true;
  if (from !== "Selector" || !isRecord(namespaces.selector)) return false;
  if (!model.declaresNamespace(ns)) return true;
  return matchesLabelSelector(namespaces.selector, { ...model.namespaceLabels(ns), "kubernetes.io/metadata.name": ns });
}
function matchesLabelSelector(sel, labels) {
  if (!isRecord(sel)) return false;
  if (!matchesLabels(stringMap(sel.matchLabels), labels)) return false;
  for (const e of arr(sel.matchExpressions)) {
    if (!isRecord(e) || typeof e.key !== "string") return false;
    const values = arr(e.values).filter((v2) => typeof v2 === "string");
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const v = labels[e.key];
    switch (e.operator) {
      case "In":
        if (!has || !values.includes(v)) return false;
        break;
      case "NotIn":
        if (has && values.includes(v)) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

// src/authz/attachment.ts
function policyWorkloads(model, p, rootSpansMesh = true) {
  if (p.targetRefs.length > 0) return [];
  if (rootSpansMesh && p.namespace === model.rootNamespace) {
    if (!p.selector || Object.keys(p.selector).length === 0) return model.workloads;
    const out = [];
    for (const ns of model.workloadNamespaces()) out.push(...model.selectWorkloads(ns, p.selector));
    return out;
  }
  return model.selectWorkloads(p.namespace, p.selector);
}
function authorizationPoliciesFor(model, w) {
  const out = [];
  const consider = (ns) => {
    for (const p of model.policiesIn("AuthorizationPolicy", ns)) {
      if (p.targetRefs.length > 0) continue;
      if (!p.selector || matchesLabels(p.selector, w.podLabels)) out.push(p);
    }
  };
  consider(w.namespace);
  if (w.namespace !== model.rootNamespace) consider(model.rootNamespace);
  return out;
}
function isIstioGatewayWorkload(w) {
  const istio = w.podLabels.istio;
  return (w.podAnnotations["inject.istio.io/templates"] ?? "").split(",").includes("gateway") || istio !== void 0 && istio.endsWith("gateway") || w.podLabels["gateway.networking.k8s.io/gateway-name"] !== void 0 || w.podLabels["istio.io/gateway-name"] !== void 0;
}
var GATEWAY_GROUP = "gateway.networking.k8s.io";
function isCoreGroup(group) {
  return group === "" || group === "core";
}
function targetRefAttaches(model, p, t, traffic) {
  if (t.namespace && t.namespace !== p.namespace) return false;
  const s = traffic.service;
  if (t.kind === "Service" && isCoreGroup(t.group)) {
    return s !== void 0 && s.resource.kind === "Service" && p.namespace === s.namespace && t.name === s.name;
  }
  if (t.kind === "ServiceEntry" && t.group === "networking.istio.io") {
    return s !== void 0 && s.resource.kind === "ServiceEntry" && p.namespace === s.namespace && t.name === s.name;
  }
  if (t.kind === "Gateway" && t.group === GATEWAY_GROUP) return p.namespace === traffic.waypoint.namespace && t.name === traffic.waypoint.name;
  if (t.kind === "GatewayClass" && t.group === GATEWAY_GROUP) return p.namespace === model.rootNamespace && t.name === "istio-waypoint";
  return false;
}
function waypointPolicies(model, traffic) {
  const out = [];
  const namespaces = /* @__PURE__ */ new Set([traffic.service?.namespace ?? traffic.waypoint.namespace, traffic.waypoint.namespace, model.rootNamespace]);
  for (const ns of namespaces) {
    for (const p of model.policiesIn("AuthorizationPolicy", ns)) {
      if (p.targetRefs.some((t) => targetRefAttaches(model, p, t, traffic))) out.push(p);
    }
  }
  return out;
}
function serviceEntryAsService(r) {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  const sel = isRecord(spec.workloadSelector) ? stringMap(spec.workloadSelector.labels) : {};
  if (Object.keys(sel).length === 0) return void 0;
  const base = toService(r);
  const ports = arr(spec.ports).flatMap((p, index) => {
    if (!isRecord(p) || typeof p.number !== "number") return [];
    const target = typeof p.targetPort === "number" ? p.targetPort : p.number;
    return [{ name: str(p.name), port: p.number, targetPort: target, protocol: str(p.protocol) ?? "TCP", index }];
  });
  return { ...base, selector: sel, ports };
}
var boundCache = /* @__PURE__ */ new WeakMap();
function boundServices(model) {
  let out = boundCache.get(model);
  if (out) return out;
  out = /* @__PURE__ */ new Map();
  for (const s of model.services) {
    const b = waypointOfService(model, s);
    if (!b) continue;
    const key = `${b.namespace}/${b.name}`;
    const list = out.get(key) ?? [];
    list.push({ service: s, binding: b, label: `Service ${s.name}` });
    out.set(key, list);
  }
  boundCache.set(model, out);
  return out;
}
function targetRefTargets(model, p, t) {
  let candidates = [];
  if (t.kind === "Service" && isCoreGroup(t.group)) {
    const s = model.service(p.namespace, t.name);
    const b = s && waypointOfService(model, s);
    if (s && b) candidates = [{ service: s, binding: b, label: `Service ${s.name}` }];
  } else if (t.kind === "ServiceEntry" && t.group === "networking.istio.io") {
    const r = model.policiesIn("ServiceEntry", p.namespace).find((x) => x.name === t.name);
    const s = r && serviceEntryAsService(r);
    const b = s && waypointOfService(model, s);
    if (s && b) candidates = [{ service: s, binding: b, label: `ServiceEntry ${s.name}` }];
  } else if (t.kind === "Gateway" && t.group === GATEWAY_GROUP) {
    const g = model.gateway(p.namespace, t.name);
    if (!g || g.isWaypoint) candidates = boundServices(model).get(`${p.namespace}/${t.name}`) ?? [];
  } else if (t.kind === "GatewayClass" && t.group === GATEWAY_GROUP) {
    candidates = [...boundServices(model).values()].flat();
  }
  return candidates.filter((c) => targetRefAttaches(model, p, t, { service: c.service, waypoint: c.binding }));
}

// src/authz/ztunnel.ts
var L7_OPERATION_FIELDS = ["hosts", "notHosts", "methods", "notMethods", "paths", "notPaths"];
var L7_SOURCE_FIELDS = ["requestPrincipals", "notRequestPrincipals", "remoteIpBlocks", "notRemoteIpBlocks"];
var ZTUNNEL_IGNORED_SOURCE_FIELDS = ["trustDomains", "notTrustDomains"];
var L4_OPERATION_FIELDS = ["ports", "notPorts"];
var L4_SOURCE_FIELDS = [
  "ipBlocks",
  "notIpBlocks",
  "namespaces",
  "notNamespaces",
  "serviceAccounts",
  "notServiceAccounts",
  "principals",
  "notPrincipals"
];
var L4_WHEN_KEYS = /* @__PURE__ */ new Set(["source.ip", "source.namespace", "source.principal", "destination.ip", "destination.port"]);
function nonEmpty(v) {
  return Array.isArray(v) && v.length > 0;
}
function hasAny(obj, fields) {
  return fields.some((f) => nonEmpty(obj[f]));
}
function l7Uses(rule, base) {
  if (!isRecord(rule)) return [];
  const out = [];
  arr(rule.to).forEach((to, i) => {
    const op = isRecord(to) && isRecord(to.operation) ? to.operation : void 0;
    if (!op) return;
    const entryKeepsL4 = hasAny(op, L4_OPERATION_FIELDS);
    for (const f of L7_OPERATION_FIELDS) if (nonEmpty(op[f])) out.push({ field: f, path: [...base, "to", i, "operation", f], part: "key", kind: "http", entryKeepsL4 });
  });
  arr(rule.from).forEach((from, i) => {
    const src = isRecord(from) && isRecord(from.source) ? from.source : void 0;
    if (!src) return;
    const entryKeepsL4 = hasAny(src, L4_SOURCE_FIELDS);
    for (const f of L7_SOURCE_FIELDS) if (nonEmpty(src[f])) out.push({ field: f, path: [...base, "from", i, "source", f], part: "key", kind: "http", entryKeepsL4 });
    for (const f of ZTUNNEL_IGNORED_SOURCE_FIELDS) {
      if (nonEmpty(src[f])) out.push({ field: f, path: [...base, "from", i, "source", f], part: "key", kind: "ignored", entryKeepsL4 });
    }
  });
  arr(rule.when).forEach((when, i) => {
    if (!isRecord(when) || typeof when.key !== "string") return;
    if (!L4_WHEN_KEYS.has(when.key)) out.push({ field: when.key, path: [...base, "when", i, "key"], part: "value", kind: "http" });
  });
  return out;
}
function ruleEnforceableAtL4(rule) {
  if (!isRecord(rule)) return false;
  const to = arr(rule.to);
  if (to.length > 0 && !to.some((t) => isRecord(t) && isRecord(t.operation) && hasAny(t.operation, L4_OPERATION_FIELDS))) return false;
  const from = arr(rule.from);
  if (from.length > 0 && !from.some((f) => isRecord(f) && isRecord(f.source) && hasAny(f.source, L4_SOURCE_FIELDS))) return false;
  for (const w of arr(rule.when)) {
    if (!isRecord(w) || typeof w.key !== "string" || !L4_WHEN_KEYS.has(w.key)) return false;
    if (!nonEmpty(w.values) && !nonEmpty(w.notValues)) return false;
  }
  return true;
}
function ztunnelPolicy(p) {
  const enforced2 = (p.action === "ALLOW" || p.action === "DENY") && !p.dryRun && p.targetRefs.length === 0;
  const rules = (p.rules ?? []).map((rule, index) => {
    const l7 = l7Uses(rule, ["spec", "rules", index]);
    let fate = "as-written";
    if (p.action === "ALLOW" && l7.some((u) => u.kind === "http")) fate = "dropped";
    else if (l7.length > 0) fate = ruleEnforceableAtL4(rule) ? "partial" : "never-matches";
    return { index, l7, fate };
  });
  const allowsNothing = p.action === "ALLOW" && rules.length > 0 && rules.every((r) => r.fate === "dropped" || r.fate === "never-matches");
  const deniesNothing = p.action === "DENY" && rules.length > 0 && rules.every((r) => r.fate === "never-matches");
  return { enforced: enforced2, rules, allowsNothing, deniesNothing };
}

// src/authz/rules.ts
var HTTP_ONLY_OPERATION = /* @__PURE__ */ new Set(["hosts", "notHosts", "methods", "notMethods", "paths", "notPaths"]);
var HTTP_ONLY_SOURCE = /* @__PURE__ */ new Set(["requestPrincipals", "notRequestPrincipals"]);
var isHttpWhenKey = (k) => k.startsWith("request.");
function strings(v) {
  return arr(v).filter((x) => typeof x === "string");
}
function principalNamespace(principal) {
  const m = principal ? /\/ns\/([^/]+)\/sa\//.exec(principal) : null;
  return m ? m[1] : void 0;
}
function principalServiceAccount(principal) {
  const m = principal ? /\/ns\/([^/]+)\/sa\/([^/]+)$/.exec(principal) : null;
  return m ? { ns: m[1], sa: m[2] } : void 0;
}
function field(values, notValues, actual, check) {
  if (values.length > 0 && !check(values, actual)) return false;
  if (notValues.length > 0 && actual !== void 0 && check(notValues, actual)) return false;
  return true;
}
var checkString = (values, v) => matchAny(values, v);
var checkNamespaceEnvoy = (values, v) => v !== void 0 && values.some((p) => matchNamespace(p, v));
var checkIp = (values, v) => v !== void 0 && values.some((c) => ipInCidr(v, c));
var checkPort = (values, v) => v !== void 0 && values.includes(v);
var checkPath = (values, v) => v !== void 0 && values.some((p) => matchPath(p, v));
var checkHost = (values, v) => v !== void 0 && values.some((p) => matchString(p.toLowerCase(), v.toLowerCase()));
var checkMethod = (values, v) => v !== void 0 && values.some((p) => matchString(p, v));
function bundleOf(req) {
  const td = req.trustDomain ?? CLUSTER_LOCAL_TRUST_DOMAIN;
  return req.trustDomainAliases && req.trustDomainAliases.length > 0 ? [td, ...req.trustDomainAliases] : [td];
}
function principalCheck(req) {
  const bundle = bundleOf(req);
  return (values, v) => {
    if (v === void 0) return false;
    return values.some((p) => replaceTrustDomainAliases(p, bundle).some((x) => matchString(x, v)));
  };
}
function trustDomainCheck(req) {
  const bundle = bundleOf(req);
  return (values, v) => v !== void 0 && expandTrustDomainAliases(values, bundle).some((p) => matchString(p, v));
}
function dropped(enforcer, http) {
  if (enforcer === "ztunnel") {
    return {
      operation: new Set(L7_OPERATION_FIELDS),
      source: new Set(L7_SOURCE_FIELDS),
      when: (k) => !L4_WHEN_KEYS.has(k)
    };
  }
  if (!http) return { operation: HTTP_ONLY_OPERATION, source: HTTP_ONLY_SOURCE, when: isHttpWhenKey };
  return { operation: /* @__PURE__ */ new Set(), source: /* @__PURE__ */ new Set(), when: () => false };
}
function nonEmpty2(v) {
  return Array.isArray(v) && v.length > 0;
}
function matchRule(rule, req, ctx) {
  if (!isRecord(rule)) return "no-match";
  const drop = dropped(ctx.enforcer, req.http);
  const allow = ctx.action === "ALLOW";
  let usesDropped = false;
  for (const to2 of arr(rule.to)) {
    const op = isRecord(to2) && isRecord(to2.operation) ? to2.operation : {};
    for (const f of drop.operation) if (nonEmpty2(op[f])) usesDropped = true;
  }
  for (const from2 of arr(rule.from)) {
    const s = isRecord(from2) && isRecord(from2.source) ? from2.source : {};
    for (const f of drop.source) if (nonEmpty2(s[f])) usesDropped = true;
  }
  for (const w of arr(rule.when)) if (isRecord(w) && typeof w.key === "string" && drop.when(w.key)) usesDropped = true;
  if (usesDropped && allow) return "skipped";
  const ztunnel = ctx.enforcer === "ztunnel";
  const to = arr(rule.to);
  if (to.length > 0) {
    const any = to.some((entry) => {
      const op = isRecord(entry) && isRecord(entry.operation) ? entry.operation : {};
      const keep = (f) => !drop.operation.has(f);
      if (ztunnel && !["ports", "notPorts"].some((f) => nonEmpty2(op[f]))) return false;
      return (!keep("hosts") || field(strings(op.hosts), strings(op.notHosts), req.host, checkHost)) && (!keep("methods") || field(strings(op.methods), strings(op.notMethods), req.method, checkMethod)) && (!keep("paths") || field(strings(op.paths), strings(op.notPaths), req.path, checkPath)) && field(strings(op.ports), strings(op.notPorts), String(req.port), checkPort);
    });
    if (!any) return "no-match";
  }
  const from = arr(rule.from);
  if (from.length > 0) {
    const ns = principalNamespace(req.principal);
    const sa = principalServiceAccount(req.principal);
    const any = from.some((entry) => {
      const s = isRecord(entry) && isRecord(entry.source) ? entry.source : {};
      const keep = (f) => !drop.source.has(f);
      if (ztunnel && !["ipBlocks", "notIpBlocks", "namespaces", "notNamespaces", "serviceAccounts", "notServiceAccounts", "principals", "notPrincipals"].some((f) => nonEmpty2(s[f]))) {
        return false;
      }
      const saCheck = (values) => sa !== void 0 && values.some((e) => matchServiceAccount(e, ctx.policyNamespace, sa.ns, sa.sa));
      const ignored = (f) => ztunnel && ZTUNNEL_IGNORED_SOURCE_FIELDS.includes(f);
      return field(strings(s.principals), strings(s.notPrincipals), req.principal, ztunnel ? checkString : principalCheck(req)) && field(strings(s.namespaces), strings(s.notNamespaces), ns, ztunnel ? checkString : checkNamespaceEnvoy) && field(strings(s.serviceAccounts), strings(s.notServiceAccounts), sa ? `${sa.ns}/${sa.sa}` : void 0, saCheck) && field(strings(s.ipBlocks), strings(s.notIpBlocks), req.sourceIp, checkIp) && (!keep("requestPrincipals") || field(strings(s.requestPrincipals), strings(s.notRequestPrincipals), req.requestPrincipal, checkString)) && (!keep("remoteIpBlocks") || field(strings(s.remoteIpBlocks), strings(s.notRemoteIpBlocks), req.sourceIp, checkIp)) && (ignored("trustDomains") || field(strings(s.trustDomains), strings(s.notTrustDomains), req.principal?.split("/")[0], trustDomainCheck(req)));
    });
    if (!any) return "no-match";
  }
  for (const w of arr(rule.when)) {
    if (!isRecord(w) || typeof w.key !== "string") return "no-match";
    if (drop.when(w.key)) {
      if (ztunnel) return "no-match";
      continue;
    }
    const values = strings(w.values);
    const notValues = strings(w.notValues);
    if (ztunnel && values.length === 0 && notValues.length === 0) return "no-match";
    if (!matchWhen(w.key, values, notValues, req, ctx.policyNamespace, ztunnel)) return "no-match";
  }
  return "match";
}
function matchWhen(key, values, notValues, req, policyNamespace, ztunnel) {
  switch (key) {
    case "source.ip":
    case "remote.ip":
      return field(values, notValues, req.sourceIp, checkIp);
    case "destination.ip":
      return field(values, notValues, req.destinationIp, checkIp);
    case "destination.port":
      return field(values, notValues, String(req.port), checkPort);
    case "source.namespace":
      return field(values, notValues, principalNamespace(req.principal), ztunnel ? checkString : checkNamespaceEnvoy);
    case "source.principal":
      return field(values, notValues, req.principal, ztunnel ? checkString : principalCheck(req));
    case "source.serviceAccount": {
      const sa = principalServiceAccount(req.principal);
      const check = (vals) => sa !== void 0 && vals.some((e) => matchServiceAccount(e, policyNamespace, sa.ns, sa.sa));
      return field(values, notValues, sa ? `${sa.ns}/${sa.sa}` : void 0, check);
    }
    case "source.trustDomain":
      return field(values, notValues, req.principal?.split("/")[0], ztunnel ? checkString : trustDomainCheck(req));
    case "connection.sni":
      return field(values, notValues, req.sni, checkString);
    case "request.auth.principal":
      return field(values, notValues, req.requestPrincipal, checkString);
    default: {
      const header = /^request\.headers\[(.+)\]$/.exec(key);
      if (header) return field(values, notValues, req.headers?.[header[1].toLowerCase()], checkString);
      return field(values, notValues, void 0, checkString);
    }
  }
}

// src/authz/evaluator.ts
function conflictingCustomProviders(policies, multipleAllowed = false) {
  if (multipleAllowed) return void 0;
  let first;
  let several = false;
  for (const p of policies) {
    if (p.action !== "CUSTOM") continue;
    const name = p.provider ?? "";
    if (first === void 0) first = name;
    else if (name !== first) several = true;
  }
  if (!several) return void 0;
  return [...new Set(policies.filter((p) => p.action === "CUSTOM").map((p) => p.provider ?? ""))].sort();
}
function firstMatch(p, req, enforcer) {
  if (!p.rules) return { outcome: "no-match" };
  let sawSkipped = false;
  for (let i = 0; i < p.rules.length; i++) {
    const o = matchRule(p.rules[i], req, { action: p.action, enforcer, policyNamespace: p.namespace });
    if (o === "match") return { outcome: "match", rule: i };
    if (o === "skipped") sawSkipped = true;
  }
  return { outcome: sawSkipped ? "skipped" : "no-match" };
}
function evaluatePolicies(policies, given, enforcer, opts = {}) {
  const trace = [];
  let req = given;
  let path;
  if (enforcer === "envoy" && req.http && req.path !== void 0) {
    const mode = opts.pathNormalization ?? "BASE";
    const n = normalizePath(req.path, mode);
    if (n.rejected) {
      return {
        decision: "DENY",
        reason: `Envoy rejects the path "${req.path}" (${n.rejected}) with HTTP 400 before any policy is evaluated`,
        trace,
        path: { given: req.path, matched: req.path, mode, rejected: n.rejected }
      };
    }
    if (n.path !== req.path) {
      path = { given: req.path, matched: n.path, mode };
      req = { ...req, path: n.path };
    }
  }
  const done = (d) => path ? { ...d, trace, path } : { ...d, trace };
  const sorted = [...policies].sort(policyOrder);
  const enforced2 = sorted.filter((p) => !p.dryRun);
  for (const p of sorted) if (p.dryRun) trace.push({ policy: p, outcome: "not-enforced", note: "dry-run (istio.io/dry-run) policies only log" });
  if (enforcer === "envoy") {
    const conflict = conflictingCustomProviders(sorted, opts.multipleCustomAuthzProviders);
    for (const p of enforced2.filter((x) => x.action === "CUSTOM")) {
      const m = firstMatch(p, req, enforcer);
      if (conflict) {
        const why = `CUSTOM policies of several providers (${conflict.map((x) => `"${x}"`).join(", ")}) apply and PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS is off, so istiod turns their rules into DENY rules`;
        trace.push({ policy: p, outcome: m.outcome, rule: m.rule, note: m.outcome === "match" ? why : "acts as DENY (several CUSTOM providers, PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS off)" });
        if (m.outcome === "match") {
          return done({ decision: "DENY", decidedBy: { policy: p, rule: m.rule }, reason: `CUSTOM policy ${policyText(p)} rule ${m.rule} matches, and it acts as DENY: ${why}` });
        }
        continue;
      }
      trace.push({ policy: p, outcome: m.outcome, rule: m.rule, note: m.outcome === "match" ? "the external authorizer decides; assumed to allow" : void 0 });
    }
  } else {
    for (const p of enforced2.filter((x) => x.action === "CUSTOM" || x.action === "AUDIT")) {
      trace.push({ policy: p, outcome: "not-enforced", note: `ztunnel does not enforce ${p.action} policies` });
    }
  }
  for (const p of enforced2.filter((x) => x.action === "DENY")) {
    const m = firstMatch(p, req, enforcer);
    trace.push({ policy: p, outcome: m.outcome, rule: m.rule });
    if (m.outcome === "match") {
      return done({ decision: "DENY", decidedBy: { policy: p, rule: m.rule }, reason: `DENY policy ${policyText(p)} rule ${m.rule} matches` });
    }
  }
  const allows = enforced2.filter((x) => x.action === "ALLOW");
  if (allows.length === 0) return done({ decision: "ALLOW", reason: "no ALLOW policy applies, and no DENY policy matches" });
  for (const p of allows) {
    const m = firstMatch(p, req, enforcer);
    trace.push({ policy: p, outcome: m.outcome, rule: m.rule, note: m.outcome === "skipped" ? skipNote(enforcer) : void 0 });
    if (m.outcome === "match") {
      return done({ decision: "ALLOW", decidedBy: { policy: p, rule: m.rule }, reason: `ALLOW policy ${policyText(p)} rule ${m.rule} matches` });
    }
  }
  return done({
    decision: "DENY",
    decidedBy: { policy: allows[0] },
    reason: `ALLOW policies apply (${allows.map((p) => `${policyText(p)}`).join(", ")}) and none matches`
  });
}
function skipNote(enforcer) {
  return enforcer === "ztunnel" ? "its rules that use HTTP attributes are dropped by ztunnel, and no other rule matches" : "its rules that use HTTP attributes are skipped on a non-HTTP port, and no other rule matches";
}
function policyOrder(a, b) {
  const ka = `${a.namespace}/${a.name}`;
  const kb = `${b.namespace}/${b.name}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
function isHttpPort(port, requestHasHttp) {
  if (port?.protocol?.toUpperCase() === "UDP") return false;
  let name = (port?.appProtocol ?? port?.name ?? "").toLowerCase();
  if (port?.appProtocol !== void 0) {
    if (name === "kubernetes.io/h2c" || name === "kubernetes.io/ws") return true;
    if (name === "kubernetes.io/wss") return false;
  }
  if (name.startsWith("grpc-web")) return true;
  name = name.split("-")[0];
  if (["http", "http2", "http_proxy", "grpc"].includes(name)) return true;
  if (["tcp", "tls", "https", "mongo", "mysql", "redis", "udp"].includes(name)) return false;
  if (port?.port !== void 0 && [25, 53, 3306, 27017].includes(port.port)) return false;
  return requestHasHttp;
}

// src/authz/waypoints.ts
var GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";
var IMPLICIT_WAYPOINT_POLICY_PREFIX = "istio_allow_waypoint_";
function waypointServiceAccounts(model, wp) {
  const pods = model.selectWorkloads(wp.namespace, { [GATEWAY_NAME_LABEL]: wp.name });
  if (pods.length > 0) return [...new Set(pods.map((w) => w.serviceAccount))].sort();
  return [wp.gateway?.serviceAccount ?? wp.name];
}
function waypointPrincipals(model, wp) {
  return waypointServiceAccounts(model, wp).map((sa) => `${model.mesh.trustDomain}/ns/${wp.namespace}/sa/${sa}`);
}
function waypointsServing(model, w) {
  const out = [];
  for (const s of model.servicesOf(w)) {
    const b = waypointOfService(model, s);
    if (b) out.push({ binding: b, service: s });
  }
  const own2 = waypointOfWorkload(model, w);
  if (own2) out.push({ binding: own2 });
  return out;
}
function implicitWaypointPolicies(model, w) {
  if (!model.mesh.autoAllowWaypointPolicy || w.dataplane.mode !== "ambient") return [];
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const { binding } of waypointsServing(model, w)) {
    const key = `${binding.namespace}/${binding.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const rules = [{ from: [{ source: { principals: waypointPrincipals(model, binding) } }] }];
    out.push({
      // Reported places point at the waypoint's Gateway when the input has it.
      resource: binding.gateway?.resource ?? w.resource,
      name: `${IMPLICIT_WAYPOINT_POLICY_PREFIX}${binding.namespace}_${binding.name}`,
      namespace: binding.namespace,
      spec: { action: "ALLOW", rules },
      selector: void 0,
      targetRefs: [],
      action: "ALLOW",
      rules,
      dryRun: false
    });
  }
  return out;
}
function isImplicitWaypointPolicy(p) {
  return p.name.startsWith(IMPLICIT_WAYPOINT_POLICY_PREFIX);
}
function ztunnelPoliciesFor(model, w) {
  return [...authorizationPoliciesFor(model, w), ...implicitWaypointPolicies(model, w)];
}
function ingressUsesWaypoint(model, s) {
  const v = s.resource.labels["istio.io/ingress-use-waypoint"] ?? model.namespaceLabels(s.namespace)["istio.io/ingress-use-waypoint"];
  return parseGoBool(v);
}
function waypointLabel(wp) {
  return `waypoint ${wp.namespace}/${wp.name}`;
}
var waypointNames = /* @__PURE__ */ new WeakMap();
function waypointAccountNames(model) {
  let names = waypointNames.get(model);
  if (!names) {
    names = /* @__PURE__ */ new Set();
    for (const g of model.gateways) {
      if (!g.isWaypoint) continue;
      names.add(g.name);
      names.add(g.serviceAccount);
    }
    waypointNames.set(model, names);
  }
  return names;
}
function parsePrincipal(principal) {
  const m = /^([^/]+)\/ns\/([^/]+)\/sa\/([^/]+)$/.exec(principal);
  return m ? { trustDomain: m[1], namespace: m[2], serviceAccount: m[3] } : void 0;
}
function looksLikeWaypointAccount(model, serviceAccount) {
  return /waypoint/i.test(serviceAccount) || waypointAccountNames(model).has(serviceAccount);
}
function looksLikeWaypointPrincipal(model, principal) {
  const p = parsePrincipal(principal);
  return p !== void 0 && !p.serviceAccount.includes("*") && looksLikeWaypointAccount(model, p.serviceAccount);
}
function waypointLikeEntries(model, p) {
  const td = model.mesh.trustDomain;
  const out = [];
  (p.rules ?? []).forEach((rule, ri) => {
    if (!isRecord(rule)) return;
    arr(rule.from).forEach((from, fi) => {
      const s = isRecord(from) && isRecord(from.source) ? from.source : void 0;
      if (!s) return;
      const base = ["spec", "rules", ri, "from", fi, "source"];
      for (const field2 of ["principals", "notPrincipals"]) {
        arr(s[field2]).forEach((v, i) => {
          if (typeof v === "string" && looksLikeWaypointPrincipal(model, v)) out.push({ value: v, principal: v, field: field2, path: [...base, field2, i] });
        });
      }
      for (const field2 of ["serviceAccounts", "notServiceAccounts"]) {
        arr(s[field2]).forEach((v, i) => {
          if (typeof v !== "string" || v.includes("*")) return;
          const [ns, sa] = v.includes("/") ? v.split("/", 2) : [p.namespace, v];
          if (sa && looksLikeWaypointAccount(model, sa)) out.push({ value: v, principal: `${td}/ns/${ns}/sa/${sa}`, field: field2, path: [...base, field2, i] });
        });
      }
    });
    arr(rule.when).forEach((w, wi) => {
      if (!isRecord(w) || w.key !== "source.principal") return;
      for (const field2 of ["values", "notValues"]) {
        arr(w[field2]).forEach((v, i) => {
          if (typeof v === "string" && looksLikeWaypointPrincipal(model, v)) {
            out.push({ value: v, principal: v, field: `when source.principal ${field2}`, path: ["spec", "rules", ri, "when", wi, field2, i] });
          }
        });
      }
    });
  });
  return out;
}

// src/authz/access.ts
function place(r) {
  const range = r.doc.locate(r.base);
  return { file: r.doc.file.path, line: range.start.line };
}
function policyRef(p, rule) {
  return { kind: "AuthorizationPolicy", namespace: p.namespace, name: p.name, ...place(p.resource), rule, ...p.generatedBy ? { generatedBy: p.generatedBy } : {} };
}
function paRef(p) {
  return { kind: "PeerAuthentication", namespace: p.namespace, name: p.name, ...place(p.resource) };
}
function targetPortOn(w, sp) {
  if (typeof sp.targetPort === "number") return sp.targetPort;
  const named = w.ports.find((p) => p.name === sp.targetPort);
  if (named) return named.port;
  return /^\d+$/.test(sp.targetPort) ? Number(sp.targetPort) : void 0;
}
function sidecarSni(model, service, servicePort) {
  if (!service || !servicePort) return void 0;
  return `outbound_.${servicePort.port}_._.${model.hostOf(service)}`;
}
function peerIdentity(model, from, dst, port, service, servicePort) {
  if (from.kind === "external") return { note: "an external client presents no mesh identity" };
  if (from.kind === "principal") {
    const owners = model.ownersOf(from.principal).filter((o) => o.workload);
    const sidecar = owners.length > 0 && owners.every((o) => o.workload.dataplane.mode === "sidecar") && dst.dataplane.mode === "sidecar";
    return { principal: from.principal, sni: sidecar ? sidecarSni(model, service, servicePort) : void 0, note: `peer identity ${from.principal} (given)` };
  }
  const src = from.kind === "workload" ? { mode: from.workload.dataplane.mode, label: label(from.workload), id: model.identityOf(from.workload) } : { mode: from.dataplane.mode, label: from.label, id: `${model.mesh.trustDomain}/ns/${from.namespace}/sa/${from.serviceAccount}` };
  if (src.mode === "none") return { note: `${src.label} has no sidecar and is not ambient, so it sends plaintext` };
  const id = src.id;
  if (src.mode === "ambient") return { principal: id, note: `ztunnel sends HBONE mTLS as ${id}` };
  if (dst.dataplane.mode === "ambient") return { principal: id, note: `the sidecar tunnels HBONE mTLS to the ambient pod as ${id}` };
  const clientNs = from.kind === "workload" ? from.workload.namespace : from.namespace;
  const clientLabels = from.kind === "workload" ? from.workload.podLabels : {};
  const dr = service ? clientTlsMode(model, clientNs, clientLabels, service, servicePort?.port ?? port) : void 0;
  if (dr && dr.mode !== void 0) {
    if (dr.mode === "ISTIO_MUTUAL") {
      return { principal: id, sni: sidecarSni(model, service, servicePort), note: `DestinationRule "${dr.namespace}/${dr.name}" sets tls.mode ISTIO_MUTUAL, so the sidecar sends mTLS as ${id}` };
    }
    return { note: `DestinationRule "${dr.namespace}/${dr.name}" sets tls.mode ${dr.mode}, so the sidecar does not send Istio mTLS and the destination sees no peer identity` };
  }
  if (effectiveMtls(model, dst, port).mode === "DISABLE") return { note: "mTLS is DISABLEd at the destination, so the sidecar sends plaintext" };
  if (!model.mesh.enableAutoMtls) {
    return { note: "enableAutoMtls is false and no DestinationRule with tls.mode ISTIO_MUTUAL covers the destination, so the sidecar sends plaintext" };
  }
  return { principal: id, sni: sidecarSni(model, service, servicePort), note: `the sidecar sends mTLS as ${id}` };
}
function trustDomainRefusal(model, principal, proxy, ztunnel) {
  const td = principal.split("/")[0];
  const { trustDomain, trustDomainAliases } = model.mesh;
  if (ztunnel ? td === trustDomain : envoyAcceptsTrustDomain(td, trustDomain, trustDomainAliases)) return void 0;
  const accepted = ztunnel ? `the mesh's trust domain "${trustDomain}" (ztunnel ignores trustDomainAliases)` : `neither the mesh's trust domain "${trustDomain}" nor one of its trustDomainAliases${trustDomainAliases.length > 0 ? ` (${trustDomainAliases.map((a) => `"${a}"`).join(", ")})` : ""}`;
  return `the peer's trust domain "${td}" is ${ztunnel ? "not " : ""}${accepted}: ${proxy} refuses the mTLS handshake, whatever the policies say`;
}
function evaluationOptions(model) {
  return { pathNormalization: model.mesh.pathNormalization, multipleCustomAuthzProviders: model.mesh.multipleCustomAuthzProviders };
}
function pathStep(point, w, d) {
  if (!d.path) return [];
  const note = d.path.rejected ? `pathNormalization ${d.path.mode}: Envoy rejects "${d.path.given}" (${d.path.rejected}) with HTTP 400` : `pathNormalization ${d.path.mode}: policies match "${d.path.matched}" (the request gave "${d.path.given}")`;
  return [{ enforcement: point, workload: label(w), outcome: "path", note }];
}
function clientTlsMode(model, clientNs, clientLabels, service, port) {
  const tls = destinationRuleIndex(model).clientTls(clientNs, model.hostOf(service), service.namespace, port, clientLabels);
  const rule = tls.decidedAt?.rule;
  if (!rule || tls.mode === void 0) return void 0;
  return { mode: tls.mode, name: rule.dr.name, namespace: rule.dr.namespace };
}
function label(w) {
  return `${w.kind} ${w.namespace}/${w.name}`;
}
function traceOf(point, w, d) {
  return d.trace.map((t) => ({
    enforcement: point,
    workload: label(w),
    policy: `${t.policy.namespace}/${t.policy.name} (${t.policy.action})`,
    ...t.policy.generatedBy ? { generatedBy: t.policy.generatedBy } : {},
    outcome: t.outcome,
    rule: t.rule,
    note: t.note
  }));
}
function checkAccess(model, req) {
  const backends = backendsOf(model, req);
  const source = req.from.kind === "workload" ? req.from.workload.dataplane : req.from.kind === "pod" ? req.from.dataplane : void 0;
  const undecided = "nowhere" in backends ? backends.nowhere : decideOverBackends(model, req, backends);
  const decision = "nowhere" in backends ? undecided : withIntents(model, req, backends, undecided);
  const assumptions = model.assumptionsOf([source, ..."nowhere" in backends ? [] : backends.map((b) => b.workload)]);
  return { ...decision, assumptions };
}
function withIntents(model, req, backends, d) {
  if (req.from.kind !== "workload") return d;
  const client = req.from.workload;
  const targets = new Set(backends.map((b) => b.workload));
  const service = "service" in req.to ? req.to.service : void 0;
  const reaches = (o) => o.servers.some((w) => targets.has(w)) || service !== void 0 && o.service === service;
  const relevant = [...model.intentOutcomesOf(client), ...model.clientlessIntentsIn(client.namespace)].filter(reaches);
  if (relevant.length === 0) return d;
  const steps = relevant.map((o) => ({
    enforcement: "otterize",
    workload: label(client),
    outcome: o.policy ? "generated" : "not-generated",
    note: `ClientIntents ${o.intents.namespace}/${o.intents.name} ${o.target.entry}: ${o.policy ? `the operator generates ALLOW policy "${o.policy.namespace}/${o.policy.name}"` : o.nothing ?? `its client ${o.intents.client.name} runs no pod of the input`}`
  }));
  return { ...d, trace: [...steps, ...d.trace] };
}
function backendsOf(model, req) {
  const backends = [];
  if ("service" in req.to) {
    const s = req.to.service;
    const sp = req.port !== void 0 ? s.ports.find((p) => p.port === req.port) : s.ports[0];
    if (req.port !== void 0 && !sp && s.ports.length > 0) {
      return {
        nowhere: {
          decision: "DENY",
          enforcement: [],
          reason: `Service ${s.namespace}/${s.name} has no port ${req.port} (its ports: ${s.ports.map((p) => p.port).join(", ")}), so the request has nowhere to go`,
          trace: []
        }
      };
    }
    for (const w of model.servicePods(s)) {
      const port = sp ? targetPortOn(w, sp) : req.port;
      if (port !== void 0) backends.push({ workload: w, port, service: s, servicePort: sp });
    }
    if (backends.length === 0) {
      return { nowhere: { decision: "DENY", enforcement: [], reason: `Service ${s.namespace}/${s.name} selects no workload of the input on that port, so the request has nowhere to go`, trace: [] } };
    }
  } else {
    const w = req.to.workload;
    const defaultPort = w.knative ? 8012 : w.ports[0]?.port ?? 80;
    backends.push({ workload: w, port: req.port ?? defaultPort });
  }
  return backends;
}
function decideOverBackends(model, req, backends) {
  const decisions = backends.map((b) => decideForBackend(model, req, b));
  const denied = decisions.findIndex((d2) => d2.decision === "DENY");
  if (denied === -1) return decisions[0];
  const d = decisions[denied];
  const allowedBy = backends.filter((_, i) => decisions[i].decision === "ALLOW").map((b) => label(b.workload));
  if (allowedBy.length === 0) return d;
  return { ...d, reason: `${label(backends[denied].workload)} refuses it: ${d.reason} (${[...new Set(allowedBy)].join(", ")} would admit it)` };
}
function decideForBackend(model, req, b) {
  const dst = b.workload;
  const trace = [];
  const enforcement = [];
  const hasHttp = req.method !== void 0 || req.path !== void 0 || req.host !== void 0 || req.headers !== void 0;
  const svcPort = b.servicePort ?? servicePortFor(model, dst, b.port);
  const httpPort = isHttpPort(svcPort, hasHttp);
  if (dst.dataplane.mode === "none") {
    return {
      decision: "ALLOW",
      enforcement: ["none"],
      reason: `${label(dst)} has no sidecar and is not ambient (${dst.dataplane.reason}): no AuthorizationPolicy is enforced on it`,
      trace: [{ enforcement: "none", workload: label(dst), outcome: "not-enforced" }]
    };
  }
  const viaService = b.service ?? model.servicesOf(dst).find((x) => x.ports.some((p) => targetPortOn(dst, p) === b.port));
  const identity = peerIdentity(model, req.from, dst, b.port, viaService, b.servicePort ?? svcPort);
  trace.push({ enforcement: "mtls", workload: label(dst), outcome: identity.principal ? "mtls" : "plaintext", note: identity.note });
  const attrs = {
    principal: identity.principal,
    port: b.port,
    http: httpPort,
    method: req.method,
    path: req.path,
    host: req.host,
    headers: req.headers ? Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), v])) : void 0,
    trustDomain: model.mesh.trustDomain,
    trustDomainAliases: model.mesh.trustDomainAliases,
    sni: identity.sni
  };
  const refuse = (point, proxy, ztunnel) => {
    const why = identity.principal ? trustDomainRefusal(model, identity.principal, proxy, ztunnel) : void 0;
    if (!why) return void 0;
    trace.push({ enforcement: point, workload: label(dst), outcome: "handshake-refused", note: why });
    return { decision: "DENY", enforcement: [...enforcement, point], reason: why, trace };
  };
  const zt = dst.dataplane.mode === "ambient" ? ztunnelMtls(model, dst, b.port) : void 0;
  const mtls = zt ?? effectiveMtls(model, dst, b.port);
  if (zt?.istiodSlip) {
    const { workload: wpa, mesh } = zt.istiodSlip;
    trace.push({
      enforcement: "ztunnel",
      workload: label(dst),
      outcome: "plaintext-admitted",
      note: `PeerAuthentication "${wpa.namespace}/${wpa.name}" (${wpa.mode}) sets port ${b.port} STRICT under the mesh-wide STRICT "${mesh.namespace}/${mesh.name}", but istiod's convertPeerAuthentication sends ztunnel no policy for it (an operator-precedence slip in pilot/pkg/serviceregistry/ambient/authorization.go): ztunnel accepts plaintext on this port, and meshlint follows the code`
    });
  }
  if (!identity.principal && mtls.mode === "STRICT") {
    return {
      decision: "DENY",
      enforcement: [dst.dataplane.mode === "ambient" ? "ztunnel" : "sidecar"],
      decidedBy: mtls.decidedBy ? paRef(mtls.decidedBy) : void 0,
      reason: `${label(dst)} requires mTLS (STRICT${mtls.decidedBy ? ` from PeerAuthentication "${mtls.decidedBy.namespace}/${mtls.decidedBy.name}"` : ""}) and the request arrives in plaintext`,
      trace
    };
  }
  if (dst.dataplane.mode === "ambient") {
    const wp = b.service ? waypointOfService(model, b.service) : waypointOfWorkload(model, dst);
    const via = wp ? sendsToWaypoint(model, req.from, b.service) : void 0;
    if (wp && via && !via.yes) {
      trace.push({ enforcement: "ztunnel", workload: label(dst), outcome: "bypass", note: `${via.why}, so the request skips waypoint ${wp.namespace}/${wp.name} and its policies` });
    }
    if (wp && via?.yes) {
      const point = `waypoint ${wp.namespace}/${wp.name}`;
      if (via.why) trace.push({ enforcement: point, workload: label(dst), outcome: "assumed", note: via.why });
      const refused2 = refuse(point, `waypoint ${wp.namespace}/${wp.name}`, false);
      if (refused2) return refused2;
      enforcement.push(point);
      const policies = waypointPolicies(model, { service: b.service, waypoint: wp });
      const d3 = evaluatePolicies(policies, { ...attrs, port: b.servicePort?.port ?? b.port, http: isHttpPort(b.servicePort, hasHttp) }, "envoy", evaluationOptions(model));
      trace.push(...pathStep(point, dst, d3), ...traceOf(point, dst, d3));
      if (d3.decision === "DENY") return result(d3, enforcement, trace, point);
      attrs.principal = waypointPrincipals(model, wp)[0];
      trace.push({ enforcement: "ztunnel", workload: label(dst), outcome: "identity", note: `ztunnel sees the waypoint's identity ${attrs.principal}` });
    } else {
      const refused2 = refuse("ztunnel", `ztunnel at ${label(dst)}`, true);
      if (refused2) return refused2;
    }
    enforcement.push("ztunnel");
    const d2 = evaluatePolicies(ztunnelPoliciesFor(model, dst), attrs, "ztunnel");
    trace.push(...traceOf("ztunnel", dst, d2));
    return result(d2, enforcement, trace, "ztunnel");
  }
  const refused = refuse("sidecar", `the sidecar of ${label(dst)}`, false);
  if (refused) return refused;
  enforcement.push("sidecar");
  const d = evaluatePolicies(authorizationPoliciesFor(model, dst), attrs, "envoy", evaluationOptions(model));
  trace.push(...pathStep("sidecar", dst, d), ...traceOf("sidecar", dst, d));
  return result(d, enforcement, trace, "sidecar");
}
function sendsToWaypoint(model, from, service) {
  if (from.kind === "external") return { yes: false, why: "an external client is not captured by ztunnel" };
  const viaGateway = (who) => service && ingressUsesWaypoint(model, service) ? { yes: true, why: `${who} is an ingress gateway and Service ${service.namespace}/${service.name} is labelled istio.io/ingress-use-waypoint` } : { yes: false, why: `${who} is an ingress gateway, which sends straight to the pod${service ? ` (Service ${service.namespace}/${service.name} has no istio.io/ingress-use-waypoint label)` : ""}` };
  if (from.kind === "workload" && isIstioGatewayWorkload(from.workload)) return viaGateway(label(from.workload));
  if (from.kind === "workload" || from.kind === "pod") {
    const mode = from.kind === "workload" ? from.workload.dataplane.mode : from.dataplane.mode;
    const who = from.kind === "workload" ? label(from.workload) : from.label;
    if (mode === "ambient") return { yes: true, why: "" };
    return { yes: false, why: mode === "sidecar" ? `${who} has a sidecar, which sends straight to the pod` : `${who} is outside the mesh and sends straight to the pod` };
  }
  const owners = model.ownersOf(from.principal).filter((o) => o.workload || o.kind === "gateway");
  const isGateway = (o) => o.kind === "gateway" || o.workload !== void 0 && isIstioGatewayWorkload(o.workload);
  if (owners.length > 0 && owners.every(isGateway)) return viaGateway(from.principal);
  if (owners.length > 0 && owners.every((o) => !isGateway(o) && o.workload.dataplane.mode === "sidecar")) {
    return { yes: false, why: `${from.principal} is the identity of sidecar workloads, which send straight to the pod` };
  }
  if (owners.length > 0 && owners.every((o) => !isGateway(o) && o.workload.dataplane.mode === "ambient")) return { yes: true, why: "" };
  const sa = parsePrincipal(from.principal)?.serviceAccount;
  if (owners.length === 0 && sa && /gateway|-istio$/i.test(sa) && !looksLikeWaypointAccount(model, sa)) {
    const g = viaGateway(from.principal);
    return { yes: g.yes, why: `${g.why.replace(" is an ingress gateway", " is assumed to be an ingress gateway (by its name)")}` };
  }
  const ns = parsePrincipal(from.principal)?.namespace;
  const pods = owners.length === 0 && ns !== void 0 ? model.dataplaneFor(ns) : void 0;
  if (pods && !pods.assumption) {
    if (pods.mode === "ambient") return { yes: true, why: "" };
    return { yes: false, why: `pods of namespace ${ns} ${pods.mode === "sidecar" ? "have sidecars, which send" : "are outside the mesh and send"} straight to the pod` };
  }
  return { yes: true, why: `${from.principal} is assumed to be an ambient client, which ztunnel sends through the waypoint` };
}
function servicePortFor(model, w, port) {
  for (const s of model.servicesOf(w)) {
    const sp = s.ports.find((p) => targetPortOn(w, p) === port);
    if (sp) return sp;
  }
  return void 0;
}
function result(d, enforcement, trace, point) {
  return {
    decision: d.decision,
    enforcement,
    decidedBy: d.decidedBy ? policyRef(d.decidedBy.policy, d.decidedBy.rule) : void 0,
    reason: d.reason,
    trace,
    policyDecision: { ...d, enforcement: point }
  };
}

// src/mesh/model.ts
var Model = class extends ModelIndex {
  /** Workloads a selecting policy applies to; in the root namespace its selector spans the mesh unless `rootSpansMesh` is false (authz/attachment.ts). */
  policyWorkloads(p, rootSpansMesh = true) {
    return policyWorkloads(this, p, rootSpansMesh);
  }
  /** AuthorizationPolicies a sidecar or ztunnel enforces on a workload: by selector or namespace, its own and the root namespace's (authz/attachment.ts). */
  authorizationPoliciesFor(w) {
    return authorizationPoliciesFor(this, w);
  }
  /** AuthorizationPolicies a waypoint applies to some traffic: by targetRefs to the Service, the waypoint's Gateway or the istio-waypoint GatewayClass (authz/attachment.ts). */
  waypointPolicies(traffic) {
    return waypointPolicies(this, traffic);
  }
  /** The waypoint a Service's traffic is sent to, if any (`istio.io/use-waypoint`; authz/waypoint-binding.ts). */
  waypointOfService(s) {
    return waypointOfService(this, s);
  }
  /** The waypoint for traffic addressed to a workload's pods directly, if any (authz/waypoint-binding.ts). */
  waypointOfWorkload(w) {
    return waypointOfWorkload(this, w);
  }
  /** The mTLS mode a workload accepts on a port, and the PeerAuthentication that decides it (mtls/peer-authentication.ts). */
  effectiveMtls(w, port) {
    return effectiveMtls(this, w, port);
  }
  /** effectiveMtls for pods known only by namespace and labels (mtls/peer-authentication.ts). */
  effectiveMtlsFor(namespace, podLabels, port) {
    return effectiveMtlsFor(this, namespace, podLabels, port);
  }
  /** The mTLS mode ztunnel enforces for an ambient workload on a port, istiod's slip included (mtls/peer-authentication.ts). */
  ztunnelMtls(w, port) {
    return ztunnelMtls(this, w, port);
  }
  /** Whether a request is allowed, at every enforcement point on its way to each backend pod (authz/access.ts). */
  checkAccess(request) {
    return checkAccess(this, request);
  }
};

// src/engine/run.ts
async function startRun(opts) {
  const cwd = opts.cwd ?? process.cwd();
  const config = opts.config ?? emptyConfig(cwd);
  const { input, checks } = await loadInputDeferred({ ...opts, cwd, config });
  const modelErrors = [];
  let model;
  let load;
  return {
    cwd,
    config,
    input,
    get model() {
      return model ??= buildModel(input.resources, { ...config.mesh, ...opts.mesh ?? {} }, modelErrors);
    },
    // The order of the one-thread run: loading, resource checks, model.
    loadDiagnostics: () => load ??= checks().then((checked) => [...input.pending, ...checked, ...modelErrors])
  };
}
function buildModel(resources, mesh, pending) {
  try {
    return new Model(resources, mesh);
  } catch {
    const kept = [];
    for (const r of resources) {
      try {
        new Model([r], mesh);
        kept.push(r);
      } catch (err) {
        pending.push(internalError("Reading the resource", err, r));
      }
    }
    try {
      return new Model(kept, mesh);
    } catch (err) {
      pending.push(internalError("Building the model", err));
      return new Model([], mesh);
    }
  }
}

// src/engine/lint.ts
async function lint(opts) {
  const run = await startRun(opts);
  const processor = opts.processor ?? createProcessor({
    rules: opts.rules,
    cliRules: opts.cliRules,
    inlineConfig: opts.inlineConfig,
    reportUnusedDisableDirectives: opts.reportUnusedDisableDirectives,
    helmChartRoot: opts.helmChartRoot,
    ruleCache: opts.ruleCache
  });
  const file = new VFile({ path: run.cwd, data: { meshlint: { run, config: run.config, ruleDiagnostics: [], ...opts.timing ? { ruleTimes: /* @__PURE__ */ new Map() } : {} } } });
  await processor.run(processor.parse(file), file);
  const data = file.data.meshlint;
  const files = [...data.files.values()].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { results: data.results, missing: run.input.missing, skipped: run.input.skipped, model: run.model, ruleTimes: data.ruleTimes, files };
}

// src/engine/rule.ts
var DOCS_BASE = "https://github.com/meshlint/meshlint/blob/main/rules";
function docsUrl(id) {
  return `${DOCS_BASE}/${id}/README.md`;
}
function defineRule(rule) {
  return rule;
}
function registerRule(id, definition, url = definition.meta.docs.url ?? docsUrl(id)) {
  const m = definition.meta;
  return {
    id,
    url,
    definition,
    meta: { description: m.docs.description, severity: m.docs.recommended === false ? "off" : m.defaultSeverity, aliases: m.docs.aliases, tags: m.docs.tags }
  };
}
var NAMESPACE_LIST = { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true };
function ignoreNamespacesSchema(description) {
  return [{ type: "object", properties: { ignoreNamespaces: { ...NAMESPACE_LIST, description } }, additionalProperties: false }];
}

// src/engine/plugins.ts
import { createRequire } from "node:module";
import { isAbsolute, join as join2, resolve as resolve2 } from "node:path";
import { pathToFileURL } from "node:url";
var PREFIX = /^[a-z0-9]+(-[a-z0-9]+)*$/;
async function loadPlugins(config, policy) {
  const entries = Object.entries(config.plugins ?? {});
  if (entries.length === 0) return [];
  const where = config.file ?? "the configuration";
  if (!policy.allowed) {
    throw new ConfigError(
      `${where}: names plugin${entries.length > 1 ? "s" : ""} ${entries.map(([p]) => `"${p}"`).join(", ")}; plugins run code, so meshlint loads them only when asked. Run with --plugins (or MESHLINT_PLUGINS=1, or plugins: true in the API).`
    );
  }
  const rules = [];
  for (const [prefix, specifier] of entries) {
    if (!PREFIX.test(prefix)) throw new ConfigError(`${where}: plugins.${prefix}: a plugin prefix is lowercase words joined by "-"`);
    const plugin = await importPlugin(prefix, specifier, config.base, where);
    for (const [name, definition] of Object.entries(plugin.rules).sort(([a], [b]) => a < b ? -1 : 1)) {
      if (!PREFIX.test(name)) throw new ConfigError(`${where}: plugin "${prefix}" has a rule named "${name}"; rule names are lowercase words joined by "-"`);
      if (!isRuleDefinition(definition)) {
        throw new ConfigError(`${where}: plugin "${prefix}": rule "${name}" is not a rule definition (meta.docs.description, meta.messages, meta.schema, meta.defaultSeverity and create() are required)`);
      }
      rules.push(registerRule(`${prefix}/${name}`, definition, definition.meta.docs.url ?? ""));
    }
  }
  return rules;
}
async function importPlugin(prefix, specifier, base, where) {
  let file;
  try {
    file = specifier.startsWith(".") || isAbsolute(specifier) ? resolve2(base, specifier) : createRequire(join2(base, "noop.js")).resolve(specifier);
  } catch {
    throw new ConfigError(`${where}: plugins.${prefix}: cannot find "${specifier}" (a path relative to the configuration file, or a package installed beside it)`);
  }
  let mod;
  try {
    mod = await import(pathToFileURL(file).href);
  } catch (err) {
    const text = err instanceof Error ? err.message.split("\n")[0] : String(err);
    throw new ConfigError(`${where}: plugins.${prefix}: loading ${specifier} failed: ${text}`);
  }
  const plugin = mod.default ?? mod;
  if (!plugin || typeof plugin !== "object" || typeof plugin.rules !== "object" || plugin.rules === null) {
    throw new ConfigError(`${where}: plugins.${prefix}: ${specifier} does not export a plugin (export default { rules: { \u2026 } })`);
  }
  return plugin;
}
function isRuleDefinition(v) {
  const r = v;
  const m = r?.meta;
  return typeof r === "object" && r !== null && typeof r.create === "function" && typeof m?.docs?.description === "string" && typeof m.messages === "object" && Array.isArray(m.schema) && (m.defaultSeverity === "warn" || m.defaultSeverity === "error");
}

export {
  BUILTIN,
  builtinUrl,
  VFile,
  applyFixes,
  UNUSED_DIRECTIVE,
  loadReport,
  ruleOptions,
  validateRuleOptions,
  MODE_WORDS,
  ignoredNamespaceLabels,
  namespaceMode,
  toSelectingPolicy,
  LEGACY_KIND,
  isKubernetesApiServer,
  otterizeIdentity,
  UNKNOWN_DATA_PLANE_EVIDENCE,
  exportedTo,
  exportsOverlap,
  exportToText,
  portProtocol,
  DOMAIN_SUFFIX,
  resolveHost,
  serviceHostNamespace,
  hostsOverlap,
  gatewayHostsFor,
  claimsSeenWith,
  parseDocuments,
  nodeAt,
  suggestionWorkspaceEdits,
  interpolate,
  destinationRuleIndex,
  ruleNames,
  effectiveMtls,
  isIstioGatewayWorkload,
  targetRefAttaches,
  waypointPolicies,
  targetRefTargets,
  matchString,
  matchPath,
  matchNamespacePattern,
  CLUSTER_LOCAL_TRUST_DOMAIN,
  parsePrincipalPattern,
  principalPatternMatches,
  parseServiceAccountEntry,
  normalizePath,
  envoyAcceptsTrustDomain,
  l7Uses,
  ztunnelPolicy,
  conflictingCustomProviders,
  evaluatePolicies,
  waypointPrincipals,
  waypointsServing,
  isImplicitWaypointPolicy,
  ztunnelPoliciesFor,
  ingressUsesWaypoint,
  waypointLabel,
  parsePrincipal,
  looksLikeWaypointPrincipal,
  waypointLikeEntries,
  targetPortOn,
  checkAccess,
  sendsToWaypoint,
  startRun,
  lint,
  docsUrl,
  defineRule,
  registerRule,
  NAMESPACE_LIST,
  ignoreNamespacesSchema,
  loadPlugins,
  VERSION,
  HOMEPAGE
};
//# sourceMappingURL=chunk-NDVW4ZR3.js.map
