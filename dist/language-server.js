#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunks/chunk-CO5XNJYL.js";
import {
  RULES
} from "./chunks/chunk-FRCWFBOU.js";
import "./chunks/chunk-DWLKS4PV.js";
import "./chunks/chunk-YPPZNTRD.js";
import "./chunks/chunk-JTR57KKI.js";

// src/lsp/main.ts
startServer(RULES);
//# sourceMappingURL=language-server.js.map
