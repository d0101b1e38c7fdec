#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunks/chunk-4YY2F2TG.js";
import {
  RULES
} from "./chunks/chunk-Y5QQDR67.js";
import "./chunks/chunk-643IQUBN.js";
import "./chunks/chunk-CVCNKWIZ.js";
import "./chunks/chunk-JTR57KKI.js";

// src/lsp/main.ts
startServer(RULES);
//# sourceMappingURL=language-server.js.map
