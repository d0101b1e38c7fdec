#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunk-SX4L34CN.js";
import "./chunk-JVCDAZID.js";
import "./chunk-IMAUXZ3C.js";
import "./chunk-JTR57KKI.js";
export {
  startServer
};
//# sourceMappingURL=server-NAPDXVIK.js.map
