module.exports = {
  ...require('../../../tools/jest/preset.cjs'),
  displayName: 'warnings',
  rootDir: __dirname,
};
