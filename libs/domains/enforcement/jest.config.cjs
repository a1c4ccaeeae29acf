module.exports = {
  ...require('../../../tools/jest/preset.cjs'),
  displayName: 'enforcement',
  rootDir: __dirname,
};
