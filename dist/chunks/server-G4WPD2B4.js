#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  startServer
} from "./chunk-5YD6JVRZ.js";
import "./chunk-RNGAZX6X.js";
import "./chunk-JXNABAY7.js";
import "./chunk-JTR57KKI.js";
export {
  startServer
};
//# sourceMappingURL=server-G4WPD2B4.js.map
