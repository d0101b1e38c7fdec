#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunks/chunk-TH2OC7J2.js";
import {
  RULES
} from "./chunks/chunk-ESDBVSSD.js";
import "./chunks/chunk-LGUSMWUH.js";
import "./chunks/chunk-CVCNKWIZ.js";
import "./chunks/chunk-JTR57KKI.js";

// src/lsp/main.ts
startServer(RULES);
//# sourceMappingURL=language-server.js.map
