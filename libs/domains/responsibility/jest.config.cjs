module.exports = {
  ...require('../../../tools/jest/preset.cjs'),
  displayName: 'responsibility',
  rootDir: __dirname,
};
