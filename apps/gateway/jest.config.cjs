module.exports = {
  ...require('../../tools/jest/preset.cjs'),
  displayName: 'gateway',
  rootDir: __dirname,
  // Most gateway files start a gateway over the seeded demo town. The seeded template is built once per
  // run, under an advisory lock, by whichever file asks first, inside that file's hook or test; with every
  // module (issue 22 added the scenarios seed: a week of observations and their alarms) the build takes
  // about 10 s alone and over 30 s beside a second worker on 2 cores. Building it in a global setup
  // instead is the better fix (not done yet); until then the setup gets 90 s.
  testTimeout: 90_000,
};
