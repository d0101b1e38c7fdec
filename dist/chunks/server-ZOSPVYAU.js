#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunk-P4OBH6OH.js";
import "./chunk-5HCUSURH.js";
import "./chunk-JXNABAY7.js";
import "./chunk-JTR57KKI.js";
export {
  startServer
};
//# sourceMappingURL=server-ZOSPVYAU.js.map
