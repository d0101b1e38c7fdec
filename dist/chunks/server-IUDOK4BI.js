#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunk-UYK3XZDC.js";
import "./chunk-4Q6AMGV7.js";
import "./chunk-TXW67S5H.js";
import "./chunk-JTR57KKI.js";
export {
  startServer
};
//# sourceMappingURL=server-IUDOK4BI.js.map
