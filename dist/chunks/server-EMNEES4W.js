#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunk-QMRZXOE7.js";
import "./chunk-NH6D6VOC.js";
import "./chunk-YPPZNTRD.js";
import "./chunk-JTR57KKI.js";
export {
  startServer
};
//# sourceMappingURL=server-EMNEES4W.js.map
