import { describe, expect, it } from 'vitest';
import { analyze } from '../../services/analyze.js';

/** [kind, cue, speaker name] of each quote, through the full default pipeline (parser included). */
function quotes(text: string): [string, string | null, string | null][] {
  const a = analyze(text);
  const names = new Map(a.entities.map((e) => [e.id, e.name]));
  return a.quotes.map((q) => [
    q.kind,
    q.cue?.text ?? null,
    q.speaker ? names.get(q.speaker)! : q.speakerName,
  ]);
}

// Our own sentences, in the style of wire copy.
describe('quote cues checked on the clause', () => {
  it('keeps reports cued by a speech verb, whatever its spelling rules', () => {
    expect(quotes('Mayor Ana Lind said the bridge would reopen in May.')).toEqual([
      ['indirect', 'said', 'Ana Lind'],
    ]);
    expect(quotes('"We will be back next year," Ana Lind quipped.')).toEqual([
      ['direct', 'quipped', 'Ana Lind'],
    ]);
  });

  it('never takes a verb of finding, citing or thanking as a cue', () => {
    const found = quotes('Inspectors from the agency found that the plant had been closed for weeks.');
    expect(found.filter(([, cue]) => cue === 'found')).toEqual([]);
    const citing = quotes('Citing security concerns, the ministry closed the northern border crossing.');
    expect(citing.filter(([, cue]) => cue === 'Citing' || cue === 'citing')).toEqual([]);
  });

  it('gives no report for a negated cue', () => {
    const got = quotes(
      'Prime Minister Omar Haddad has not accused the neighbouring government of the attack.',
    );
    expect(got.filter(([, cue]) => cue === 'accused')).toEqual([]);
  });

  it("gives a coordinated cue the subject of its first conjunct, never a name in that conjunct's object", () => {
    const got = quotes(
      'The campaign spoke to reporters.\n\n' +
        'Aide Tom Reyes says Ana Lind promised to keep supporting Mark Hale and said she would stand up to the attacks.',
    );
    expect(got.find(([, cue]) => cue === 'said')).toEqual(['indirect', 'said', 'Ana Lind']);
  });

  it('reads no report off a passive cue with a thing for its subject, or off a relative clause', () => {
    const curfew = quotes(
      'While a curfew was announced for Friday night, the police did not enforce it in the city.',
    );
    expect(curfew.filter(([, cue]) => cue === 'announced')).toEqual([]);
    const relative = quotes('The figure the ministry reported was far too low.');
    expect(relative.filter(([, cue]) => cue === 'reported')).toEqual([]);
  });

  it('gives "quoted X as saying" to X, never to the medium that quoted', () => {
    const got = quotes(
      'Foreign Minister Li Wei met his counterpart in Hanoi on Tuesday.\n\n' +
        'The official news agency quoted Li as saying that relations had improved.',
    );
    expect(got).toEqual([['indirect', 'saying', 'Li Wei']]);
  });

  it('takes "is said to" for hearsay, with no speaker and no quote', () => {
    const got = quotes(
      'Rebels attacked the town on Monday.\n\nThe rebel leader is said to be hiding in the hills.',
    );
    expect(got).toEqual([]);
  });

  it('reads no report off an agreement or wish with an infinitive, and finds the report after it', () => {
    const agreed = quotes(
      'Party leaders agreed on Wednesday to keep the reserved seats in the new parliament.',
    );
    expect(agreed.filter(([, cue]) => cue === 'agreed')).toEqual([]);
    const got = quotes(
      'The city elects a new leader in May.\n\n' +
        'The future mayor Anton Lee, who hopes to ban donations from abroad, admitted on Friday he had made "modest" gifts in the past.',
    );
    expect(got.filter(([, cue]) => cue === 'hopes')).toEqual([]);
    expect(got).toContainEqual(['indirect', 'admitted', 'Anton Lee']);
  });

  it('opens a report where the cue\'s content clause opens, not at a "that" inside it', () => {
    const got = analyze(
      'Prime Minister Ana Lind condemned the bombing.\n\nLind said the attacks showed that the bombers had no regard for life.',
    ).quotes.map((q) => q.text);
    expect(got).toEqual(['the attacks showed that the bombers had no regard for life']);
  });

  it('gives no report for a cue in the imperative', () => {
    expect(
      quotes('Seriously, please ask yourself that question. Now tell us the vote was fair, and explain why.'),
    ).toEqual([]);
  });

  it('takes "according to" a plan, law or measure for no source', () => {
    expect(quotes('The troops will leave the valley by March, according to the peace plan.')).toEqual([]);
    expect(quotes('Forty people were hurt in the blast, according to the regional health ministry.')).toEqual(
      [['indirect', 'according to', 'regional health ministry']],
    );
  });

  it('reads a clause of time or cause on the cue as when it spoke, not what it said', () => {
    const got = quotes(
      'The opposition boycotted the vote.\n\n' +
        'But when the council cut the budget a year later, the mayor said the city would sue.\n\n' +
        'That was what Ana Lind said when she resigned from the board in March.',
    );
    const contents = analyze(
      'But when the council cut the budget a year later, the mayor said the city would sue.',
    ).quotes.map((q) => q.text);
    expect(contents).toEqual(['the city would sue']);
    expect(got.filter(([, , who]) => who === 'Ana Lind')).toEqual([]);
    // a question after a verb of asking is what was asked
    expect(quotes('Ana Lind asked when the bridge would reopen.')).toEqual([
      ['indirect', 'asked', 'Ana Lind'],
    ]);
  });

  it("gives a relative's words to the relative, not to the person named in the phrase", () => {
    const got = quotes(
      'Ahmed Karimi was arrested in March.\n\nThe sister of Ahmed Karimi accused the ministry of hiding the truth about his arrest.',
    );
    const accused = got.filter(([, cue]) => cue === 'accused');
    for (const [, , speaker] of accused) expect(speaker).not.toBe('Ahmed Karimi');
  });

  it('reads a title set off by commas before the cue as the speaker, not as the report', () => {
    const got = quotes(
      'Gunmen attacked a convoy near Basra on Monday.\n\n' +
        'The ministry spokesman, Sami Haddad, said the convoy had been carrying food.',
    );
    expect(got).toEqual([['indirect', 'said', 'Sami Haddad']]);
    expect(
      analyze(
        'Gunmen attacked a convoy near Basra on Monday.\n\nThe ministry spokesman, Sami Haddad, said the convoy had been carrying food.',
      ).quotes[0]!.text,
    ).toBe('the convoy had been carrying food');
  });

  it('gives the words of a group to the group, not to the body named in its modifier', () => {
    const got = quotes(
      'Floods hit the north in May.\n\nAid agencies working with the UN refugee agency said the camps were full.',
    );
    expect(got).toEqual([['indirect', 'said', 'Aid agencies working with the UN refugee agency']]);
  });
});

