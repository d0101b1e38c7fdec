#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunks/chunk-AT3DAIOA.js";
import {
  RULES
} from "./chunks/chunk-HGXOR76L.js";
import "./chunks/chunk-KWQSF7FP.js";
import "./chunks/chunk-PYM2FW53.js";
import "./chunks/chunk-JTR57KKI.js";

// src/lsp/main.ts
startServer(RULES);
//# sourceMappingURL=language-server.js.map
