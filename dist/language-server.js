#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunks/chunk-T63VFRA7.js";
import {
  RULES
} from "./chunks/chunk-GIZZWVXE.js";
import "./chunks/chunk-W2PTJ77N.js";
import "./chunks/chunk-YPPZNTRD.js";
import "./chunks/chunk-JTR57KKI.js";

// src/lsp/main.ts
startServer(RULES);
//# sourceMappingURL=language-server.js.map
