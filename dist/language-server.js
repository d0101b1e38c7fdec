#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunks/chunk-SX4L34CN.js";
import {
  RULES
} from "./chunks/chunk-TZKDFHUW.js";
import "./chunks/chunk-JVCDAZID.js";
import "./chunks/chunk-IMAUXZ3C.js";
import "./chunks/chunk-JTR57KKI.js";

// src/lsp/main.ts
startServer(RULES);
//# sourceMappingURL=language-server.js.map
