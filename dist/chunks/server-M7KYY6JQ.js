#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunk-ZFSSEO7M.js";
import "./chunk-R3MEDGLV.js";
import "./chunk-ZXYIIWVY.js";
import "./chunk-JTR57KKI.js";
export {
  startServer
};
//# sourceMappingURL=server-M7KYY6JQ.js.map
