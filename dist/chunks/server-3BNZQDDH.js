#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunk-XVCPWJQ5.js";
import "./chunk-KKPKLPM7.js";
import "./chunk-CVCNKWIZ.js";
import "./chunk-JTR57KKI.js";
export {
  startServer
};
//# sourceMappingURL=server-3BNZQDDH.js.map
