#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunks/chunk-ZFSSEO7M.js";
import {
  RULES
} from "./chunks/chunk-NW5KGJFF.js";
import "./chunks/chunk-R3MEDGLV.js";
import "./chunks/chunk-ZXYIIWVY.js";
import "./chunks/chunk-JTR57KKI.js";

// src/lsp/main.ts
startServer(RULES);
//# sourceMappingURL=language-server.js.map
