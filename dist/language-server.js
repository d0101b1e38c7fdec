#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunks/chunk-NBJS4IP3.js";
import {
  RULES
} from "./chunks/chunk-QYGEC73A.js";
import "./chunks/chunk-ADD424VD.js";
import "./chunks/chunk-LOJZBCBC.js";
import "./chunks/chunk-JTR57KKI.js";

// src/lsp/main.ts
startServer(RULES);
//# sourceMappingURL=language-server.js.map
