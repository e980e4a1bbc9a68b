'use strict';
// Entry file of every WorkerTaskPool thread. A worker starts without the main thread's TypeScript loader
// (`node -r @swc-node/register`, or Jest's transform), so it registers swc-node itself, loads the task module
// the pool named in `workerData` (a .ts file whose default export handles one task), and sends a thrown error
// back as data: structured clone would keep only its name and message, not its class, code or positions.
require('@swc-node/register');
const { workerData } = require('node:worker_threads');
const { serializeTaskError } = require('./task-error.ts');

const task = require(workerData.taskModule).default;

module.exports = async function runTask(input) {
  try {
    return { ok: true, value: await task(input) };
  } catch (error) {
    return { ok: false, error: serializeTaskError(error) };
  }
};
