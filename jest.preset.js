// Shared by every test tier: SWC transpiles TypeScript (with decorator metadata for Nest) — no type checking here; `npm run typecheck` does that.
const fs = require('node:fs');
const path = require('node:path');

const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcrc.$schema;

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
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
