import { describe, expect, it } from 'vitest';
import { quoteSpeakers } from './test-speakers.js';

/** [first words, speaker] for the quotes of one kind: the speaker's entity name, else its phrase name. */
const speakers = (text: string, kind = 'direct') => quoteSpeakers(text, kind, true);

const LEAD =
  "Ghana's foreign minister Kwame Mensah met port director Lena Okafor in Accra on Monday.\n\n" +
  '"We will not reopen the docks this week," Okafor said.\n\n';

// Our own sentences, written for these tests in the style of wire copy: the speaker is the subject of the
// main clause, past appositives, parentheses, relative clauses and leading phrases.
describe('main-clause subjects of cues without their own subject', () => {
  it('gives a participle the main subject, not the speaker of a relative clause before it', () => {
    const got = speakers(
      `${LEAD}Mensah was unusually blunt when asked about a contractor who said he had not been paid, saying, "He did not finish the job."`,
    );
    expect(got.at(-1)).toEqual(['He did not', 'Kwame Mensah']);
  });

  it('gives a participle the plural subject after a leading time phrase', () => {
    const got = speakers(
      `${LEAD}In March, several dockworker unions granted the ministry a delay, saying its budget was "smaller than planned."`,
      'indirect',
    );
    const last = got.at(-1)!;
    expect(last[0]).toBe('its budget was');
    expect(last[1]).toBe('several dockworker unions');
  });

  it('gives a coordinated cue the subject before an appositive, past a quoted title', () => {
    const got = speakers(
      `${LEAD}Mensah, the foreign minister, praised the "Green Harvest" scheme run by the World Bank and said the lesson was clear: "Farmers need credit, not promises."`,
    );
    expect(got.at(-1)).toEqual(['Farmers need credit', 'Kwame Mensah']);
  });

  it('reads "they" right after a report verb as its plural subject', () => {
    const got = speakers(
      `${LEAD}Strikers said they want "a fair wage for every docker," but promised to stay calm.`,
    );
    expect(got.at(-1)).toEqual(['a fair wage', 'Strikers']);
  });

  it('gives a cue-less quote the person introduced before it, after a leading phrase with a quoted title', () => {
    const got = speakers(
      `${LEAD}On "Morning Edition," Sen. Maria Lopez (D-Tex.), who chairs the trade committee, described the strike as a warning. "We will keep pushing until the port reopens."`,
    );
    expect(got.at(-1)).toEqual(['We will keep', 'Maria Lopez']);
  });

  it('does not read a subject with an appositive as the content of an inverted cue', () => {
    const got = speakers(
      `${LEAD}Attorney General Dan Whitfield (R), Okafor's rival in the coming election, called Friday for an inquiry as well, saying that openness "builds trust and ends rumours."`,
      'indirect',
    );
    const last = got.at(-1)!;
    expect(last[0]).toBe('openness "builds trust');
    expect(last[1]).toBe('Dan Whitfield');
  });
});
