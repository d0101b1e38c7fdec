#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunks/chunk-UYK3XZDC.js";
import {
  RULES
} from "./chunks/chunk-JWQG5H75.js";
import "./chunks/chunk-4Q6AMGV7.js";
import "./chunks/chunk-TXW67S5H.js";
import "./chunks/chunk-JTR57KKI.js";

// src/lsp/main.ts
startServer(RULES);
//# sourceMappingURL=language-server.js.map
