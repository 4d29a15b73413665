#!/usr/bin/env node
// Runs the CLI from a checkout after `npm run build` (or from an installed package).
import { runFromProcess } from '../dist/src/cli/main.js';

process.exitCode = await runFromProcess(process.argv.slice(2));
