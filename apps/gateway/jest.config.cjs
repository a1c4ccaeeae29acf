module.exports = {
  ...require('../../tools/jest/preset.cjs'),
  displayName: 'gateway',
  rootDir: __dirname,
};
