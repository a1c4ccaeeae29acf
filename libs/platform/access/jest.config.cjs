module.exports = {
  ...require('../../../tools/jest/preset.cjs'),
  displayName: 'access',
  rootDir: __dirname,
};
