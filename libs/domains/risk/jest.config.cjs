module.exports = {
  ...require('../../../tools/jest/preset.cjs'),
  displayName: 'risk',
  rootDir: __dirname,
};
