module.exports = {
  ...require('../../../tools/jest/preset.cjs'),
  displayName: 'rescue',
  rootDir: __dirname,
};
