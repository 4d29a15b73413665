/**
 * The NER tagger contract and a rule-based stand-in. The entities stage takes any tagger with this shape
 * (the statistical tagger in `./tagger/` plugs in here); the fallback finds runs of capitalised words and
 * guesses a CoNLL type from their shape, so the stage works without a model.
 */

/** A CoNLL-style entity span over token indices `[start, end)`. */
export interface NerSpan {
  start: number;
  end: number;
  /** PER, ORG, LOC or MISC. */
  type: string;
  /** The refiner that made or retyped the span (`ner:<refiner>`); absent: the tagger's own reading. */
  rule?: string;
}

/** Tags one sentence's tokens. */
export type NerTagger = (tokens: string[]) => NerSpan[];

/** Capitalised words that start sentences or clauses but name nothing. */
export const CAPITALISED_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'The A An In On At By For From To Of With Without As And But Or Nor So Yet If When While Where Whether ' +
    'After Before During Since Until Though Although Because However Meanwhile Moreover Separately Also ' +
    'Earlier Later Then Now Still Even Only Just Both Each Every All Some Many Most Such This That These ' +
    'Those There Here It Its He His Him She Her They Their Them We Our Us You Your I My Me Who Whom Whose What ' +
    'Which Why How Not No Yes According Under Over About Against Among Between Through Despite Following ' +
    'Including Amid Amidst Instead Rather Already Last Next First Second Third Another Other Further ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July ' +
    'August September October November December Mr. Mrs. Ms. Dr. Source Sources Reporting Editing ' +
    'Asked Speaking Citing Noting Adding Saying Describing Calling Responding Officials Some Several Few ' +
    'Analysts Experts Observers Diplomats Witnesses Residents Police Troops Soldiers Today Tomorrow Yesterday ' +
    'Tonight Morning Evening Night Year Years Month Months Week Weeks Day Days Time Times Part'
  ).split(/\s+/),
);

const CONNECTORS = new Set([
  'of',
  'de',
  'del',
  'la',
  'le',
  'du',
  'van',
  'von',
  'der',
  'den',
  'bin',
  'ibn',
  'al',
  'the',
  'on',
  'for',
]);

const ORG_WORDS = new Set(
  (
    'Ministry Agency Council Committee Party Office Service Bank University Institute Association Union ' +
    'Organization Organisation Corporation Corp. Company Co. Inc. Ltd. Group Front Army Navy Force Forces ' +
    'Command Court Commission Federation Alliance Movement Fund Assembly Parliament Senate Congress ' +
    'Department Administration Authority Board Bureau Center Centre Foundation Network Times Post News ' +
    'Daily Television Radio Club League Brigade Brigades Guard Guards Police Secretariat Cabinet Government ' +
    'Airlines Airways Motors Electronics Industries Holdings Exchange Commerce Chamber Society Academy School'
  ).split(/\s+/),
);

const LOC_WORDS = new Set(
  (
    'River Sea Ocean Mountain Mountains Mount Island Islands Peninsula Strait Straits Valley Province Region ' +
    'City County District Lake Bay Gulf Desert Coast Plateau Basin Canal Border Heights Hills Square Street'
  ).split(/\s+/),
);

const MISC_WORDS = new Set(
  'Convention Treaty Charter Protocol Accord Accords Act Agreement Resolution War Games Olympics Cup Summit'.split(
    /\s+/,
  ),
);

function isCapitalised(t: string): boolean {
  return /^\p{Lu}/u.test(t) && t.length > 1 && !/^\p{Lu}\.$/u.test(t);
}

function isNameLike(t: string): boolean {
  return (
    isCapitalised(t) ||
    /^(?:al|el|bin|ibn|abu|van|von|de|di|da|du|le|la)-\p{Lu}/u.test(t) ||
    /^\p{Lu}\.$/u.test(t)
  );
}

/**
 * Runs of capitalised words, typed by shape: ORG and LOC by their head words, MISC for laws and events,
 * PER for two to four plain name words, and a single unknown word as `UNK` (the stage keeps it only when
 * other evidence makes it a person). Sentence-initial function words are skipped.
 */
export function fallbackTagger(tokens: string[]): NerSpan[] {
  const out: NerSpan[] = [];
  // An ALL-CAPS headline gives no capitalisation cue: leave it to the gazetteer.
  const words = tokens.filter((t) => /\p{L}{2,}/u.test(t));
  if (words.length >= 3 && words.filter((t) => !/\p{Ll}/u.test(t)).length / words.length > 0.6) return out;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!isNameLike(t) || CAPITALISED_STOPWORDS.has(t)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const n = tokens[j]!;
      if (isNameLike(n) && !CAPITALISED_STOPWORDS.has(n)) j++;
      else if (CONNECTORS.has(n) && j + 1 < tokens.length && isNameLike(tokens[j + 1]!)) j += 2;
      else if (CONNECTORS.has(n) && CONNECTORS.has(tokens[j + 1] ?? '') && isNameLike(tokens[j + 2] ?? ''))
        j += 3;
      else break;
    }
    const words = tokens.slice(i, j);
    let type = 'PER';
    if (words.some((w) => ORG_WORDS.has(w))) type = 'ORG';
    else if (words.some((w) => LOC_WORDS.has(w))) type = 'LOC';
    else if (words.some((w) => MISC_WORDS.has(w))) type = 'MISC';
    else if (words.length === 1 || words.length > 4 || words.some((w) => CONNECTORS.has(w))) type = 'UNK';
    else if (words.every((w) => /^[\p{Lu}\d.&-]+$/u.test(w))) type = 'ORG';
    out.push({ start: i, end: j, type });
    i = j;
  }
  return out;
}
