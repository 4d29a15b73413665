/** Words after which a verb form is a noun ("the protest", "in order to", "in return"). */
export const NOUN_CONTEXT = new Set(
  "a an the its their his her 's this these those such any our my your no in".split(' '),
);

/** Adjective-looking words between a determiner and a noun ("the DPRK's ongoing support"). */
export const ADJECTIVE = /^[a-z-]+(?:ing|al|ive|ous|ful|ic|ary|ed)$/;

/** Prepositions that make a following gerund nominal; "by" is not one ("capped the debate by reaffirming …"). */
export const GERUND_PREP = new Set('for of on about in against without from'.split(' '));

export const BE = new Set('is are was were be been being am'.split(' '));

export const FUTURE = new Set(['will', 'would', "'ll", 'shall']);

export const INTENT_ADJ = new Set(
  'ready willing prepared determined plans planned plan intends intend intended wants want wanted seeks sought aims'.split(
    ' ',
  ),
);

export const EXPECT = new Set(
  'expected likely set scheduled due poised slated hope hopes hoped hoping'.split(' '),
);

/** "in a bid to reach", "efforts to end": what is aimed at has not happened. */
export const AIM_NOUNS = new Set(
  'bid bids effort efforts attempt attempts initiative push drive proposal'.split(' '),
);

export const NEGATION = new Set(['not', "n't", 'never', 'no']);

export const HYPOTHETICAL = new Set(['could', 'might', 'may', 'can']);

export const LOC_PREP = new Set(['in', 'at', 'near', 'outside', 'inside']);

export const PREP_START = new Set(
  'in on at during after before following despite amid as since separately meanwhile however earlier later last with without under for from by while when'.split(
    ' ',
  ),
);

export const MILITARY = new Set(
  'troops forces army military soldiers peacekeepers artillery tanks jets warplanes airstrike airstrikes navy fighters gunships helicopters'.split(
    ' ',
  ),
);

export const MULTI = /\b(?:trilateral|three-way|four-way|multilateral|quadrilateral|three-nation|summit)\b/i;

export const MODIFIER_PARTICIPLES = new Set(
  'armed alleged renewed expected planned proposed reported so-called combined united increased repeated'.split(
    ' ',
  ),
);

export const NON_VIOLENT_MODIFIERS = new Set('heart panic asthma anxiety charm verbal'.split(' '));

/** Prepositions after which a verb form is a noun ("under pressure", "calls for support", "drumming up support"). */
export const PREP_NOMINAL = new Set(
  'under of with for from without against despite amid over through up into toward towards'.split(' '),
);

/** Verbs that take the noun use of a trigger as their object ("received support", "won backing"). */
export const LIGHT_VERBS = new Set(
  (
    'receive received receives receiving win won wins winning gain gained gains gaining get got gets getting ' +
    'muster mustered mustering garner garnered garnering enjoy enjoyed enjoys need needs needed withhold ' +
    'withheld withholding seek seeks sought seeking lend lent lends lending drum drummed drumming'
  ).split(' '),
);

export const NOT_MODIFIER = new Set(
  'will would shall should can could may might must not never also still has have had is are was were be been to'.split(
    ' ',
  ),
);

export const NOT_BASE = new Set(
  'will would shall should can could may might must had did was were has does is are be been went took made gave came said told knew thought saw got sought kept held met left lost won ran paid sent spent stood brought bought fought found led felt meant began broke chose fell grew rose sold struck threw wrote not never also still'.split(
    ' ',
  ),
);

/** Words that can open a direct object. */
export const OBJECT_START = new Set(
  'the a an its their his her this these those all both some several many two three four five dozens hundreds thousands'.split(
    ' ',
  ),
);

export const NOT_OBJECT = new Set(
  'of at from to in on with for by as about into over after before during under than and or but if that which who not'.split(
    ' ',
  ),
);

/** Nouns that a verb form modifies when it is used attributively ("press briefing", "fighting presence"). */
export const COMPOUND_HEADS = new Set(
  'groups group briefing briefings conference conferences release releases statement statements secretary office officer corps agency freedom freedoms presence zone zones capability capabilities season ahead'.split(
    ' ',
  ),
);

export const SUBJECT_PRONOUNS = new Set('he she it who which that they we i'.split(' '));

export const OBJECT_PREP = new Set('on to by against over about into toward towards with'.split(' '));

export const RECEIVE = new Set('received receives receive got gets drew draws faced faces came'.split(' '));

/** "group", "alliance": generic only with a sector word before them ("a dissident group", "rebel alliance"). */
export const GROUP_NOUNS = new Set('group groups alliance movement faction factions'.split(' '));

export const AFTER_HEAD = new Set(
  'in on at near after during and or who which that as was were had have has from to of with for since last this earlier'.split(
    ' ',
  ),
);

export const DETERMINERS = new Set(
  'the a an some many several hundreds thousands dozens their its'.split(' '),
);

export const OWN_GROUND = new Set(
  'north south east west north-east north-west south-east south-west border frontier front frontline region area'.split(
    ' ',
  ),
);

/** Heads that make an attack verbal: one attacks a decision or a record with words. */
export const ABSTRACT_HEADS = new Set(
  (
    'decision decisions policy policies plan plans proposal proposals remarks comments statement statements record ' +
    'budget system treaty idea ideas law laws bill move stance report reports position approach strategy ' +
    'handling leadership credibility reputation rights ruling verdict resolution measure measures reform reforms ' +
    'government administration regime'
  ).split(' '),
);

