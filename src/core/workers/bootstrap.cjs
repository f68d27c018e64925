/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS worker entry, loaded by piscina */
// Worker entry when running from the TypeScript sources (vitest, tsx, the e2e harness): registers
// tsx in this worker thread, then loads the real entry. The built app loads worker.js instead.
require('tsx/cjs/api').register()
module.exports = require('./worker.ts')
