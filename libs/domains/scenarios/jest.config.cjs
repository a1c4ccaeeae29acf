module.exports = {
  ...require('../../../tools/jest/preset.cjs'),
  displayName: 'scenarios',
  rootDir: __dirname,
};
