import { describe, expect, it } from 'vitest';
import { parseConllu } from './conllu.js';

// A two-sentence treebank written for this test.
const SAMPLE = [
  '# sent_id = a-1',
  "# text = They don't agree.",
  '1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t_\t_',
  "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_",
  '2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_',
  "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_",
  '4\tagree\tagree\tVERB\tVB\t_\t0\troot\t_\t_',
  '4.1\tagrees\tagree\tVERB\tVB\t_\t_\t_\t4:conj\t_',
  '5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_',
  '',
  '1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_',
  '',
].join('\n');

describe('parseConllu', () => {
  it('reads syntactic words, skipping multiword ranges and empty nodes, with 0-based heads', () => {
    const s = parseConllu(SAMPLE);
    expect(s).toHaveLength(2);
    expect(s[0]!.id).toBe('a-1');
    expect(s[0]!.words.map((w) => w.form)).toEqual(['They', 'do', "n't", 'agree', '.']);
    expect(s[0]!.words.map((w) => w.head)).toEqual([3, 3, 3, -1, 3]);
    expect(s[0]!.words[2]!.lemma).toBe('not');
    expect(s[1]!.words[0]!.deprel).toBe('root');
  });

  it('rejects a line with too few columns or a head beyond the sentence', () => {
    expect(() => parseConllu('1\tThey\tthey\n')).toThrow(/columns/);
    expect(() => parseConllu('1\tThey\tthey\tPRON\tPRP\t_\t9\tnsubj\t_\t_\n')).toThrow(/beyond/);
  });
});
