// Shared by every test tier: SWC transpiles TypeScript (with decorator metadata for Nest) — no type checking here; `npm run typecheck` does that.
const fs = require('node:fs');
const path = require('node:path');

const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcrc.$schema;

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  // Globals named here are passed into each module's wrapper as locals: a global read inside Jest's vm context goes
  // through the context's interceptors, ~300 ns each (nodejs/node#31658), so `Math.imul` in MinHash ran 50× slower
  // under Jest than in the services and a 3,000-article batch held the event loop for 11 s.
  // Not Date or the timer functions: fake timers replace those on the global after modules have loaded.
  sandboxInjectedGlobals: [
    'Math',
    'JSON',
    'Number',
    'Array',
    'Object',
    'Symbol',
    'Map',
    'Set',
    'Uint8Array',
    'Uint32Array',
    'Int32Array',
    'Float64Array',
  ],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }],
    // linkedom's dependencies ship ESM only; Jest's module runtime cannot require(esm), so SWC turns them into CJS.
    '^.+\\.js$': ['@swc/jest', { ...swcrc, jsc: { ...swcrc.jsc, parser: { syntax: 'ecmascript' } }, swcrc: false }],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(?:css-select|boolbase|css-what|domhandler|domelementtype|domutils|dom-serializer|entities|nth-check|cssomnom|htmlparser2)/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.stack/'],
};
