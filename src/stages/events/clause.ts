import type { PloverType } from '../../core/types.js';
import { type AttributionFinder, CLAUSE_WORDS, isReportingVerb } from './attribution.js';
import {
  ABSTRACT_HEADS,
  ADJECTIVE,
  AGENTIVE,
  BE,
  EXPECT,
  HOLDING_VERBS,
  INTENT_ADJ,
  MILITARY,
  MISHAPS,
  MULTI,
  NOUN_CONTEXT,
  OWN_GROUND,
  VERBAL_MODIFIERS,
} from './data/word-lists.js';
import { type DocIndex, tokenAtOrAfter } from './doc-index.js';
import {
  genericAfter,
  genericBefore,
  insideSpan,
  mainGeneric,
  nameBeforeClause,
  receivedBefore,
  reportingCueBefore,
  unnamedSubject,
} from './generic-actors.js';
import type { LexEntry } from './lexicon.js';
import { decideModality } from './modality.js';
import {
  countryEntity,
  entityById,
  entityGroup,
  type Group,
  inDirectQuote,
  inLeadingAdverbial,
  leadingAdverbialEnd,
  mainSubject,
  mentionEnd,
  normalizeParticipants,
  noteSalient,
  nounRoles,
  objectTargets,
  possessivePronounBefore,
  resolveAnaphor,
  type Salience,
  subjectRegion,
  titledPerson,
} from './participants.js';
import { infinitival, timeFor } from './time.js';
import {
  entAt,
  isAdverb,
  isBoundary,
  isLocType,
  locPrepped,
  matchAt,
  nounModifierWord,
  trig,
} from './triggers.js';
import { CONFLICT_MATERIAL, type GenericActor, type RuledEvent, type Trigger } from './types.js';

