// Keeps the swc build's path aliases equal to tsconfig.base.json (the one place aliases are
// declared), so `import '@platform/core'` compiles to a relative require in dist/.
const fs = require('node:fs');
const path = require('node:path');

const swcrcFile = path.join(__dirname, 'swcrc.json');
const { compilerOptions } = require('../../tsconfig.base.json');
const swcrc = JSON.parse(fs.readFileSync(swcrcFile, 'utf8'));
if (JSON.stringify(swcrc.jsc.paths) !== JSON.stringify(compilerOptions.paths)) {
  swcrc.jsc.paths = compilerOptions.paths;
  fs.writeFileSync(swcrcFile, `${JSON.stringify(swcrc, null, 2)}\n`);
  console.log('tools/build/swcrc.json: path aliases updated from tsconfig.base.json');
}
