#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunk-KT6UGQFQ.js";
import "./chunk-UMFWG4CV.js";
import "./chunk-IMAUXZ3C.js";
import "./chunk-JTR57KKI.js";
export {
  startServer
};
//# sourceMappingURL=server-WPBHJHCT.js.map
