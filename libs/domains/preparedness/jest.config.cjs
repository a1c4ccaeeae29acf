module.exports = {
  ...require('../../../tools/jest/preset.cjs'),
  displayName: 'preparedness',
  rootDir: __dirname,
};
