#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunk-T63VFRA7.js";
import "./chunk-W2PTJ77N.js";
import "./chunk-YPPZNTRD.js";
import "./chunk-JTR57KKI.js";
export {
  startServer
};
//# sourceMappingURL=server-P2EJCGH5.js.map
