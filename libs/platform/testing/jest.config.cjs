module.exports = {
  ...require('../../../tools/jest/preset.cjs'),
  displayName: 'testing',
  rootDir: __dirname,
};
