#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunk-CO5XNJYL.js";
import "./chunk-DWLKS4PV.js";
import "./chunk-YPPZNTRD.js";
import "./chunk-JTR57KKI.js";
export {
  startServer
};
//# sourceMappingURL=server-ZLT2JO5N.js.map
