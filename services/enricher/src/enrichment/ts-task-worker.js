'use strict';
// Entry file of every enrichment worker thread. A worker starts without the main thread's TypeScript loader
// (`node -r @swc-node/register`, or Jest's transform), so it registers swc-node itself and then loads the task
// module the pool named in `workerData` (a .ts file whose default export handles one task).
require('@swc-node/register');
const { workerData } = require('node:worker_threads');

module.exports = require(workerData.taskModule);
