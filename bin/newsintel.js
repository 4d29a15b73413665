#!/usr/bin/env node
// Runs the CLI from a checkout after `npm run build` (or from an installed package).
import { main } from '../dist/src/cli/main.js';

const code = await main({
  argv: process.argv.slice(2),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
