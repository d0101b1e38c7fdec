// The `meshlint-language-server` bin: the language server over stdio (as `meshlint lsp`).
import { RULES } from '../generated/rules.js';
import { startServer } from './server.js';

startServer(RULES);
