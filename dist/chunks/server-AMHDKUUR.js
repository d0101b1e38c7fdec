#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunk-G27RM5P5.js";
import "./chunk-GPXZEANM.js";
import "./chunk-EZ4Z2N42.js";
import "./chunk-JTR57KKI.js";
export {
  startServer
};
//# sourceMappingURL=server-AMHDKUUR.js.map
