/**
 * Clause tense around a time expression, from surface cues only. A bare weekday or month in news means the
 * most recent one in a past-tense report ("met Friday") and the next one in a future-tense clause ("will
 * meet Friday"), so the verb group nearest the expression decides the direction.
 */
export type Tense = 'past' | 'future';

interface Marker {
  pos: number;
  tense: Tense;
}

const FUTURE_WORDS = new Set([
  'will',
  "'ll",
  'shall',
  "won't",
  'upcoming',
  'payable',
  // "a new labor pact effective June 1": what takes effect is ahead.
  'effective',
  // Present-tense scheduling verbs: "the offer expires Friday", "talks resume Monday".
  'expires',
  'begins',
  'starts',
  'opens',
  'closes',
  'resumes',
  'resume',
  'arrives',
  'departs',
  'convenes',
  'soon',
  'would',
  'forthcoming',
  'tomorrow',
  'expected',
  'expects',
  'expect',
  'plans',
  'plan',
  'planning',
  'scheduled',
  'slated',
  'due',
  'intends',
  'intend',
  'aims',
  'hopes',
  'next',
  'coming',
]);

const PAST_WORDS = new Set([
  'said',
  'was',
  'were',
  'had',
  'has',
  'have',
  'did',
  'told',
  'held',
  'met',
  'ago',
  'last',
  'earlier',
  'yesterday',
  'went',
  'came',
  'made',
  'took',
  'gave',
  'left',
  'sent',
  'saw',
  'began',
  'spoke',
  'fell',
  'rose',
  'won',
  'lost',
  'struck',
  'kept',
  'led',
  'found',
  'brought',
  'thought',
  'became',
  'got',
  'paid',
  'sold',
  'bought',
  'ran',
  'wrote',
  'shot',
  'fled',
  'broke',
  'fought',
  'flew',
  'drew',
  'hit',
  'quit',
  'put',
  'cut',
  'since',
  'previously',
  'recently',
]);

const NOT_PAST_ED = new Set([
  'need',
  'speed',
  'feed',
  'seed',
  'bed',
  'red',
  'shed',
  'indeed',
  'hundred',
  'united',
  'proceed',
  'exceed',
  'succeed',
  'breed',
  'bleed',
  'greed',
  'weed',
  'deed',
  'creed',
  'embed',
  'wed',
  'fled',
  'led',
  'sped',
  'bred',
]);

/** Words before an -ed form that make it an adjective or a passive participle, not a past verb. */
const ADJ_BEFORE = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'our',
  'be',
  'being',
  'been',
  'will',
  'to',
]);

/** Words followed by `to` + verb that point forward ("is to visit", "set to meet", "going to"). */
const TO_FUTURE = new Set([
  'is',
  'are',
  'am',
  'set',
  'going',
  'ready',
  'poised',
  'agreed',
  'likely',
  'planned',
  'plans',
  'plan',
  'planning',
  'scheduled',
  'expected',
  'due',
  'hoping',
  'hope',
  'hopes',
  'intends',
  'intended',
  'wants',
  'wanted',
  'promised',
  'vowed',
  'threatened',
  'decided',
  'pledged',
  'prepared',
  'preparing',
  'aims',
  'aiming',
]);

/** Auxiliaries that put a following future cue in the past ("was to", "had been due to expire"). */
const PAST_AUX = new Set(['was', 'were', 'had', 'been']);

const WORD_RE = /[A-Za-z']+/g;

/** Future cues that point forward only before a time word or a verb ("next week", "due to arrive"). */
const CONTEXT_FUTURE = new Set(['next', 'coming', 'due']);
const CONTEXT_FUTURE_NEXT =
  /^\s+(?:(?:to\s+(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b|this\b|that\b|these\b|those\b|[a-z]+ing\b|[a-z]+s\b)[a-z]+)|(?:few|several|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+|(?:week|weekend|month|year|decade|century|quarter|season|spring|summer|fall|autumn|winter|day|days|time|round|stage|phase|session|election|elections|meeting|summit|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b|\w+\s+(?:week|weekend|month|year)\b)/;

/** Tense markers of one sentence, computed once and reused for every expression in it. */
export function tenseMarkers(text: string, start: number, end: number): Marker[] {
  const out: Marker[] = [];
  const s = text.slice(start, end);
  WORD_RE.lastIndex = 0;
  let prev = '';
  let prev2 = '';
  let prevNotTime = false;
  for (let m = WORD_RE.exec(s); m; m = WORD_RE.exec(s)) {
    const w = m[0].toLowerCase();
    const pos = start + m.index;
    const notTime =
      CONTEXT_FUTURE.has(w) &&
      !CONTEXT_FUTURE_NEXT.test(s.slice(m.index + m[0].length, m.index + m[0].length + 24));
    if (notTime) {
      // "next to the embassy", "coming from Iraq", "due to the rain": not about time.
    } else if (w === 'to' && TO_FUTURE.has(prev) && !prevNotTime) {
      out.push({ pos, tense: PAST_AUX.has(prev2) || prev === 'was' || prev === 'were' ? 'past' : 'future' });
    } else if (FUTURE_WORDS.has(w)) {
      out.push({ pos, tense: PAST_AUX.has(prev) && w !== 'would' ? 'past' : 'future' });
    } else if (PAST_WORDS.has(w)) {
      out.push({ pos, tense: 'past' });
    } else if (
      w.length > 4 &&
      w.endsWith('ed') &&
      !NOT_PAST_ED.has(w) &&
      m[0][0] === w[0] &&
      !ADJ_BEFORE.has(prev)
    ) {
      out.push({ pos, tense: 'past' });
    } else if (w.endsWith("'ll")) {
      out.push({ pos, tense: 'future' });
    }
    prev2 = prev;
    prev = w;
    prevNotTime = notTime;
  }
  return out;
}

/**
 * Tense of the clause holding `[spanStart, spanEnd)`: the nearest marker outside the span wins (left side
 * first on ties); null when the sentence has none. Markers inside the span ("last", "next") are the
 * expression's own words and are skipped.
 */
export function tenseAt(markers: readonly Marker[], spanStart: number, spanEnd: number): Tense | null {
  let best: Marker | null = null;
  let bestDist = Number.POSITIVE_INFINITY;
  for (const mk of markers) {
    if (mk.pos >= spanStart && mk.pos < spanEnd) continue;
    const dist = mk.pos < spanStart ? spanStart - mk.pos : (mk.pos - spanEnd) * 2;
    if (dist < bestDist) {
      bestDist = dist;
      best = mk;
    }
  }
  return best ? best.tense : null;
}
