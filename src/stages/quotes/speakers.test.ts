import { describe, expect, it } from 'vitest';
import { Document, plainSource } from '../../core/document.js';
import { createPipeline } from '../../core/pipeline.js';
import type { Stage } from '../../core/stage.js';
import { getDefaultPipeline } from '../../services/analyze.js';
import { quotesStage } from './index.js';
import { quoteSpeakers } from './test-speakers.js';

const pipeline = getDefaultPipeline();

/** [content, speaker name] of every quote. */
const quotes_ = (text: string) =>
  pipeline
    .run(new Document('t', plainSource(text)))
    .get('quotes')
    .map((q) => [q.text, q.speakerName]);

/** [first words, speaker entity name or null] per quote of a kind. */
const speakers = (text: string, kind = 'direct') => quoteSpeakers(text, kind);
/** Like `speakers`, but a speaker without an entity gives its phrase name (a medium, an unnamed person). */
const named = (text: string) => quoteSpeakers(text, 'direct', true);

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

  it('attributes media, documents and statements read out to the body behind them', () => {
    const got = named(
      'The UN Security Council met on Monday to discuss the crisis in Valdonia.\n\n' +
        '"The council reaffirms its support for the talks," said a statement read by council president Omar Haddu.\n\n' +
        'Russian newspapers on Friday weighed the outcome of the vote in Valdonia.\n\n' +
        '"The count was a formality," the Kommersant daily wrote.\n\n' +
        '"The opposition never stood a chance," the daily added.\n\n' +
        'A briefing paper from the Rowan Institute also weighed in on Tuesday.\n\n' +
        '"The vote changes nothing," said the paper, penned by senior fellow Maria Tolvan.\n\n' +
        '"The region will stay unstable," the paper added.\n\n' +
        "Rating agency Moody's said the vote would not affect its ratings.\n\n" +
        '"Uncertainty had increased before the vote," it said.',
    );
    expect(got.map(([, who]) => who)).toEqual([
      'UN Security Council',
      'Kommersant',
      'Kommersant',
      'Maria Tolvan',
      'Maria Tolvan',
      expect.stringMatching(/^Moody/),
    ]);
  });

  it('finds speakers through cue-less paragraphs, coordinated cues, open appositives and relatives', () => {
    const got = named(
      'Foreign Minister Tomas Brenner arrived in Oslo on Monday for the talks.\n\n' +
        'Brenner, who has led the talks since March, also appealed for calm.\n\n' +
        '"Every shot fired sets the talks back."\n\n' +
        'Spokesman Paul Kessing spoke in Bern on Thursday.\n\n' +
        'He recalled the 1990 accord, which calls for free elections, and said: "We will defend that accord."\n\n' +
        '"The summit raised awareness of the problem," Hiro Tanabe, secretary general of the Pacific Telecom Union told reporters.\n\n' +
        'But Tanabe argued that the deal was fair.\n\n' +
        '"Nobody lost anything in the end."\n\n' +
        'No further details were available, the ministry said, adding: "The inquiry is still going on."\n\n' +
        'Farmer Olek Mazur arrived with his wife Hanna and their two sons.\n\n' +
        '"We lost everything in one night," she said.',
    );
    expect(got).toEqual([
      ['Every shot fired', 'Tomas Brenner'],
      ['We will defend', 'Paul Kessing'],
      ['The summit raised', 'Hiro Tanabe'],
      ['Nobody lost anything', 'Hiro Tanabe'],
      ['The inquiry is', 'ministry'],
      ['We lost everything', expect.stringMatching(/^Hanna/)],
    ]);
  });

  it('reads a misspelt surname as the fully named person it is one letter away from', () => {
    const got = named(
      'Ambassador Gunnar Lindqvist presented the motion in Geneva on Thursday.\n\n' +
        '"Governments have promised their support," Lindqvst said.',
    );
    expect(got).toEqual([['Governments have promised', 'Gunnar Lindqvist']]);
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

/** First words and speaker phrase (the text the speaker span covers) per quote of a kind. */
function spans(text: string, kind: string): [string, string | null][] {
  const doc = pipeline.run(new Document('t', plainSource(text)));
  return doc
    .get('quotes')
    .filter((q) => q.kind === kind)
    .map((q) => {
      const sp = (q as { speakerSpan?: { text: string } | null }).speakerSpan;
      return [q.text.split(/\s+/).slice(0, 3).join(' ').replace(/,$/, ''), sp ? sp.text : null];
    });
}

// Our own sentences, in the style of US political reporting (PolNeAR dev errors led to these rules).
describe('speaker resolution in US political copy', () => {
  it('steps over party tags, parentheses, two appositives and a nested closing mark before the cue', () => {
    const got = spans(
      'The Senate voted on Tuesday.\n\n' +
        '"The veto will be overridden," Senate Majority Leader Tom Harlan, R-Ky., said Tuesday.\n\n' +
        '"They would just go get them," Rep. Jim Barden (R-Ohio), an oversight panel member, said.\n\n' +
        '"It is an invasion of the state domain," Paul Revik, the attorney general of Utah, one of the states suing the agency, said at an event.\n\n' +
        '"People say, \'It does not matter,\'" said Carl Ingram, a New York Democrat.',
      'direct',
    );
    expect(got).toEqual([
      ['The veto will', 'Senate Majority Leader Tom Harlan'],
      ['They would just', 'Rep. Jim Barden (R-Ohio)'],
      ['It is an', 'Paul Revik'],
      ["People say, 'It", 'Carl Ingram'],
    ]);
  });

  it('reads inverted and colon cues, a participle after the quote and documents that "read"', () => {
    const got = spans(
      'The board met on Monday.\n\n' +
        'Said Ellison: "I do not think they care about reform."\n\n' +
        'The piece used one of her remarks as its headline: "Finally, someone who thinks like me."\n\n' +
        'In a statement, Halbrook Coal said: "The company was highly successful," adding that its value had doubled.\n\n' +
        '"We see schools offering hope," the letter reads.\n\n' +
        '"Did you see that? Stop now," she yells at the officers.',
      'direct',
    );
    expect(got).toEqual([
      ['I do not', 'Ellison'],
      ['Finally, someone who', 'The piece'],
      ['The company was', 'Halbrook Coal'],
      ['We see schools', 'the letter'],
      ['Did you see', 'she'],
    ]);
  });

  it('takes the name signing a quote after a dash, also in a list whose line breaks were undone', () => {
    const got = spans(
      'Readers answered our question.\n\n' +
        '"He cannot answer a question without scaring people." ― Esther Talavera\n\n' +
        '"Mostly he promotes fear. A real disgrace." — Ana Morales, a teacher from Texas\n\n' +
        '“The least qualified candidate ever.” ― Frank Herrada “I just hope people register to vote.” ― Jorge Falco',
      'direct',
    );
    expect(got).toEqual([
      ['He cannot answer', 'Esther Talavera'],
      ['Mostly he promotes', 'Ana Morales'],
      ['The least qualified', 'Frank Herrada'],
      ['I just hope', 'Jorge Falco'],
    ]);
  });

  it('takes no possessor for the subject a later pronoun refers to', () => {
    const got = speakers(
      'Aid agencies are struggling in the north.\n\n' +
        '"It is a tragedy," said Jan Holm, the UN humanitarian chief.\n\n' +
        "Holm's deputy, Margareta Lind, said aid workers had been attacked.\n\n" +
        '"They are being targeted," she said.',
    );
    expect(got).toEqual([
      ['It is a', 'Jan Holm'],
      ['They are being', 'Margareta Lind'],
    ]);
  });

  it('names the author of a document by its own phrase, not by the words after it', () => {
    const got = quotes_(
      'Fighting broke out on Monday.\n\nThe statement issued by the ministry said 12 people had died.',
    );
    expect(got).toEqual([['12 people had died', 'ministry']]);
  });

  it("gives a quote closed by its full stop to the cue before it, not to the next sentence's cue", () => {
    const got = speakers(
      'Protests continued on Friday.\n\n' +
        'Mayor Jana Ruiz said she wants the video released but said "the question is the timing." ' +
        'Governor Paul Meyer said it would be released soon.',
    );
    expect(got).toEqual([['the question is', 'Jana Ruiz']]);
  });

  it('keeps cue-less quoted words only in the stance mode, given to the subject of their sentence', () => {
    const stance = createPipeline(
      getDefaultPipeline().stages.map((s) =>
        s.name === 'quotes' ? quotesStage({ stance: true }) : s,
      ) as Stage[],
    );
    const text =
      'Investors were nervous.\n\n' +
      'Although the fund did not single out any candidate, it referenced "political tensions" in rich economies.\n\n' +
      'The bill, known as the "Harbour rule," passed on Tuesday.';
    const partial = (p: typeof stance) =>
      p
        .run(new Document('t', plainSource(text)))
        .get('quotes')
        .filter((q) => q.kind === 'partial')
        .map((q) => [q.text, (q as { speakerSpan?: { text: string } | null }).speakerSpan?.text ?? null]);
    expect(partial(stance)).toContainEqual(['political tensions', 'it']);
    expect(partial(pipeline)).toEqual([]);
  });

  it('gives quoted fragments to "as X put it", a main clause past a leading phrase, and a speech verb\'s subject', () => {
    const partial = spans(
      'Lawmakers are worried.\n\n' +
        'The main requirement is a "lawful source of income," as a Homeland Security memo put it.\n\n' +
        'In his speech earlier Wednesday, Senator Dale Corbin proclaimed a goal of "peace through strength."\n\n' +
        'Although the fund did not single out any candidate, it referenced "political tensions" in rich economies.',
      'partial',
    );
    // "referenced" is no speech verb: the fragment has no cue, so it is a term in quotation marks, not speech
    expect(partial).toEqual([
      ['lawful source of', 'a Homeland Security memo'],
      ['peace through strength.', 'Dale Corbin'],
    ]);
    const direct = speakers(
      'World leaders met on Friday.\n\n' +
        'The United Nations Security Council on Friday condemned the test and pledged to impose sanctions against what it called "a clear threat to peace and security."',
    );
    expect(direct).toEqual([['a clear threat', 'UN Security Council']]);
  });
});
