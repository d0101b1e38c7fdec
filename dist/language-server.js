#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunks/chunk-AYPXEN5Y.js";
import {
  RULES
} from "./chunks/chunk-DOBGAXKJ.js";
import "./chunks/chunk-BTPE3UTP.js";
import "./chunks/chunk-PYM2FW53.js";
import "./chunks/chunk-JTR57KKI.js";

// src/lsp/main.ts
startServer(RULES);
//# sourceMappingURL=language-server.js.map
