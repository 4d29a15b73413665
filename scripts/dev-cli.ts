/**
 * Runs the CLI straight from `src/` (via `npx vite-node scripts/dev-cli.ts -- <command> …`), so several
 * people can measure their work in one checkout without rebuilding the shared `dist/`.
 */
import { runFromProcess } from '../src/cli/main.js';

const args = process.argv.slice(2);
process.exitCode = await runFromProcess(args[0] === '--' ? args.slice(1) : args);
