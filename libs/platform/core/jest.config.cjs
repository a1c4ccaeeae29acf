module.exports = {
  ...require('../../../tools/jest/preset.cjs'),
  displayName: 'core',
  rootDir: __dirname,
};
