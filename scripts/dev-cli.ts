/**
 * Runs the CLI straight from `src/` (via `npx vite-node scripts/dev-cli.ts -- <command> …`), so several
 * people can measure their work in one checkout without rebuilding the shared `dist/`.
 */
import { main } from '../src/cli/main.js';

const args = process.argv.slice(2);
const code = await main({
  argv: args[0] === '--' ? args.slice(1) : args,
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
process.exitCode = code;
