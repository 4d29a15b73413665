/**
 * Clause tense around a time expression, from surface cues only. A bare weekday or month in news means the
 * most recent one in a past-tense report ("met Friday") and the next one in a future-tense clause ("will
 * meet Friday"), so the verb group nearest the expression decides the direction.
 */
export type Tense = 'past' | 'future';

export interface Marker {
  pos: number;
  /** Null marks the start of a new clause ("that", "which", "but"), not a tense. */
  tense: Tense | null;
  /**
   * The future modal itself (will, shall, 'll, won't): a plain statement about what lies ahead, unlike a plan
   * or expectation ("expected", "would"), which a report may place on either side of its date.
   */
  modal?: true;
}

/** Future modals that state what will happen (see `Marker.modal`). */
const FUTURE_MODALS = new Set(['will', 'shall', "'ll", "won't"]);

/**
 * Words that open another clause (commas and semicolons count too). A verb after them belongs to that
 * clause: in "said Tuesday that he would attend", "would" dates the attending, not the Tuesday of the
 * saying; in "with whom he will hold talks Friday, have been trying", "have" is another clause's.
 */
const CLAUSE_OPENERS = new Set(['that', 'which', 'but', 'whereas', 'although', 'though', 'because']);

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
  // Travel and meeting plans in the present simple: "the minister flies to Tokyo Monday".
  'flies',
  'travels',
  'visits',
  'meets',
  // A visit's programme in the present simple: "a four-day stay, which includes talks Tuesday with …".
  'includes',
  'hosts',
  'holds',
  'attends',
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
  // Negated participles are adjectives in news ("an unspecified date", "unidentified gunmen").
  'unspecified',
  'unidentified',
  'unnamed',
  'unexpected',
  'unprecedented',
  'undisclosed',
  'unconfirmed',
  'unarmed',
  'unmanned',
  'unresolved',
  'unrelated',
  'unlimited',
  'unauthorized',
  'unemployed',
  'undecided',
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
  'hoped',
  'sought',
  'aimed',
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
  'threatening',
  'threatens',
  'vows',
  'vowing',
  'pledges',
  'pledging',
  'promises',
  'promising',
]);

/** Auxiliaries before a participle that keep the clause out of the past ("is heard", "be paid"). */
const PRESENT_PASSIVE = new Set(['is', 'are', 'am', 'be', 'being', 'will', 'to']);

/** Auxiliaries that put a following future cue in the past ("was to", "had been due to expire"). */
const PAST_AUX = new Set(['was', 'were', 'had', 'been']);

/**
 * Schedule words that keep pointing forward after a past-tense "was"/"were": a wire story filed on
 * Wednesday that says an envoy "was expected to arrive Thursday" reports a plan made before filing for a
 * day still ahead (the past tense is the reporting frame, not the event). "had been due to" stays past:
 * the pluperfect marks a plan that was overtaken.
 */
const SCHEDULE_TO = new Set([
  'expected',
  'scheduled',
  'due',
  'set',
  'slated',
  'planned',
  'planning',
  'preparing',
  'going',
  'likely',
  'poised',
  'supposed',
]);

