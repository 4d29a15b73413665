import { describe, expect, it } from 'vitest';
import { Document, plainSource } from '../../core/document.js';
import { getDefaultPipeline } from '../../services/analyze.js';

const pipeline = getDefaultPipeline();

/** Runs the full pipeline and returns [first words, speaker entity name or phrase] per quote of a kind. */
function speakers(text: string, kind = 'direct'): [string, string | null][] {
  const doc = pipeline.run(new Document('t', plainSource(text)));
  const names = new Map(doc.get('entities').map((e) => [e.id, e.name]));
  return doc
    .get('quotes')
    .filter((q) => q.kind === kind)
    .map((q) => [
      q.text.split(/\s+/).slice(0, 3).join(' ').replace(/,$/, ''),
      q.speaker ? names.get(q.speaker)! : null,
    ]);
}

// Our own sentences, written for these tests in the style of wire copy.
describe('speaker resolution in wire copy', () => {
  it('reads participle inserts, coordinated verbs, long modifiers and cues after a mid-sentence quote', () => {
    const got = speakers(
      "Ghana's foreign minister Kwame Mensah met UN Secretary-General Antonio Ramos in Accra on Monday.\n\n" +
        'Mensah, speaking after the talks, said: "We will meet again in June."\n\n' +
        'Ramos said he was pleased, but added: "Much remains to be done."\n\n' +
        'Ramos thanked Mensah, but noted: "The money is not there yet."\n\n' +
        'Mensah said in a letter to the chairman of the regional bank: "We need the first tranche now."\n\n' +
        '"We must support the farmers" before the rains, said regional envoy Lena Okafor, after the meeting.\n\n' +
        '"It is time for the talks to end" Ramos said, adding that a deal was close.',
    );
    expect(got).toEqual([
      ['We will meet', 'Kwame Mensah'],
      ['Much remains to', 'Antonio Ramos'],
      ['The money is', 'Antonio Ramos'],
      ['We need the', 'Kwame Mensah'],
      ['We must support', 'Lena Okafor'],
      ['It is time', 'Antonio Ramos'],
    ]);
  });

  it('links nominal speakers to the person the story follows, and documents to their author', () => {
    const got = speakers(
      "Ghana's foreign minister Kwame Mensah met UN Secretary-General Antonio Ramos in Accra on Monday.\n\n" +
        '"The UN is ready to help," the UN chief told reporters after the meeting.\n\n' +
        '"We are grateful," the Ghanaian said.\n\n' +
        'Mensah later sent a message to the council. "The floods have destroyed the harvest," the message said.\n\n' +
        '"Nobody here has slept for days," the tireless campaigner added.',
    );
    expect(got).toEqual([
      ['The UN is', 'Antonio Ramos'],
      ['We are grateful', 'Kwame Mensah'],
      ['The floods have', 'Kwame Mensah'],
      ['Nobody here has', 'Kwame Mensah'],
    ]);
  });

  it('keeps unnamed speakers unnamed instead of guessing a name nearby', () => {
    const got = speakers(
      'Secretary of State Laura Finch announced new sanctions on Ruritania on Tuesday.\n\n' +
        'A Ruritanian official rejected the move. "The sanctions change nothing," the official said.\n\n' +
        '"We have our own path," he said.\n\n' +
        '"To be clear, nothing is agreed," said in Geneva a diplomat.',
    );
    expect(got).toEqual([
      ['The sanctions change', null],
      ['We have our', null],
      ['To be clear', null],
    ]);
  });

  it('keeps the right one of two people sharing a surname, and a named spokesman after a nominal', () => {
    const got = speakers(
      'South Korean Foreign Minister Park Ji-hoon and opposition leader Park Min-ho clashed on Tuesday.\n\n' +
        '"Dialogue is the only way," Park Ji-hoon told parliament.\n\n' +
        'Park Min-ho, a former general, rejected the idea. "It rewards bad behaviour," Park said.\n\n' +
        '"The minister is naive," the opposition leader said.\n\n' +
        '"We never asked for that," the spokesman for the ministry, Lee Sun-mi, told reporters.',
    );
    expect(got).toEqual([
      ['Dialogue is the', 'Park Ji-hoon'],
      ['It rewards bad', 'Park Min-ho'],
      ['The minister is', 'Park Min-ho'],
      ['We never asked', 'Lee Sun-mi'],
    ]);
  });

  it('takes the speaker label of a quoted interview transcript', () => {
    const doc = pipeline.run(
      new Document(
        't',
        plainSource('The host pressed the senator.\n\n"HOLT: Will you vote for the budget?"'),
      ),
    );
    const q = doc.get('quotes').find((x) => x.kind === 'direct')!;
    expect(q).toMatchObject({ speakerName: 'HOLT', rule: 'direct:label' });
  });
});
