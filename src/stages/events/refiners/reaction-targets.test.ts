import { describe, expect, it } from 'vitest';
import { analyze } from '../../../services/analyze.js';

/** Reactions aimed at whoever caused them, through the whole pipeline on sentences we wrote (issue 11). */
function events(text: string): string[] {
  const a = analyze(text);
  const name = new Map(a.entities.map((e) => [e.id, e.name]));
  const names = (ids: readonly string[]) => ids.map((id) => name.get(id) ?? id).join(',');
  return a.events.map((e) => `${e.type} ${e.trigger.text} ${names(e.actors)}->${names(e.targets)}`);
}

describe('reaction targets', () => {
  it('aims sanctions that an act sparked at the one who acted', () => {
    const test = events(
      'Iran carried out a missile test on Friday, sparking wide condemnation and European Union sanctions.',
    );
    expect(test).toContain('SANCTION sanctions European Union->Iran');
    const shelled = events('Syria shelled the border town, prompting protests and Arab League sanctions.');
    expect(shelled).toContain('SANCTION sanctions Arab League->Syria');
  });

  it('leaves sanctions without a cause verb alone', () => {
    const got = events('Iran tested a long-range missile on Monday, and European Union sanctions followed.');
    expect(got.filter((e) => e.startsWith('SANCTION') && e.endsWith('->Iran'))).toEqual([]);
  });
});
