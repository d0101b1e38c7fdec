#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunk-R4CLYTYC.js";
import "./chunk-UKVK4N3B.js";
import "./chunk-RJHAIRDM.js";
import "./chunk-JTR57KKI.js";
export {
  startServer
};
//# sourceMappingURL=server-FZVAONGH.js.map
