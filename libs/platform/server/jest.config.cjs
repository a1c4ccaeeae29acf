module.exports = {
  ...require('../../../tools/jest/preset.cjs'),
  displayName: 'server',
  rootDir: __dirname,
};
