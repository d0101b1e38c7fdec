#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunk-C46S6EHN.js";
import "./chunk-NDVW4ZR3.js";
import "./chunk-TXW67S5H.js";
import "./chunk-JTR57KKI.js";
export {
  startServer
};
//# sourceMappingURL=server-EYDI4CLC.js.map
