module.exports = {
  ...require('../../../tools/jest/preset.cjs'),
  displayName: 'directory',
  rootDir: __dirname,
};
