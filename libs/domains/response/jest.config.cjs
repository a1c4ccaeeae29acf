module.exports = {
  ...require('../../../tools/jest/preset.cjs'),
  displayName: 'response',
  rootDir: __dirname,
};