// Our own sentences, in the style of wire copy: the speaker is the cue's subject on the parse.
describe('speakers and reports read off the clause', () => {
  it('gives a report to the subject the cue verb has, not to a name met earlier', () => {
    const got = quotes(
      'Finance Minister Lena Okafor met union leaders in Accra on Monday.\n\n' +
        'The Port Authority later announced that the docks would reopen on Friday.',
    );
    const announced = got.filter(([, cue]) => cue === 'announced');
    expect(announced.length).toBeGreaterThan(0);
    for (const [, , speaker] of announced) expect(speaker).toBe('Port Authority');
  });

  it('reads a reported clause of a statement verb the patterns do not list', () => {
    const got = quotes('Government spokesman Daniel Mensah conceded that the talks were "difficult ones".');
    expect(got).toContainEqual(['indirect', 'conceded', 'Daniel Mensah']);
    expect(got).toContainEqual(['partial', 'conceded', 'Daniel Mensah']);
  });

  it('reads no report off a cue with a modal: an obligation has said nothing yet', () => {
    const got = quotes('Under the accord the inspectors must verify that the plant has been closed.');
    expect(got.filter(([, cue]) => cue === 'verify')).toEqual([]);
  });

  it('binds a plural "they" to the plural subject before it in its sentence', () => {
    const got = quotes(
      'The United Nations has warned that the region is falling into chaos.\n\n' +
        'Fighting began in 2003 when the rebels took up arms against what they say is decades of neglect.',
    );
    const say = got.filter(([, cue]) => cue === 'say');
    expect(say.length).toBeGreaterThan(0);
    for (const [, , speaker] of say) expect(speaker).toBe('rebels');
  });
});

// Our own sentences, in the style of wire copy: a report needs an asserted cue that governs its content.
describe('reports that need an asserted cue governing their content', () => {
  it('gives no report for a conditional or modal cue', () => {
    const cond = quotes('If the minister says the border is closed, the traders will go home.');
    expect(cond.filter(([kind, cue]) => kind === 'indirect' && cue === 'says')).toEqual([]);
    const modal = quotes('Union leader Maria Costa would say only that the strike had been a success.');
    expect(modal.filter(([kind, cue]) => kind === 'indirect' && cue === 'say')).toEqual([]);
  });

  it('gives no report for a cue addressed to the reader', () => {
    const got = quotes('Do you know where the candidate keeps his tax returns?');
    expect(got.filter(([kind]) => kind === 'indirect')).toEqual([]);
  });

  it('takes no circumstance of the cue for what was said', () => {
    const got = quotes('The prosecutor Anna Berg was charged with obstruction after the trial in Oslo.');
    expect(got.filter(([kind, cue]) => kind === 'indirect' && cue === 'charged')).toEqual([]);
  });

  it('keeps a report whose content the parse hung elsewhere, when the content opens a clause', () => {
    const got = quotes(
      'Police chief Omar Said said an eight-member committee, grouping district chiefs, had been set up.',
    );
    expect(got.filter(([kind, cue]) => kind === 'indirect' && cue === 'said').length).toBe(1);
  });
});

