module.exports = {
  ...require('../../../tools/jest/preset.cjs'),
  displayName: 'community',
  rootDir: __dirname,
};
