#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunk-AYPXEN5Y.js";
import "./chunk-BTPE3UTP.js";
import "./chunk-PYM2FW53.js";
import "./chunk-JTR57KKI.js";
export {
  startServer
};
//# sourceMappingURL=server-DI4RYWB3.js.map
