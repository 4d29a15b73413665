/**
 * `npm run convert:parser -- <in> [out]`: rewrites a syntax model file in the binary container that loads about
 * ten times faster than the older gzipped JSON (`SyntaxModel.toFile`). The weights are copied as they are, so
 * the converted model gives identical parses. Default output: `<in>` with `.json.gz` replaced by `.bin.gz`.
 * `--json` converts the other way (for a tool that still wants the JSON file).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SyntaxModel } from '../src/stages/syntax/model.js';

function main(argv: readonly string[]): void {
  const json = argv.includes('--json');
  const [input, output] = argv.filter((a) => a !== '--json');
  if (!input) {
    console.error('usage: npm run convert:parser -- <model.json.gz> [model.bin.gz] [--json]');
    process.exit(2);
  }
  const model = SyntaxModel.fromFile(readFileSync(input));
  const target =
    output ?? (json ? input.replace(/\.bin\.gz$/, '.json.gz') : input.replace(/\.json\.gz$/, '.bin.gz'));
  if (target === input) {
    console.error(`convert-parser-model: give an output file name different from ${input}`);
    process.exit(2);
  }
  const buf = json ? model.toJsonFile() : model.toFile();
  writeFileSync(target, buf);
  console.log(`wrote ${target} (${(buf.byteLength / 1e6).toFixed(1)} MB)`);
}

main(process.argv.slice(2));