export const VERBAL_MODIFIERS = new Set(
  'scathing stinging blistering verbal withering sharp bitter harsh thinly-veiled veiled rhetorical personal'.split(
    ' ',
  ),
);

/** Heads of subjects that cause harm without acting: accidents, disasters, devices. */
export const MISHAPS = new Set(
  'collision crash accident blast explosion explosions fire storm flood floods earthquake quake landslide bomb bombs device mine mines disease epidemic'.split(
    ' ',
  ),
);

/** Verbs that say how a meeting went rather than what someone did ("the talks ended", "were held"). */
export const ASPECT_VERBS = new Set(
  'ended began begun opened resumed closed concluded broke held took continued started'.split(' '),
);

/** Verbs whose object noun names the subject's own action ("maintains an embargo", "staged a protest"). */
export const HOLDING_VERBS = new Set(
  (
    'maintain maintains maintained keep keeps kept impose imposes imposed slap slaps slapped enforce enforces ' +
    'enforced tighten tightens tightened extend extends extended stage stages staged carry carries carried ' +
    'continue continues continued mount mounts mounted step steps stepped intensify intensifies intensified ' +
    'announce announces announced order orders ordered complete completes completed approve approves approved ' +
    'launch launches launched issue issues issued renew renews renewed repeat repeats repeated make makes made ' +
    'seek seeks seeking sought'
  ).split(' '),
);

export const PERSON_HEADS = new Set(
  (
    'president premier minister leader official spokesman spokeswoman envoy ambassador diplomat chief secretary ' +
    'chancellor king cleric negotiator commander senator mediator'
  ).split(' '),
);

export const ORG_HEADS = new Set(
  'group organisation organization watchdog agency body ministry council committee court tribunal alliance movement party union report'.split(
    ' ',
  ),
);

export const TITLE_SKIP = new Set('the new newly-appointed current'.split(' '));

export const ARMED = new Set(
  'gunmen militants rebels insurgents guerrillas militiamen militias police'.split(' '),
);

export const AUX_WORDS = new Set(
  'was were is are has have had would will could also still then later but and not never yet already'.split(
    ' ',
  ),
);

export const ENVOY_NOUNS = new Set(
  'representative envoy spokesman spokeswoman spokesperson ambassador deputy aide adviser advisor emissary negotiator'.split(
    ' ',
  ),
);

export const FINITE_AUX = new Set('has have had is are was were will would did does'.split(' '));

/** Heads of documents that "welcome", "condemn" or "urge" on behalf of whoever adopted them. */
export const DOC_NOUNS = new Set(
  'statement resolution declaration communique communiqué report letter motion text document'.split(' '),
);

/** Heads that make a modifying place or group name the actor ("US troops", "Israeli minister"). */
export const AGENTIVE = new Set(
  (
    'troops forces soldiers army military navy marines police officials official authorities government governments ' +
    'leader leaders minister ministers president premier chancellor spokesman spokeswoman spokesperson diplomats ' +
    'diplomat envoy envoys ambassador delegation delegates negotiators militants rebels fighters insurgents guerrillas ' +
    'jets warplanes aircraft planes ships warships vessels lawmakers legislators parliament officers commander ' +
    'commanders chief chiefs embassy ministry administration regime team prosecutors court judges side counterpart ' +
    'counterparts guards gunmen security intelligence agents negotiator leadership cabinet countries nations ' +
    'states members member movement group faction militia coalition alliance front union council company party'
  ).split(' '),
);

/** Titles that may be followed by their remit ("envoy on …", "coordinator for …") before the name. */
export const REMIT_NOUNS = new Set(
  'envoy envoys diplomat official representative ambassador negotiator coordinator adviser advisor mediator'.split(
    ' ',
  ),
);

/** Nouns that describe a company after its nationality ("Anglo-Dutch giant Royal Dutch Shell"). */
export const COMPANY_NOUNS = new Set(
  'giant firm company group conglomerate major maker producer operator'.split(' '),
);

/** Words that end the lower-case run after a modifying name. */
export const RUN_STOP = new Set(
  (
    'too also still now then however meanwhile already alone itself instead again ' +
    'is are was were be been has have had will would can could may might must should did does do and or but to of in ' +
    'on at for with by from as that which who not also has into over against about after before during ' +
    'since until amid despite under without through toward towards when while if unless'
  ).split(' '),
);

export const GROUP_HEADS = new Set(
  'sides countries nations states governments officials leaders ministers advisors advisers delegations parties presidents envoys negotiators allies neighbours neighbors counterparts'.split(
    ' ',
  ),
);

export const COUNTRY_HEADS = new Set('countries nations states governments'.split(' '));

export const COUNT_WORDS: Readonly<Record<string, number>> = { two: 2, both: 2, three: 3, four: 4, five: 5 };

export const CHARGE_STOP: ReadonlySet<string> = new Set(['of', 'for', 'over']);

/**
 * Verbs (lemmas) whose object is a reaction to what their subject did ("the test sparked condemnation", "X
 * tested a missile, drawing sanctions"): the reaction is aimed at that subject.
 */
export const REACTION_CAUSES = new Set(
  'spark prompt trigger provoke draw earn cause invite bring'.split(' '),
);
