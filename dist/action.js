import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);

// src/action/main.ts
import { spawnSync } from "node:child_process";
import { appendFileSync, existsSync as existsSync2, mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve as resolve2 } from "node:path";
import { fileURLToPath } from "node:url";

// src/report/formatters/github.ts
function escapeData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

// src/action/inputs.ts
import { existsSync } from "node:fs";
import { resolve } from "node:path";
function input(name, env2) {
  return (env2[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}
function splitPaths(text, cwd2) {
  const paths = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "") continue;
    if (existsSync(resolve(cwd2, line))) paths.push(line);
    else paths.push(...line.split(/\s+/));
  }
  return paths.length > 0 ? paths : ["."];
}
function thresholdArgs(threshold) {
  if (threshold === "error" || threshold === "none") return [];
  if (threshold === "warning") return ["--max-warnings", "0"];
  return void 0;
}

// src/action/main.ts
var env = process.env;
var cwd = process.cwd();
function node(script, args) {
  const r = spawnSync(process.execPath, [script, ...args], { stdio: "inherit", env });
  if (r.error) throw r.error;
  return r.status ?? 2;
}
function cliScript(version) {
  const here = dirname(fileURLToPath(import.meta.url));
  if (version === "") return join(here, "cli.js");
  const prefix = join(env.RUNNER_TEMP ?? cwd, `meshlint-${version.replace(/[^\w.-]/g, "_")}`);
  const npm = spawnSync("npm", ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--loglevel=error", `meshlint@${version}`], { stdio: "inherit", env });
  if (npm.status !== 0) throw new Error(`npm could not install meshlint@${version}`);
  return join(prefix, "node_modules", "meshlint", "dist", "cli.js");
}
function setOutput(name, value) {
  if (!env.GITHUB_OUTPUT) return;
  const delimiter = `meshlint_${process.pid}_${Date.now()}`;
  appendFileSync(env.GITHUB_OUTPUT, value.includes("\n") ? `${name}<<${delimiter}
${value}
${delimiter}
` : `${name}=${value}
`);
}
function lint(cli, paths, config) {
  const threshold = input("severity-threshold", env);
  const thresholdFlags = thresholdArgs(threshold);
  if (!thresholdFlags) {
    console.log(`::error title=meshlint::severity-threshold must be error, warning or none, not "${threshold}"`);
    return 2;
  }
  const args = [...config, ...thresholdFlags];
  const sarif = input("sarif-file", env);
  if (sarif !== "") {
    mkdirSync(dirname(resolve2(cwd, sarif)), { recursive: true });
    const code2 = node(cli, [...args, "--format", "sarif", "--output-file", sarif, "--", ...paths]);
    if (code2 >= 2) return code2;
    setOutput("sarif-file", sarif);
  }
  const code = node(cli, [...args, "--format", input("format", env) || "github", "--", ...paths]);
  return threshold === "none" && code === 1 ? 0 : code;
}
function accessDiff(cli, base, paths, config) {
  const failOn = input("access-diff-fail-on", env);
  const report = join(env.RUNNER_TEMP ?? cwd, "meshlint-access-diff.md");
  const args = ["diff-access", "--base", base, ...config, ...failOn ? ["--fail-on", failOn] : [], "--format", "markdown", "--output-file", report, "--", ...paths];
  const code = node(cli, args);
  if (existsSync2(report)) {
    const text = readFileSync(report, "utf8");
    process.stdout.write(text);
    if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, text);
  }
  return code;
}
function main() {
  const cli = cliScript(input("version", env));
  const paths = splitPaths(env.INPUT_PATHS ?? "", cwd);
  const configFile = input("config", env);
  const config = configFile ? ["--config", configFile] : [];
  const lintCode = lint(cli, paths, config);
  const base = input("access-diff-base", env);
  const diffCode = base === "" ? 0 : accessDiff(cli, base, paths, config);
  return Math.max(lintCode, diffCode);
}
try {
  process.exitCode = main();
} catch (err) {
  console.log(`::error title=meshlint::${escapeData(err.message)}`);
  process.exitCode = 2;
}
//# sourceMappingURL=action.js.map
