/** Entry point of `npm run lint:regex [-- --update]`: runs the regex safety check (see `regex-safety.ts`). */
import { lintRegexes } from './regex-safety.js';

lintRegexes().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`regex safety: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(2);
  },
);
