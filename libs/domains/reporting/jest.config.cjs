module.exports = {
  ...require('../../../tools/jest/preset.cjs'),
  displayName: 'reporting',
  rootDir: __dirname,
};
