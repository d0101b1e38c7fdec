#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunk-Q3Y5B7BE.js";
import "./chunk-M4OR26PP.js";
import "./chunk-PMZGKPLO.js";
import "./chunk-JTR57KKI.js";
export {
  startServer
};
//# sourceMappingURL=server-6OC7V3N6.js.map
