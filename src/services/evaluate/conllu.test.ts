import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConllu } from '../../stages/syntax/conllu.js';
import type { ParsedWord } from '../../stages/syntax/model.js';
import { conllu, scoreConllu } from './conllu.js';
import { evaluate, formatResult } from './index.js';

// Written for this test: "They met officials ."
const GOLD = [
  '1\tThey\tthey\tPRON\t_\t_\t2\tnsubj\t_\t_',
  '2\tmet\tmeet\tVERB\t_\t_\t0\troot\t_\t_',
  '3\tofficials\tofficial\tNOUN\t_\t_\t2\tobj\t_\t_',
  '4\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_',
  '',
].join('\n');

describe('evaluate conllu', () => {
  it('scores UPOS, UAS and LAS from the forms alone, per relation group', () => {
    const seen: string[][] = [];
    const parser = {
      parse(forms: readonly string[]): ParsedWord[] {
        seen.push([...forms]);
        // right head for all; wrong label for "officials"; wrong tag for "met"
        return [
          { form: 'They', upos: 'PRON', lemma: 'they', head: 1, deprel: 'nsubj' },
          { form: 'met', upos: 'NOUN', lemma: 'meet', head: -1, deprel: 'root' },
          { form: 'officials', upos: 'NOUN', lemma: 'official', head: 1, deprel: 'iobj' },
          { form: '.', upos: 'PUNCT', lemma: '.', head: 0, deprel: 'punct' },
        ];
      },
    };
    const s = scoreConllu(parser, parseConllu(GOLD));
    expect(seen).toEqual([['They', 'met', 'officials', '.']]);
    expect(s.upos).toBe(75);
    expect(s.uas).toBe(75);
    expect(s.las).toBe(50);
    const core = s.groups.find((g) => g.group === 'core args')!;
    expect(core).toMatchObject({ count: 2, uas: 100, las: 50 });
    expect(s.groups.find((g) => g.group === 'punct')).toMatchObject({ count: 1, uas: 0 });
  });

  it('is registered with evaluate and prints LAS as its last line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conllu-'));
    const file = join(dir, 'gold.conllu');
    writeFileSync(file, GOLD);
    const r = await evaluate('conllu', file);
    const lines = formatResult(r).trimEnd().split('\n');
    expect(lines[lines.length - 1]).toMatch(/^LAS \d+\.\d\d$/);
    expect(r.table).toMatch(/core args/);
    expect(r.table).toMatch(/UAS/);
  });

  it('reports a missing file as an evaluation-data error', async () => {
    await expect(conllu.run('/nonexistent/x.conllu')).rejects.toMatchObject({ code: 'E_EVAL_DATA' });
  });
});
