#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunks/chunk-5YD6JVRZ.js";
import {
  RULES
} from "./chunks/chunk-FA2V7CAP.js";
import "./chunks/chunk-RNGAZX6X.js";
import "./chunks/chunk-JXNABAY7.js";
import "./chunks/chunk-JTR57KKI.js";

// src/lsp/main.ts
startServer(RULES);
//# sourceMappingURL=language-server.js.map
