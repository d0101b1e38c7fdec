#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunks/chunk-XVCPWJQ5.js";
import {
  RULES
} from "./chunks/chunk-IPVF3Y7M.js";
import "./chunks/chunk-KKPKLPM7.js";
import "./chunks/chunk-CVCNKWIZ.js";
import "./chunks/chunk-JTR57KKI.js";

// src/lsp/main.ts
startServer(RULES);
//# sourceMappingURL=language-server.js.map