const WORD_RE = /[A-Za-z']+|[,;]/g;

/**
 * Scheduling verbs in the bare present, which news uses for what is ahead ("Arafat and Netanyahu meet
 * separately Monday", "talks begin Tuesday"), unless a word before makes them an infinitive, a negated or
 * modal form, or a noun.
 */
const BARE_FUTURE = new Set(['meet', 'begin', 'hold', 'arrive', 'travel', 'fly', 'convene', 'gather']);
const NOT_BARE_BEFORE = new Set([
  'to',
  'did',
  'do',
  'does',
  "didn't",
  "don't",
  "doesn't",
  'could',
  'can',
  'should',
  'may',
  'might',
  'must',
  'not',
  'never',
  'the',
  'a',
  'an',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'your',
  'this',
  'that',
  'on',
]);

/** Words after "plans" or "planned" that make it a verb with an object ("planned a rally Saturday"). */
const PLAN_OBJECT = new Set([
  'a',
  'an',
  'the',
  'another',
  'new',
  'more',
  'further',
  'their',
  'its',
  'his',
  'her',
]);

/** A bare verb after "was to" / "were to" ("were to meet"), not a destination ("was to the north"). */
const BARE_VERB_NEXT =
  /^\s+(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b|this\b|that\b|these\b|those\b|[A-Z]|[a-z]+ing\b|\d)[a-z]+\b/;

/** Future cues that point forward only before a time word or a verb ("next week", "due to arrive"). */
const CONTEXT_FUTURE = new Set(['next', 'coming', 'due']);
const CONTEXT_FUTURE_NEXT =
  /^\s+(?:(?:on|in|by|for|at)\s+(?=[A-Z]|the\s+(?:week|weekend|month|year|end)\b|\d))?(?:(?:to\s+(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b|this\b|that\b|these\b|those\b|[a-z]+ing\b|[a-z]+s\b)[a-z]+)|(?:few|several|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+|(?:week|weekend|month|year|decade|century|quarter|season|spring|summer|fall|autumn|winter|day|days|time|round|stage|phase|session|election|elections|meeting|summit|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b|\w+\s+(?:week|weekend|month|year)\b)/;

/** Lower-cased word right after `at` in `s` ('' when none). */
function nextWord(s: string, at: number): string {
  return /^\s+([A-Za-z']+)/.exec(s.slice(at, at + 24))?.[1]?.toLowerCase() ?? '';
}

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
    } else if (CLAUSE_OPENERS.has(w) || w === ',' || w === ';') {
      out.push({ pos, tense: null });
    } else if (w === 'to' && TO_FUTURE.has(prev) && !prevNotTime) {
      const pastFrame =
        prev2 === 'had' ||
        prev2 === 'been' ||
        (PAST_AUX.has(prev2) && !SCHEDULE_TO.has(prev)) ||
        prev === 'was' ||
        prev === 'were';
      out.push({ pos, tense: pastFrame ? 'past' : 'future' });
    } else if (
      w === 'to' &&
      (prev === 'was' || prev === 'were') &&
      BARE_VERB_NEXT.test(s.slice(m.index + 2, m.index + 40))
    ) {
      // "envoys were to meet Wednesday": a plan reported in the past tense, for a day still ahead.
      out.push({ pos, tense: 'future' });
    } else if (w === 'be' && prev === 'to') {
      // "an interview to be broadcast Monday".
      out.push({ pos, tense: 'future' });
    } else if (SCHEDULE_TO.has(w) && (prev === 'is' || prev === 'are' || prev === 'was' || prev === 'were')) {
      // "a meeting is planned for Tuesday", "the minister was expected in Lima Thursday".
      out.push({ pos, tense: 'future' });
    } else if ((w === 'plans' || w === 'plan') && !PLAN_OBJECT.has(nextWord(s, m.index + w.length))) {
      // "vacation plans", "the plan": a noun says nothing about when ("plans to" is handled above).
    } else if ((w === 'planned' || w === 'scheduled') && PLAN_OBJECT.has(nextWord(s, m.index + w.length))) {
      // "protesters planned a large demonstration Saturday": what was planned lies ahead.
      out.push({ pos, tense: 'future' });
    } else if (BARE_FUTURE.has(w) && !NOT_BARE_BEFORE.has(prev)) {
      out.push({ pos, tense: 'future' });
    } else if (FUTURE_WORDS.has(w)) {
      const tense = PAST_AUX.has(prev) && w !== 'would' ? 'past' : 'future';
      out.push(tense === 'future' && FUTURE_MODALS.has(w) ? { pos, tense, modal: true } : { pos, tense });
    } else if (PAST_WORDS.has(w) && !PRESENT_PASSIVE.has(prev)) {
      // "the case is heard in May", "to be paid in January": a participle after a present or future
      // auxiliary is not a past-tense verb ("was paid" still is).
      out.push({ pos, tense: 'past' });
    } else if (
      w.length > 4 &&
      w.endsWith('ed') &&
      !NOT_PAST_ED.has(w) &&
      m[0][0] === w[0] &&
      !ADJ_BEFORE.has(prev) &&
      !PRESENT_PASSIVE.has(prev)
    ) {
      out.push({ pos, tense: 'past' });
    } else if (w.endsWith("'ll")) {
      out.push({ pos, tense: 'future', modal: true });
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
  // Right-hand markers beyond a clause opener count only when nothing else gives a tense.
  let fallback: Tense | null = null;
  let fallbackDist = Number.POSITIVE_INFINITY;
  let opened = false;
  for (const mk of markers) {
    if (mk.pos >= spanStart && mk.pos < spanEnd) continue;
    if (mk.tense === null) {
      if (mk.pos >= spanEnd) opened = true;
      continue;
    }
    const dist = mk.pos < spanStart ? spanStart - mk.pos : (mk.pos - spanEnd) * 2;
    if (opened) {
      if (dist < fallbackDist) {
        fallbackDist = dist;
        fallback = mk.tense;
      }
      continue;
    }
    if (dist < bestDist) {
      bestDist = dist;
      best = mk;
    }
  }
  return best ? best.tense : fallback;
}

/**
 * The tense marker of a verb right next to `[spanStart, spanEnd)` in the same clause: the nearest marker at most
 * `maxLeft` characters before it or `maxRight` after it, with no clause boundary in between; else null.
 * "killed 19 servicemen in June" has its verb at hand, while in "hoped to give a report sometime in May"
 * or "said … by the time of June elections" the past verb is the reporting frame, not the month's event.
 * A progressive "was looking forward to" is not a past event either.
 */
export function nearMarker(
  text: string,
  markers: readonly Marker[],
  spanStart: number,
  spanEnd: number,
  maxLeft: number,
  maxRight: number,
): Marker | null {
  let left: Marker | null = null;
  let right: Marker | null = null;
  // "In January, the company changed …": the comma after a fronted time phrase opens no new clause.
  const fronted = /(?:^|[.!?]["”’]?\s+)(?:[A-Z][a-z]*\s+){0,2}$/.test(
    text.slice(Math.max(0, spanStart - 40), spanStart),
  );
  let reach = maxRight;
  // Markers are in text order: start at the first one inside the window (binary search), so the cost per
  // expression does not grow with the sentence.
  let lo = 0;
  let hi = markers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (markers[mid]!.pos < spanStart - maxLeft) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < markers.length; i++) {
    const mk = markers[i]!;
    if (mk.pos > spanEnd + reach) break;
    if (mk.pos < spanStart) {
      if (spanStart - mk.pos > maxLeft) continue;
      left = mk.tense === null ? null : mk;
    } else if (mk.pos >= spanEnd && mk.pos - spanEnd <= reach) {
      if (mk.tense === null) {
        if (fronted && mk.pos - spanEnd <= 1 && reach === maxRight) {
          reach = mk.pos - spanEnd + maxRight;
          continue;
        }
        break;
      }
      right = mk;
      break;
    }
  }
  const progressive = (mk: Marker): boolean =>
    /^(?:was|were)\s+[a-z]+ing\b/i.test(text.slice(mk.pos, mk.pos + 30));
  if (left && progressive(left)) left = null;
  if (left && right) return spanStart - left.pos <= (right.pos - spanEnd) * 2 ? left : right;
  return left ?? right;
}

/**
 * Whether the future marker `mk` (one of `markers`) states what a modal says will happen: the modal itself, or
 * the verb it governs right after it ("will travel", "will not travel"), which is a marker of its own.
 */
export function isModalFuture(text: string, markers: readonly Marker[], mk: Marker): boolean {
  if (mk.tense !== 'future') return false;
  if (mk.modal) return true;
  const i = markers.indexOf(mk);
  const before = i > 0 ? markers[i - 1]! : null;
  return !!before?.modal && /^\S+\s+(?:(?:not|also|then|probably)\s+)?$/.test(text.slice(before.pos, mk.pos));
}
