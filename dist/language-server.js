#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunks/chunk-C46S6EHN.js";
import {
  RULES
} from "./chunks/chunk-EIIZJTLD.js";
import "./chunks/chunk-NDVW4ZR3.js";
import "./chunks/chunk-TXW67S5H.js";
import "./chunks/chunk-JTR57KKI.js";

// src/lsp/main.ts
startServer(RULES);
//# sourceMappingURL=language-server.js.map