describe('speakers read off the cue subject', () => {
  it("gives the words of someone named by a modifier to that someone: X's spokesman, not X", () => {
    const got = quotes(
      'Governor Paul Mendez toured the flooded district on Monday.\n\n' +
        '"The levee will hold," the aide to Paul Mendez told reporters.',
    );
    const told = got.filter(([kind, cue]) => kind === 'direct' && cue === 'told');
    expect(told.length).toBe(1);
    expect(told[0]![2]).not.toBe('Paul Mendez');
  });

  it('gives a relative clause cue to the noun it modifies', () => {
    const got = quotes('Farmers who said the dam had ruined their fields marched on the capital on Tuesday.');
    const said = got.filter(([kind, cue]) => kind === 'indirect' && cue === 'said');
    for (const [, , speaker] of said) expect(speaker).toBe('Farmers');
  });
});

describe('reports governed by a speech noun', () => {
  it("reads the clause of a statement noun, spoken by the noun's possessor or maker", () => {
    const poss = quotes(
      "The Health Ministry's statement that the outbreak was under control drew criticism.",
    );
    expect(poss).toContainEqual(['indirect', 'statement', 'Health Ministry']);
    const made = quotes(
      'The Health Ministry issued a warning that the outbreak could spread to the capital.',
    );
    expect(made).toContainEqual(['indirect', 'warning', 'Health Ministry']);
  });

  it('reads nothing off a speech noun that governs no clause', () => {
    const got = quotes('The warning came after heavy rain flooded the northern districts on Sunday.');
    expect(got.filter(([kind]) => kind === 'indirect')).toEqual([]);
  });
});

/** [kind, first words of the content, speaker] of each quote (entity name, else the speaker phrase). */
function reports(text: string): [string, string, string | null][] {
  const a = analyze(text);
  const names = new Map(a.entities.map((e) => [e.id, e.name]));
  return a.quotes.map((q) => [
    q.kind,
    q.text.split(/\s+/).slice(0, 3).join(' '),
    q.speaker ? names.get(q.speaker)! : q.speakerName,
  ]);
}

// Our own sentences, in the style of wire copy: cues and contents that the clause structure settles.
describe('cues, contents and speakers settled on the clause', () => {
  it('keeps the cue of a quote "said by telephone" and gives the quote to the one named there', () => {
    const got = reports(
      'Rebels fired on the convoy near Kalo on Friday.\n\n' +
        '"Our fighters attacked the trucks at dawn," Daniel Moraga said by telephone.',
    );
    expect(got.filter(([k]) => k === 'direct')).toEqual([
      ['direct', 'Our fighters attacked', 'Daniel Moraga'],
    ]);
  });

  it('starts the reported clause after a leading "on that day", not at the day', () => {
    const got = reports('Governor Paula Renz said on that day she would sign the water bill within a week.');
    expect(got).toEqual([['indirect', 'she would sign', 'Paula Renz']]);
  });

  it('reads a participle between a number and its noun as a modifier, not as a cue', () => {
    const got = reports(
      'The three confirmed cases involve a farmer and two of his children in the northern valley.',
    );
    expect(got).toEqual([]);
  });

  it('takes no cue from a passive verb whose subject is the content itself', () => {
    const got = reports(
      'Later, two new races were added, along with a relay event for juniors and a long jump.',
    );
    expect(got).toEqual([]);
  });

  it('gives a quoted fragment to the agent of the passive speech verb it depends on', () => {
    const got = reports(
      'Health Minister Carla Benn sent Tom Ashby a new offer on hospital funding, which was criticised by Ashby as "hollow" on Friday.',
    );
    expect(got.filter(([k]) => k === 'partial')).toEqual([['partial', 'hollow', 'Tom Ashby']]);
  });

  it('gives a participle report the subject of the verb it modifies', () => {
    const got = reports(
      'Senator Ruth Okoye toured the flooded district on Sunday, telling residents that the state would rebuild the levee, aides said.',
    );
    expect(got).toEqual([['indirect', 'the state would', 'Ruth Okoye']]);
  });

  it('reads "CONTENT, said X, an official with …" as an inverted report with X as speaker', () => {
    const got = reports(
      'The 40 suspects came from Chad, Niger and Mali, said Marek Halas, a customs official with the regional police department.',
    );
    expect(got).toEqual([['indirect', 'The 40 suspects', 'Marek Halas']]);
  });

  it('reads "added 1.2 percent" and "claimed a place" in their other sense: no speech', () => {
    const got = reports(
      'The Nairobi bourse added 1.2 percent at 4,310 points on Monday.\n\n' +
        'Swimmer Ana Kovac, who claimed a place in the final on her birthday, trains in Split.',
    );
    expect(got.filter(([k]) => k === 'indirect')).toEqual([]);
  });

  it('keeps a report whose object noun opens its clause ("adding the price could fall")', () => {
    const got = reports(
      'Chief executive Rafael Ortiz said output would double next year, adding the price of the vaccine could fall by half.',
    );
    expect(got.map(([, words, who]) => [words, who])).toContainEqual(['the price of', 'Rafael Ortiz']);
  });

  it('steps over a day between an inverted cue and its speaker', () => {
    const got = reports(
      '"Talks are going well," said on Tuesday Lisa Marr, a spokeswoman for the county police.',
    );
    expect(got).toEqual([['direct', 'Talks are going', 'Lisa Marr']]);
  });
});
