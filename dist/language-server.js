#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunks/chunk-KT6UGQFQ.js";
import {
  RULES
} from "./chunks/chunk-JWNNPBX4.js";
import "./chunks/chunk-UMFWG4CV.js";
import "./chunks/chunk-IMAUXZ3C.js";
import "./chunks/chunk-JTR57KKI.js";

// src/lsp/main.ts
startServer(RULES);
//# sourceMappingURL=language-server.js.map
