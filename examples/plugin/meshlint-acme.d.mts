import type { MeshPlugin } from '../../src/engine/plugins.js';
declare const plugin: MeshPlugin;
export default plugin;
