module.exports = {
  ...require('../../../tools/jest/preset.cjs'),
  displayName: 'webhooks',
  rootDir: __dirname,
};