export function sentenceEvents(
  ix: DocIndex,
  attr: AttributionFinder,
  s: number,
  window: number,
  groups: Group[],
  salient: Salience,
): Array<RuledEvent & { patientOnly: boolean }> {
  const lo = ix.sentStart[s]!;
  const hi = ix.sentEnd[s]!;
  const speakers = sentenceSpeakers(ix, lo, hi);
  const triggers: Trigger[] = [];
  const triggerAt = new Map<number, Trigger>();
  for (let i = lo; i < hi; i++) {
    const t = matchAt(ix, i, lo, hi);
    if (!t) continue;
    triggers.push(t);
    for (let k = t.start; k < t.end; k++) triggerAt.set(k, t);
    i = t.consumedEnd - 1;
  }
  // "X said (that) Y must/should Z": a demand by the speaker on Y
  for (let i = lo; i < hi; i++) {
    if (ix.low[i] !== 'must' && ix.low[i] !== 'should') continue;
    const a = attr.at(i);
    if (!a || a.rule === 'according-to') continue;
    const e: LexEntry = { ...DEMAND_ENTRY };
    const t = trig(e, i, i + 1, i + 1);
    t.actors = a.source ? [a.source] : [];
    // the target is the subject of "must"
    const tg: string[] = [];
    for (let k = i - 1; k >= Math.max(lo, i - 8) && !isBoundary(ix, k); k--) {
      const id = entAt(ix, k);
      if (id && !tg.includes(id) && id !== a.source) tg.unshift(id);
    }
    if (tg.length === 0) continue;
    t.targets = tg;
    triggers.push(t);
    triggerAt.set(i, t);
  }
  triggers.sort((a, b) => a.start - b.start);

  for (const t of triggers) {
    if (t.absorbed) continue;
    // governed complements: "agreed to X", "called on Y to X", "refused to X", "demanded that Y X"
    if (t.entry.gov) governComplement(ix, t, triggers, hi, lo);
  }
  // purpose clauses ("held talks with Sullivan to discuss …") belong to the event they follow
  for (let n = 1; n < triggers.length; n++) {
    const t = triggers[n]!;
    if (t.absorbed || t.entry.noun || t.start - 1 < lo) continue;
    let to = t.start - 1;
    if (ix.low[to] === 'help' && ix.low[to - 1] === 'to') to--;
    if (ix.low[to] !== 'to') continue;
    const before = ix.low[to - 1] ?? '';
    // "plans to attack" is an intention, "a plan to allow …" the object of the previous verb
    if (EXPECT.has(before) || (INTENT_ADJ.has(before) && !NOUN_CONTEXT.has(ix.low[to - 2] ?? ''))) continue;
    const prev = triggers
      .slice(0, n)
      .reverse()
      .find((p) => !p.absorbed && !p.entry.noun);
    if (prev && t.start - prev.consumedEnd <= 12) t.absorbed = true;
  }
  const out: Array<RuledEvent & { patientOnly: boolean }> = [];
  let lastVerb: Trigger | null = null;
  let prevActors: string[] = [];
  /** The previous verb sits in a relative clause ("the LRA, which have fought …"). */
  let prevRelative = false;
  for (const t of triggers) {
    if (t.absorbed) continue;
    // "…, and called for …": a coordinated verb shares the subject of the previous verb
    let c = t.start - 1;
    while (c >= lo && isAdverb(ix.low[c]!)) c--;
    if (
      t.actors.length === 0 &&
      !t.entry.noun &&
      lastVerb &&
      c >= lo &&
      ix.low[c] === 'and' &&
      lastVerb.actors.length > 0
    ) {
      t.actors = [...lastVerb.actors];
    }
    if (!t.entry.noun) lastVerb = t;
    const lastActors = prevActors;
    const subj = subjectRegion(ix, t, lo, window, triggerAt);
    let relative = false;
    // passive: "was indicted by X", and the reduced relative "a move urged by several lawmakers"
    let k = t.start - 1;
    while (k >= lo && isAdverb(ix.low[k]!)) k--;
    const participle = /ed$|en$/.test(ix.low[t.start]!) && !t.entry.noun;
    // "a millionaire accused of selling …": an accusation verb needs its object before "of", so a
    // participle right before "of"/"for" is passive
    const charge =
      participle && /^11[25]/.test(t.cameo ?? '') && /^(?:of|for|over)$/.test(ix.low[t.end] ?? '');
    // "Vietnam is committed to opening up", "is prepared to": an intention, not a passive
    // ("was disappointed with", "has been concerned over": an attitude, whose holder is the subject)
    const stative =
      (t.entry.gov === 'agree' && (ix.low[t.consumedEnd] === 'to' || ix.low[t.end - 1] === 'to')) ||
      t.entry.state;
    const passive =
      participle && !stative && ((k >= lo && BE.has(ix.low[k]!)) || ix.low[t.end] === 'by' || charge);
    // "X said Y must …": the actor is the speaker or no one, never the subject of "must"
    if (t.entry.mustClause) {
      // nothing to infer
    } else if (t.actors.length === 0) {
      if (t.entry.noun) {
        nounRoles(ix, t, lo, hi);
        // "the EU rejected demands by the United States …": demands that a verb just before rejects or heeds are
        // aimed at that verb's subject
        if (t.type === 'DEMAND' && lastVerb && lastVerb !== t && lastVerb.actors.length > 0) {
          let q = t.start - 1;
          while (q > lastVerb.consumedEnd - 1 && /^(?:the|a|an|renewed|repeated|fresh|new)$/.test(ix.low[q]!))
            q--;
          if (q === lastVerb.consumedEnd - 1 && /^(?:REJECT|AGREE|CONCEDE)$/.test(lastVerb.type)) {
            const who = lastVerb.actors.filter((x) => !t.actors.includes(x));
            if (who.length > 0) t.targets = who;
          }
        }
        // "China's rights record received a grilling by a US official": who received the criticism is its target
        if (t.type === 'DISAPPROVE' && receivedBefore(ix, t.start, lo)) {
          let who = subj.entities.length > 0 ? subj.entities : mainSubject(ix, lo, t.start);
          // "China's human rights record": the possessor of what was criticised
          if (who.length === 0)
            for (let q = lo; q < t.start && who.length === 0; q++) {
              const id = entAt(ix, q);
              const end = mentionEnd(ix, q);
              if (id && (ix.low[end] === "'s" || /'s$/.test(ix.low[end - 1]!))) who = [id];
            }
          t.targets = who.filter((x) => !t.actors.includes(x));
        }
        // "the United States maintains a trade embargo on the North", "X launched an offensive": the one who
        // keeps or carries out what the noun names is the clause subject
        if (t.actors.length === 0 && t.type !== 'CONSULT' && heldBy(ix, t.start, lo)) {
          const who = subj.entities.length > 0 ? subj.entities : mainSubject(ix, lo, t.start);
          t.actors = who.filter((x) => !t.targets.includes(x));
        }
        // "Hu is in Hanoi for a state visit": the visitor is the clause subject
        if (t.actors.length === 0 && t.mode === 'visit' && subj.entities.length > 0)
          t.actors = subj.entities.filter((x) => !isLocType(ix, x) && !t.targets.includes(x));
        // "interrupted the address in protest": the clause subject protested
        if (t.start - 1 >= lo && ix.low[t.start - 1] === 'in' && subj.entities.length > 0) {
          t.actors = [...subj.entities];
          // … and what the clause's verb acted on is what the protest was against
          const obj: string[] = [];
          for (let q = Math.max(subj.start, t.start - 8); q < t.start; q++) {
            const id = entAt(ix, q);
            if (id && !t.actors.includes(id) && !obj.includes(id) && !locPrepped(ix, q, lo)) obj.push(id);
          }
          t.targets = obj;
        }
        // "At a summit with Roh on Monday, Yushchenko said …": a meeting in a leading adverbial is the
        // main subject's
        if (t.type === 'CONSULT' && t.actors.length === 0 && inLeadingAdverbial(ix, t.start, lo)) {
          t.actors = mainSubject(ix, lo, hi).filter((x) => !t.targets.includes(x));
        }
      } else if (passive) {
        for (let by = t.end; by < Math.min(hi, t.end + 4); by++) {
          if (ix.low[by] !== 'by') continue;
          t.actors = entityGroup(ix, by + 1, hi, lo, []);
          break;
        }
        // a reduced relative modifies the noun before it, whose entities are not the patient; an appositive
        // one ("Denmark, backed by the United States, …") is about the name before the comma
        t.targets = BE.has(ix.low[k] ?? '') ? subj.entities.filter((e) => !t.actors.includes(e)) : [];
        if (!BE.has(ix.low[k] ?? '') && k >= lo && ix.low[k] === ',' && k - 1 >= lo) {
          const id = entAt(ix, k - 1);
          if (id && !t.actors.includes(id)) t.targets = [id];
        }
      } else {
        t.actors = subj.inherit ?? subj.entities;
        if (t.actors.length === 0 && subj.anaphor) t.actors = resolveAnaphor(ix, subj.anaphor, groups, s);
        if (t.actors.length === 0 && subj.antecedent) {
          t.actors = [...subj.antecedent];
          relative = true;
        }
        if (t.actors.length === 0 && subj.adjunct) {
          // ", calling for …" shares the main clause's subject (not that of a relative clause in between)
          // (the previous verb's subject when that verb is in the same clause: "… fired on demonstrators,
          // killing hundreds")
          const src = attr.at(t.start);
          if (lastActors.length > 0 && !prevRelative) t.actors = [...lastActors];
          else if (src?.source && src.cue >= 0 && src.cue < t.start && src.rule !== 'according-to')
            t.actors = [src.source];
          else t.actors = mainSubject(ix, lo, t.start);
        }
        if (t.targets.length === 0) t.targets = objectTargets(ix, t, hi, lo, t.actors);
        // "will give Tanzania a grant": an indirect object between the verb and its required object
        if (t.targets.length === 0 && t.entry.obj && t.consumedEnd > t.end + 1) {
          for (let q = t.end; q < t.consumedEnd - 1; q++) {
            const id = entAt(ix, q);
            if (id && !t.actors.includes(id)) {
              t.targets = [id];
              break;
            }
          }
        }
        // "offered to meet Kabila", "vowed to wipe out the LRA": the governed action's object
        if (t.targets.length === 0 && t.inner && t.entry.gov !== 'demand')
          t.targets = objectTargets(ix, t.inner, hi, lo, t.actors);
      }
    } else if (!t.entry.noun && !passive && t.targets.length === 0) {
      // "… and deported Georgians": a coordinated verb took its subject above; its object is still its own
      t.targets = objectTargets(ix, t, hi, lo, t.actors);
    } else if (t.entry.noun && t.targets.length === 0) {
      // "maintained a trade embargo against Cuba": the actor came from the clause, the noun still names
      // its target
      const keep = t.actors;
      nounRoles(ix, t, lo, hi);
      t.actors = keep;
      t.targets = t.targets.filter((x) => !keep.includes(x));
    }
    // "sent three warships to its territory": forces sent to one's own ground (or nowhere named) are a
    // mobilisation; sent to another party they are military aid
    if (
      t.cameo === '072' &&
      t.entry.obj &&
      [...t.entry.obj].some((o) => MILITARY.has(o) || /ships$/.test(o))
    ) {
      const dest = destination(ix, t.consumedEnd, hi);
      if (dest === 'own' || (dest === null && t.targets.length === 0)) {
        t.type = 'MOBILIZE';
        t.cameo = '154';
        t.mode = 'troops';
      }
    }
    // troops or peacekeepers "arriving in" a country are a deployment, not a visit
    if (t.type === 'CONSULT' && t.mode === 'visit' && t.entry.next) {
      for (let q = subj.start; q < t.start; q++) {
        if (MILITARY.has(ix.low[q]!) || /^peace-?keep/.test(ix.low[q]!)) {
          t.type = 'AID';
          t.cameo = '074';
          t.mode = null;
          break;
        }
      }
    }
    // "…, but was still refusing …": an elliptical subject is the previous verb's
    if (t.actors.length === 0 && !t.entry.noun && !passive && subj.auxOnly && lastActors.length > 0)
      t.actors = [...lastActors];
    const a = attr.at(t.start);
    // "criticized Roed-Larsen over his allegations that Damascus smuggles …": the one accusing is the person
    // just named, the one accused the subject of the that-clause
    if (t.entry.noun && /^11[25]/.test(t.cameo ?? '')) {
      const own = [t.start - 1, t.start - 2].find((q) => q >= lo && /^(?:his|her)$/.test(ix.low[q]!));
      if (
        t.actors.length === 0 &&
        own !== undefined &&
        (own === t.start - 1 ||
          ADJECTIVE.test(ix.low[t.start - 1]!) ||
          /^(?:recent|new|latest|fresh|own)$/.test(ix.low[t.start - 1]!))
      ) {
        for (let q = own - 1; q >= lo; q--) {
          const id = entAt(ix, q);
          if (id && entityById(ix, id)?.type === 'PERSON') {
            t.actors = [id];
            break;
          }
        }
      }
      let that = t.end;
      // "allegations by Roed-Larsen that …": past the accuser's name
      while (that < Math.min(hi, t.end + 8) && ix.low[that] !== 'that' && !isBoundary(ix, that)) that++;
      if (t.targets.length === 0 && ix.low[that] === 'that') {
        let q = that + 1;
        if (ix.low[q] === 'the') q++;
        const id = entAt(ix, q);
        // the clause's subject, not a modifier of it ("that Iraqi forces …" names Iraq through its nationality)
        const ms = ix.mentionStart[q]! >= 0 ? ix.mentionStart[q]! : q;
        if (id && ms === q && !t.actors.includes(id) && ix.low[mentionEnd(ix, q)] !== "'s") t.targets = [id];
      }
    }
    // "their withdrawal": the possessor is the clause subject, else the (indirect) speaker
    if (t.actors.length === 0 && t.entry.noun && possessivePronounBefore(ix, t.start, lo)) {
      if (subj.entities.length > 0) t.actors = [...subj.entities];
      else if (a?.source && !inDirectQuote(ix, t.start)) t.actors = [a.source];
      // "Iraq flouted the sanctions in force since its invasion of Kuwait": the sentence's subject
      else t.actors = mainSubject(ix, lo, t.start).filter((x) => !t.targets.includes(x));
    }
    // "a collision between an Italian warship and a boat killed four people", "the blast that killed
    // Hariri": an accident or a device is no actor, and neither are the names that qualify it
    if (!t.entry.noun && !passive && (t.type === 'ASSAULT' || t.type === 'FIGHT')) {
      const from = /^(?:that|which)$/.test(ix.low[subj.clause - 1] ?? '')
        ? Math.max(lo, subj.clause - 6)
        : subj.start;
      if (ix.low.slice(from, t.start).some((w) => MISHAPS.has(w))) t.actors = [];
    }
    // "Beijing's sudden announcement that it would sign …": the pronoun is the one who announced
    if (
      t.actors.length === 0 &&
      !t.entry.noun &&
      !passive &&
      subj.pronoun &&
      ix.low[subj.start - 1] === 'that'
    ) {
      for (let q = subj.start - 2; q >= Math.max(lo, subj.start - 6); q--) {
        const l = ix.low[q]!;
        if (l === "'s" || /'s$/.test(l)) {
          const id = entAt(ix, l === "'s" ? q - 1 : q);
          if (id && !t.targets.includes(id)) t.actors = [id];
          break;
        }
        if (!/^\p{Ll}/u.test(ix.tokens[q]!.text) || isBoundary(ix, q) || isReportingVerb(ix, q)) break;
      }
    }
    const relativeClause = /^(?:that|which)$/.test(ix.low[subj.clause - 1] ?? '') && subj.clause === t.start;
    // the speaker acts only when the quoted subject is "we"/"I" or there is no subject at all ("… to
    // work together," he said); a third-party subject without a name stays unresolved rather than wrong
    if (
      t.actors.length === 0 &&
      !t.entry.noun &&
      !passive &&
      a?.source &&
      (subj.firstPerson ||
        // "Palestinian leaders said they would boycott …": outside a quote, an unresolved pronoun is the speaker
        (subj.pronoun && !inDirectQuote(ix, t.start)) ||
        (subj.empty && !subj.anaphor && subj.start >= t.start && !relativeClause))
    )
      t.actors = [a.source];
    // 'Chavez insisted …, "including the United States," and hailed …': a verb coordinated across a quote
    // or a clause shares the sentence's subject
    if (t.actors.length === 0 && !t.entry.noun && !passive && ix.low[c] === 'and' && c > lo)
      t.actors = mainSubject(ix, lo, c).filter((x) => !t.targets.includes(x));
    // '…, said Song, demanding that …', 'Hu said when meeting with Howard': a participle with no subject of its
    // own after a report is the speaker's (or the main subject's)
    // "Slamming the council …, the Chinese ambassador said": a leading participle is the main subject's
    if (t.actors.length === 0 && !t.entry.noun && t.start === lo && /ing$/.test(ix.low[t.start]!)) {
      const main = mainSubject(ix, lo, hi).filter((x) => !t.targets.includes(x));
      if (main.length > 0) t.actors = main;
    }
    // "While (enthusiastically) praising France, China warned …"
    let sub = t.start - 1;
    while (sub > lo && isAdverb(ix.low[sub]!)) sub--;
    const subordinateIng =
      !t.entry.noun &&
      /ing$/.test(ix.low[t.start]!) &&
      subj.start > sub &&
      /^(?:when|while|after|before|since)$/.test(ix.low[sub] ?? '');
    if (
      t.actors.length === 0 &&
      !t.entry.noun &&
      !passive &&
      /ing$/.test(ix.low[t.start]!) &&
      (subj.adjunct || subordinateIng)
    ) {
      let main = mainSubject(ix, lo, t.start).filter((x) => !t.targets.includes(x));
      // "While defending the realignment, he played down …": the clause after the leading phrase
      const lead = t.start < leadingAdverbialEnd(ix, lo, hi);
      if (main.length === 0 && lead) main = mainSubject(ix, lo, hi).filter((x) => !t.targets.includes(x));
      const speaker = speakers.find((x) => !t.targets.includes(x));
      if (main.length > 0 && lead) t.actors = main;
      else if (speaker) t.actors = [speaker];
      else if (main.length > 0) t.actors = main;
    }
    // "Nigeria announced that it will withdraw …", "Palestinian leaders said they would boycott …": outside a
    // quote, a pronoun subject of a reported clause is the reporting clause's subject
    if (t.actors.length === 0 && !t.entry.noun && !passive && subj.pronoun && !inDirectQuote(ix, t.start)) {
      const cue = reportingCueBefore(ix, lo, subj.start);
      if (cue > lo) t.actors = mainSubject(ix, lo, cue).filter((x) => !t.targets.includes(x));
    }
    // "Islamists claimed to have captured …": the claimant is the one who says it acted
    if (t.actors.length === 0 && !t.entry.noun && !passive) {
      let q = t.start - 1;
      if (ix.low[q] === 'have') q--;
      if (q - 1 > lo && ix.low[q] === 'to' && isReportingVerb(ix, q - 1))
        t.actors = mainSubject(ix, lo, q - 1).filter((x) => !t.targets.includes(x));
    }
    // "He rejected …", "It called on …", "The group called for …": the one the story was just about
    if (t.actors.length === 0 && !passive && subj.singular && !t.entry.mustClause) {
      // "sanctions were imposed on Iraq after it invaded Kuwait": in a subordinate clause, "it" is the
      // country or body just named in the same sentence
      const local = subj.singular === 'org' && subj.pronoun ? nameBeforeClause(ix, lo, subj.clause) : null;
      const ref = local
        ? { id: local, sentence: s }
        : subj.singular === 'person'
          ? salient.person
          : salient.org;
      // a definite description ("the leader") reaches back one sentence, a pronoun or "the group" two
      const reach = subj.singular === 'person' && !subj.pronoun ? 1 : 2;
      // "the defence minister", "the president": the one person the story gives that title, wherever it did
      // (a salient speaker with another title is not meant)
      const titled =
        subj.singular === 'person' && !subj.pronoun ? titledPerson(ix, subj.start, t.start) : undefined;
      // "The United States pushed … . But the European draft does not … . It asks …": "it" is the unnamed
      // subject in between, not the name before it
      const skipped = !local && subj.pronoun && ref && ref.sentence < s - 1 && unnamedSubject(ix, s - 1);
      if (titled) {
        if (!t.targets.includes(titled)) t.actors = [titled];
      } else if (
        titled === undefined &&
        ref &&
        !skipped &&
        s - ref.sentence <= reach &&
        !t.targets.includes(ref.id)
      )
        t.actors = [ref.id];
    }
    // "X said after talks with Y", "the North put forth … during meetings with Z": a meeting named in an
    // adverbial is the main subject's, else the speaker's
    if (t.type === 'CONSULT' && t.entry.noun && t.actors.length === 0 && t.targets.length > 0) {
      let main = mainSubject(ix, lo, t.start).filter((x) => !t.targets.includes(x));
      // a meeting inside the sentence's leading phrase belongs to the subject after it
      if (main.length === 0 && t.start < leadingAdverbialEnd(ix, lo, hi))
        main = mainSubject(ix, lo, hi).filter((x) => !t.targets.includes(x));
      const speaker = a?.source ?? speakers.find((x) => !t.targets.includes(x));
      if (main.length > 0) t.actors = main;
      else if (speaker && !t.targets.includes(speaker)) t.actors = [speaker];
    }
    t.actors = normalizeParticipants(ix, t.actors);
    t.targets = normalizeParticipants(ix, t.targets);
    if (!t.entry.noun && t.actors.length > 0) {
      prevActors = t.actors;
      prevRelative = relative;
    }
    // only a verb's subject is what the story is about: "a US demand" inside another subject's clause is not
    // what a following "it" means
    if (t.actors.length > 0 && !passive && !t.entry.noun) noteSalient(ix, salient, t.actors, s);
    t.targets = t.targets.filter((x) => !t.actors.includes(x));
    // location: "in/at <place>" in the clause
    let locAfterTrigger = false;
    for (let q = Math.max(lo, subj.start); q < Math.min(hi, t.consumedEnd + 15); q++) {
      const id = entAt(ix, q);
      if (id && isLocType(ix, id) && locPrepped(ix, q, lo)) {
        locAfterTrigger = q >= t.end;
        // "called on the new government in Turkmenistan to …": the place names the target, not the venue
        const m = ix.mentionStart[q]! >= 0 ? ix.mentionStart[q]! : q;
        if (t.targets.includes(id) && AGENTIVE.has(ix.low[m - 2] ?? '')) break;
        t.location = id;
        t.targets = t.targets.filter((x) => x !== id);
        break;
      }
    }
    // "Iran and Syria, whom he accuses of …": the relative pronoun's antecedent is the object ("President
    // Kovac, with whom Chernomyrdin met", "Abe, with whom he will hold talks": the other side of the meeting)
    const withWhom = ix.low[subj.clause - 2] === 'with';
    if (
      t.targets.length === 0 &&
      !t.entry.noun &&
      !passive &&
      ix.low[subj.clause - 1] === 'whom' &&
      (!withWhom || /^0[3-6]/.test(t.entry.cameo ?? ''))
    ) {
      const ante: string[] = [];
      const start = withWhom ? subj.clause - 3 : subj.clause - 2;
      for (let q = start; q >= Math.max(lo, subj.clause - 8); q--) {
        if (ix.low[q] === ',' && ante.length === 0) continue;
        const id = entAt(ix, q);
        if (id) {
          if (!ante.includes(id) && !t.actors.includes(id)) ante.unshift(id);
        } else if (ix.low[q] !== 'and' && ix.low[q] !== ',') break;
      }
      t.targets = normalizeParticipants(ix, ante);
    }
    // "warned that Iran would resort to other means if the EU …": the condition names who is threatened
    // ("demanded an increase … unless Belarus agreed to …": so does a demand's)
    if ((t.type === 'THREATEN' || t.type === 'DEMAND') && t.targets.length === 0) {
      for (let q = t.end; q < Math.min(hi, t.end + 25); q++) {
        if (ix.low[q] !== 'if' && ix.low[q] !== 'unless') continue;
        let r = q + 1;
        if (ix.low[r] === 'the') r++;
        const id = entAt(ix, r);
        if (id && !t.actors.includes(id)) t.targets = normalizeParticipants(ix, [id]);
        break;
      }
    }
    // "imposed a curfew in Abidjan", "arrived in Amman", "strengthened its forces in Lebanon": an action done
    // to or at a place with no other target is aimed at that place (PLOVER codes the place's country)
    // "a missionary was arrested in Lebanon": with no agent named, a coercion done in a country is done by its
    // authorities (CAMEO codes the state as the source)
    if (passive && t.type === 'COERCE' && t.actors.length === 0 && t.targets.length > 0 && t.location) {
      const place = entityById(ix, t.location);
      const state = place?.type === 'GPE' && place.country ? countryEntity(ix, place.country) : null;
      if (state && !t.targets.includes(state)) t.actors = [state];
    }
    if (t.targets.length === 0 && t.location && (PLACE_TARGETED.has(t.type) || t.mode === 'visit')) {
      t.targets = [t.location];
    }
    // "agreed to set up a centre in Tokyo", "demanded parties in Iraq allow …", "opened an embassy in Tehran":
    // a place in what was agreed, demanded or backed, with no other target, is what it concerns; a place before
    // the trigger ("In Geneva, the two agreed") is only the venue
    else if (t.targets.length === 0 && t.location && locAfterTrigger && PLACE_CONCERNED.has(t.type)) {
      t.targets = [t.location];
    }
    // "attacked the decision", "a scathing attack on the budget plan": words, not force
    if ((t.type === 'ASSAULT' || t.type === 'FIGHT') && verbalAttack(ix, t, lo, hi)) {
      t.type = 'DISAPPROVE';
      t.cameo = '111';
      t.mode = null;
    }
    // military context turns an attack or killing into FIGHT
    else if (t.entry.military) {
      for (let q = Math.max(lo, t.start - 8); q < Math.min(hi, t.end + 8); q++) {
        if (MILITARY.has(ix.low[q]!)) {
          t.type = 'FIGHT';
          t.cameo = '190';
          break;
        }
      }
    }
    let modality = decideModality(ix, t, lo, a !== null);
    // "would not follow the US example" is a refusal; "followed suit" is no rejection at all
    if (t.entry.negOnly) {
      if (modality !== 'negated') continue;
      modality = a !== null ? 'reported' : 'asserted';
    }
    if (t.type === 'CONSULT' && !t.mode) {
      const span = ix.text.slice(
        ix.tokens[t.start]!.start,
        ix.tokens[Math.min(hi, t.consumedEnd + 1) - 1]!.end,
      );
      if (MULTI.test(span) || t.actors.length + t.targets.length >= 3) t.mode = 'multilateral';
    }
    // a meeting named by a noun needs two sides ("a European visit" names none)
    if (t.entry.noun && t.type === 'CONSULT' && t.actors.length + t.targets.length < 2) continue;
    // "will fight to the last": a fight needs an opponent or a military context
    if (t.entry.arg && t.targets.length === 0 && !militaryNear(ix, t, lo, hi)) continue;
    let { time, date } = timeFor(ix, t, subj.clause, hi, modality, subj.adjunct || subordinateIng);
    // "The United States said Saturday that Cuba must …": a demand read off a must-clause is made when the
    // report was
    if (!date && t.entry.mustClause) {
      let cue = t.start - 1;
      while (cue >= lo && !isReportingVerb(ix, cue)) cue--;
      for (const k of [cue + 1, cue - 1, cue + 2, cue - 2]) {
        const ti = cue >= 0 && k >= lo && k < t.start ? ix.timeAt[k]! : -1;
        const tm = ti >= 0 ? ix.times[ti]! : null;
        if (tm?.value && /^\d{4}-\d\d-\d\d/.test(tm.value) && tm.type === 'DATE') {
          time = tm.id;
          date = tm.value;
          break;
        }
      }
    }
    let generic: GenericActor | null = null;
    if (t.actors.length === 0 && (passive || (t.entry.noun && ix.low[t.end] === 'by'))) {
      for (let by = t.end; by < Math.min(hi, t.end + 4); by++)
        if (ix.low[by] === 'by') {
          generic = genericAfter(ix, by + 1, hi);
          break;
        }
    } else if (t.actors.length === 0 && !passive && !t.entry.noun && (subj.adjunct || subordinateIng)) {
      // "The coalition … called for a session after blaming Damascus": the main clause's description
      generic = mainGeneric(ix, lo, t.start);
    } else if (!passive && !subj.adjunct && !t.entry.noun && !subj.inherit) {
      // also when the only names are the description's own modifiers ("a Burmese dissident group": Burma, OPP)
      const g = genericBefore(ix, subj.start, t.start, lo);
      if (g && t.actors.every((x) => insideSpan(ix, x, g))) generic = g;
    }
    const first = ix.tokens[t.start]!;
    const last = ix.tokens[t.end - 1]!;
    out.push({
      id: '',
      type: t.type,
      mode: t.mode,
      cameo: t.cameo,
      actors: t.actors,
      targets: t.targets,
      location: t.location,
      date,
      time,
      modality,
      trigger: { start: first.start, end: last.end, text: ix.text.slice(first.start, last.end) },
      sentence: s,
      quote: a?.quote ?? null,
      rule: t.rule,
      ...(generic ? { genericActor: generic } : {}),
      // other nouns and passives may name only the patient ("attacks on Iraq")
      patientOnly: passive || (t.entry.noun && t.type !== 'CONSULT') || subj.armed,
    });
    // groups that a later "they" / "the two sides" can refer to: co-actors, and the sides of a meeting
    if (t.actors.length >= 2) groups.push({ sentence: s, ids: t.actors });
    else if (t.type === 'CONSULT' && t.actors.length > 0 && t.targets.length > 0)
      groups.push({ sentence: s, ids: [...t.actors, ...t.targets] });
  }
  // a speaker of this sentence is someone a later "he" or "it" can mean
  if (speakers.length > 0) noteSalient(ix, salient, [speakers.at(-1)!], s);
  return out;
}

export const SPEAKERS = new WeakMap<DocIndex, Map<number, string[]>>();

/** Speakers of the quotes that start in sentence [lo, hi), in order (quotes are indexed once per document). */
export function sentenceSpeakers(ix: DocIndex, lo: number, _hi: number): string[] {
  let bySentence = SPEAKERS.get(ix);
  if (!bySentence) {
    bySentence = new Map();
    for (const q of ix.quotes) {
      if (!q.speaker) continue;
      const k = tokenAtOrAfter(ix.tokens, q.start);
      if (k < 0 || k >= ix.tokens.length) continue;
      const s = ix.tokens[k]!.sentence;
      const list = bySentence.get(s) ?? [];
      if (!list.includes(q.speaker)) list.push(q.speaker);
      bySentence.set(s, list);
    }
    SPEAKERS.set(ix, bySentence);
  }
  return bySentence.get(ix.tokens[lo]!.sentence) ?? [];
}

export function militaryNear(ix: DocIndex, t: Trigger, lo: number, hi: number): boolean {
  for (let q = Math.max(lo, t.start - 8); q < Math.min(hi, t.end + 8); q++) {
    if (MILITARY.has(ix.low[q]!) || /^(?:war|wars|battle|rebels|militants|insurgents)$/.test(ix.low[q]!))
      return true;
  }
  return false;
}

export const DEMAND_ENTRY: LexEntry = {
  rule: 'rule:must-clause',
  cameo: '100',
  type: 'DEMAND',
  mode: null,
  noun: false,
  lemmas: ['must'],
  forms: [['must']],
  obj: null,
  next: null,
  gov: 'demand',
  military: false,
  comp: false,
  arg: false,
  dobj: false,
  modal: false,
  state: false,
  noForecast: false,
  negOnly: false,
  between: false,
  topic: false,
  mustClause: true,
};

/** Absorbs triggers in the complement of a governing verb and sets its targets and type. */
export function governComplement(ix: DocIndex, g: Trigger, all: Trigger[], hi: number, lo: number): void {
  const limit = Math.min(hi, g.consumedEnd + 24);
  if (g.entry.mustClause) {
    // "Y must Z": everything up to the clause end is the demanded action
    let end = limit;
    for (let k = g.end; k < limit; k++) {
      const l = ix.low[k]!;
      // "… must deal with Y and the sanctions imposed on Z could not …": a new clause after "and"
      const newClause = l === 'and' && (ix.low[k + 1] === 'the' || ix.entityAt[k + 1]! >= 0);
      if (l === ';' || l === '.' || CLAUSE_WORDS.has(l) || newClause) end = Math.min(end, k);
    }
    for (const t of all) if (t !== g && t.start >= g.end && t.start < end) t.absorbed = true;
    void lo;
    return;
  }
  let comp = -1; // token of "to" or "that" opening the complement
  for (let k = g.consumedEnd; k < limit; k++) {
    const l = ix.low[k]!;
    // "offered its troops to Lebanon's president to help …": "to" before a name is a preposition
    if (l === 'to' && (ix.entityAt[k + 1]! >= 0 || (ix.low[k + 1] === 'the' && ix.entityAt[k + 2]! >= 0)))
      continue;
    if (l === 'to' || l === 'that') {
      comp = k;
      break;
    }
    if (l === ';' || l === '.' || isReportingVerb(ix, k)) break;
  }
  if (comp < 0) return;
  let inner: Trigger | null = null;
  let end = limit;
  // the complement ends at a comma or at a subordinate clause ("… to end the spat set off when Georgia
  // arrested …": the arrest is not part of what was called for)
  for (let k = comp + 1; k < limit; k++) {
    const l = ix.low[k]!;
    if (l === ',' || l === ';' || l === '.' || (k > comp + 1 && CLAUSE_WORDS.has(l) && l !== 'that')) {
      end = k;
      break;
    }
  }
  for (const t of all) {
    if (t !== g && !t.absorbed && t.start > comp && t.start < end) {
      t.absorbed = true;
      inner ??= t;
    }
  }
  g.inner = inner;
  if (g.entry.gov === 'threaten' && inner) g.mode = inner.mode;
  // "vowed to fight": an intention to act against someone is a threat
  if (
    g.entry.gov === 'agree' &&
    inner &&
    CONFLICT_MATERIAL.has(inner.type) &&
    !/^agree/.test(ix.low[g.start]!) &&
    // "offered troops to help him oust Aoun": helping someone else is no threat of one's own
    !/^(?:help|assist|enable)$/.test(ix.low[comp + 1] ?? '')
  ) {
    g.type = 'THREATEN';
    g.cameo = '130';
    g.mode = inner.mode;
  }
  if (g.entry.gov === 'demand') {
    // targets: entities between the verb and "to" ("called on Russia and North Korea to"), or the subject
    // of the that-clause ("demanded that the DPRK forsake")
    const from = ix.low[comp] === 'that' ? comp + 1 : g.consumedEnd;
    const to = ix.low[comp] === 'that' ? Math.min(end, comp + 8) : comp;
    const targets: string[] = [];
    for (let k = from; k < to; k++) {
      if (ix.low[k] === 'to' && ix.low[comp] === 'that') break;
      const id = entAt(ix, k);
      if (id && !targets.includes(id)) targets.push(id);
    }
    g.targets = targets;
  }
}

/** The destination after a sending verb: "to its/their …" (own), "to <anything else>" (other), or none. */
export function destination(ix: DocIndex, from: number, hi: number): 'own' | 'other' | null {
  for (let k = from; k < Math.min(hi, from + 4); k++) {
    if (ix.low[k] === 'to' && !infinitival(ix, k)) {
      if (/^(?:its|their|his|her)$/.test(ix.low[k + 1] ?? '')) return 'own';
      // "to the south", "to the border", "to the front": a direction or front line, not another party
      if (ix.low[k + 1] === 'the' && OWN_GROUND.has(ix.low[k + 2] ?? '') && ix.low[k + 3] !== 'of')
        return 'own';
      return 'other';
    }
  }
  return null;
}

/**
 * True when an attack is made with words: a verbal modifier ("a scathing attack"), an abstract object ("attacked
 * the decision", "an attack on the budget plan"), or a charge ("attacked Modi over the budget") with no
 * military word around. "Government" counts as abstract only after "on"/"attacked" with no weapon in sight.
 */
export function verbalAttack(ix: DocIndex, t: Trigger, lo: number, hi: number): boolean {
  if (!/^(?:18|19)/.test(t.cameo ?? '') || militaryNear(ix, t, lo, hi)) return false;
  const attackWord = (k: number) =>
    /^(?:attack|attacks|attacked|attacking|assault|assaults)$/.test(ix.low[k]!);
  let head = -1;
  for (let k = t.start; k < t.consumedEnd; k++) if (attackWord(k)) head = k;
  if (head < 0) return false;
  for (let k = Math.max(lo, head - 3); k < head; k++) if (VERBAL_MODIFIERS.has(ix.low[k]!)) return true;
  let k = head + 1;
  if (ix.low[k] === 'on' || ix.low[k] === 'against') k++;
  for (let n = 0; k < hi && n < 6; k++, n++) {
    const l = ix.low[k]!;
    // "attacked the Dalai Lama's own human rights record": a possessor's name does not count against the window
    if (ix.entityAt[k]! >= 0 || l === "'s") n--;
    if (ABSTRACT_HEADS.has(l)) return true;
    if (l === 'over' || l === 'for') return n > 0 && ix.entityAt[k - 1]! >= 0 && ix.entityAt[k + 1]! < 0;
    if (l === ',' || l === '.' || CLAUSE_WORDS.has(l) || (l === 'of' && n > 1)) break;
  }
  return false;
}

/** Material event types whose target is the place where they happen when nobody else is named. */
export const PLACE_TARGETED: ReadonlySet<PloverType> = new Set([
  'CONCEDE',
  'RETREAT',
  'COERCE',
  'AID',
  'MOBILIZE',
  'FIGHT',
  'ASSAULT',
  'SANCTION',
  'PROTEST',
  'THREATEN',
]);

/** Event types whose object place, after the trigger, is what the event concerns when no target is named. */
export const PLACE_CONCERNED: ReadonlySet<PloverType> = new Set(['AGREE', 'SUPPORT', 'DEMAND', 'COOPERATE']);

/** True when the noun at i is the object of a holding verb ("maintains a trade embargo", "carried out attacks"). */
export function heldBy(ix: DocIndex, i: number, lo: number): boolean {
  for (let k = i - 1; k >= Math.max(lo, i - 4); k--) {
    const l = ix.low[k]!;
    if (HOLDING_VERBS.has(l)) return true;
    if (l === 'out' || l === 'up') continue;
    if (!nounModifierWord(ix, k) && !/^(?:a|an|the|its|their|new|fresh)$/.test(l)) return false;
  }
  return false;
}
