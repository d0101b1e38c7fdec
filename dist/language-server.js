#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunks/chunk-P4OBH6OH.js";
import {
  RULES
} from "./chunks/chunk-JAGAFXHJ.js";
import "./chunks/chunk-5HCUSURH.js";
import "./chunks/chunk-JXNABAY7.js";
import "./chunks/chunk-JTR57KKI.js";

// src/lsp/main.ts
startServer(RULES);
//# sourceMappingURL=language-server.js.map
