#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunk-AT3DAIOA.js";
import "./chunk-KWQSF7FP.js";
import "./chunk-PYM2FW53.js";
import "./chunk-JTR57KKI.js";
export {
  startServer
};
//# sourceMappingURL=server-IKK4ANDX.js.map
