#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunks/chunk-R4CLYTYC.js";
import {
  RULES
} from "./chunks/chunk-6RWY7YEE.js";
import "./chunks/chunk-UKVK4N3B.js";
import "./chunks/chunk-RJHAIRDM.js";
import "./chunks/chunk-JTR57KKI.js";

// src/lsp/main.ts
startServer(RULES);
//# sourceMappingURL=language-server.js.map
