#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunks/chunk-G27RM5P5.js";
import {
  RULES
} from "./chunks/chunk-TFCXQE2O.js";
import "./chunks/chunk-GPXZEANM.js";
import "./chunks/chunk-EZ4Z2N42.js";
import "./chunks/chunk-JTR57KKI.js";

// src/lsp/main.ts
startServer(RULES);
//# sourceMappingURL=language-server.js.map
