#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunks/chunk-Q3Y5B7BE.js";
import {
  RULES
} from "./chunks/chunk-LPEB7MTX.js";
import "./chunks/chunk-M4OR26PP.js";
import "./chunks/chunk-PMZGKPLO.js";
import "./chunks/chunk-JTR57KKI.js";

// src/lsp/main.ts
startServer(RULES);
//# sourceMappingURL=language-server.js.map
