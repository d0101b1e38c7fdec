#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunk-NBJS4IP3.js";
import "./chunk-ADD424VD.js";
import "./chunk-LOJZBCBC.js";
import "./chunk-JTR57KKI.js";
export {
  startServer
};
//# sourceMappingURL=server-WB4KQLCK.js.map
