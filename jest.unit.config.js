// Tier 1: *.spec.ts — pure logic, no I/O.
module.exports = {
  ...require('./jest.preset'),
  displayName: 'unit',
  testMatch: ['<rootDir>/{libs,services,tools}/**/*.spec.ts'],
};
