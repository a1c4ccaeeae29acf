module.exports = {
  ...require('../../../tools/jest/preset.cjs'),
  displayName: 'command',
  rootDir: __dirname,
};
