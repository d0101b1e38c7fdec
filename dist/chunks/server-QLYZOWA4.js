#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunk-TH2OC7J2.js";
import "./chunk-LGUSMWUH.js";
import "./chunk-CVCNKWIZ.js";
import "./chunk-JTR57KKI.js";
export {
  startServer
};
//# sourceMappingURL=server-QLYZOWA4.js.map
