#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunk-4YY2F2TG.js";
import "./chunk-643IQUBN.js";
import "./chunk-CVCNKWIZ.js";
import "./chunk-JTR57KKI.js";
export {
  startServer
};
//# sourceMappingURL=server-AQKGAEDZ.js.map
