import type { EvalArea } from './area.js';
import { benchmarkArea } from './areas/benchmarks.js';
import { corefWire3Blind, corefWire3Dev, corefWireBlind, corefWireDev } from './areas/coref-wire.js';
import { corpusBulkBlind, corpusBulkDev } from './areas/corpus-bulk.js';
import { eventsClaimsAfpArea } from './areas/events-claims-afp.js';
import { exhaustiveWireBlind, exhaustiveWireDev } from './areas/exhaustive-wire.js';
import { exhaustiveWire2Blind, exhaustiveWire3Blind, exhaustiveWire3Dev } from './areas/exhaustive-wire-2.js';
import { polnearDevPrecision, polnearTrainPrecision } from './areas/polnear-precision.js';
import { quoteSpeakersAfpArea } from './areas/quote-speakers-afp.js';
import { seedArea } from './areas/seed.js';
import { timesAfpArea } from './areas/times-afp.js';

/**
 * Every quality measurement of `npm run eval`, one line each. Add an area by writing one module under
 * `eval/areas/` (or one `benchmarkArea(...)` line for an evaluator of `src/services/evaluate/`) and listing
 * it here; `eval/run.ts` prints blind areas first, whatever their place in this list.
 */
export const AREAS: readonly EvalArea[] = [
  seedArea,
  exhaustiveWireBlind,
  exhaustiveWireDev,
  exhaustiveWire2Blind,
  exhaustiveWire3Blind,
  exhaustiveWire3Dev,
  corefWireBlind,
  corefWireDev,
  corefWire3Blind,
  corefWire3Dev,
  corpusBulkBlind,
  corpusBulkDev,
  benchmarkArea(
    'polnear-train',
    'polnear',
    'eval/quotes/polnear/train',
    'blind',
    'PolNeAR attribution, train split (840 docs; its errors were never read)',
  ),
  benchmarkArea(
    'polnear-dev',
    'polnear',
    'eval/quotes/polnear/dev',
    'tuned',
    'PolNeAR attribution, dev split (84 docs, tuned on)',
  ),
  polnearTrainPrecision,
  polnearDevPrecision,
  benchmarkArea(
    'ud-pud',
    'conllu',
    'eval/syntax/ud-english/en_pud-ud-test.conllu',
    'blind',
    'dependency parse, UD English PUD on gold tokens (news and Wikipedia; not trained on, errors never read)',
  ),
  benchmarkArea(
    'ud-ewt-dev',
    'conllu',
    'eval/syntax/ud-english/en_ewt-ud-dev.conllu',
    'tuned',
    'dependency parse, UD English EWT dev on gold tokens (in the shipped training data: a regression guard only)',
  ),
  quoteSpeakersAfpArea,
  eventsClaimsAfpArea,
  benchmarkArea(
    'plover',
    'plover',
    'eval/events/plover/gsr-dev.jsonl',
    'tuned',
    'PLOVER GSR records: event type and actor countries (tuned on)',
  ),
  timesAfpArea,
  benchmarkArea(
    'timeml-tbaq',
    'timeml',
    'eval/time/tempeval3/TBAQ-cleaned',
    'tuned',
    'TempEval-3 TBAQ-cleaned timexes (AQUAINT, TimeBank)',
  ),
  benchmarkArea(
    'timeml-versions',
    'timeml',
    'eval/news/te3-silver-geopolitics/versions',
    'tuned',
    'TimeML silver timexes on AFP/Xinhua story versions',
  ),
  benchmarkArea(
    'heideltime-cases',
    'heideltime-cases',
    'eval/time/heideltime-cases/heideltime_english_cases.jsonl',
    'tuned',
    'HeidelTime English test cases',
  ),
  benchmarkArea('conll', 'conll', 'eval/ner/conll2003/eng.testa', 'tuned', 'CoNLL-2003 NER, testa'),
  benchmarkArea(
    're3d',
    're3d',
    'eval/ner/re3d',
    'tuned',
    're3d NER (names only; whether its errors were read is not recorded, so treated as dev)',
  ),
];
