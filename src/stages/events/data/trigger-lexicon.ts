/**
 * Our reviewed trigger lexicon: trigger words and phrases mapped to a CAMEO code and, through the CAMEO root, to a
 * PLOVER category. Written by us for wire news; the PETRARCH2 CAMEO verb dictionary (MIT) informed which
 * verbs belong to which CAMEO root, the rules are our own. Kept as compact text so that it reads like a
 * table and can be reviewed line by line.
 *
 * Line format: `forms | cameo | mode | constraints`
 * - forms: space-separated lemmas. `ban+` doubles the final consonant (banned, banning); `hold/held` or
 *   `give/gave/given` give irregular past forms. For noun entries the forms are literal and `_` joins the
 *   words of a multi-word noun.
 * - cameo: CAMEO code (its root decides the PLOVER type), or `crime` for PLOVER's CRIME (no CAMEO root).
 * - mode: PLOVER mode or `-`.
 * - constraints (space-separated): `obj=a,b` the trigger needs one of these object heads within five tokens
 *   after it; `next=on,for` a particle right after it (an adverb may intervene); `gov=agree|threaten|reject|
 *   demand|support` the trigger governs an infinitive or that-clause complement whose own trigger it absorbs;
 *   `noun` marks a noun trigger; `military` switches to FIGHT when military words surround it; `comp` the verb
 *   needs a "to"/"that"/"for" complement in its clause ("pressed Iran to", not "press ahead" or "a press
 *   briefing"); `arg` the event needs a target or military context ("will fight to the last" is figurative);
 *   `dobj` the verb needs a direct object right after it ("freed the hostages", not "free of weapons"); `modal`
 *   the verb needs a must/should/have-to clause after it ("insisted that sanctions must be lifted" is a demand,
 *   "insisted that talks went well" is not).
 *   `state` an adjective of attitude ("was disappointed with"): its holder is the subject, never a passive;
 *   `noforecast` a forecast clause after it ("warned that refugees could pour in") is no event; `negonly` only
 *   a negated use is an event ("would not follow the US example"); `between` the target stands between the
 *   verb and its object noun ("called him a puppet"); `topic` the object is a topic, the target only a
 *   "with" party ("discussed North Korea with Ray").
 * - a form written `=word` is taken literally, uninflected ("=backed": the base "back" has too many other uses).
 */
export const TRIGGER_LEXICON_TEXT = `
# AGREE (03): intentions and agreements
agree | 030 | - | gov=agree
pledge promise vow/vowed swear/swore/sworn | 030 | - | gov=agree
commit+ | 030 | - | next=to,itself,themselves,himself,herself gov=agree
offer | 030 | - | gov=agree
propose | 036 | - | gov=agree comp
assure reassure | 030 | - | dobj gov=agree
reach/reached | 030 | - | obj=agreement,deal,consensus,accord,understanding,compromise,settlement,truce
secure clinch seal conclude | 030 | - | obj=agreement,deal,accord,pact,contract,treaty,deals,agreements,contracts,accords
agreement deal accord truce pact ceasefire | 030 | - | noun next=reached,struck,brokered
agreement accord truce pact ceasefire cease-fire | 030 | - | noun next=between
reaffirm reiterate renew underscore underline | 030 | - | obj=commitment,commitments,pledge,resolve
express voice | 030 | - | obj=willingness,readiness,intention,hope,desire
=willing | 030 | - | next=to gov=agree
# CONSULT (04)
meet/met | 040 | - | -
hold/held have/had | 040 | - | obj=talks,meeting,meetings,summit,consultations,discussions,negotiations,conversation,dialogue,session,conference,consultation
discuss negotiate consult confer | 040 | - | topic
visit | 042 | visit | -
spend/spent | 042 | visit | obj=day,days,week,weeks,hours,night,nights
fly/flew/flown travel+ | 042 | visit | next=to arg
arrive/arrived | 042 | visit | next=in,here
visit visits | 042 | visit | noun
talks meeting meetings summit negotiations consultations | 040 | - | noun next=with,between
host | 043 | host | -
telephone phone | 041 | phone | -
inform | 040 | - | dobj
speak/spoke/spoken talk | 041 | phone | next=by
mediate | 045 | - | -
convene | 040 | - | obj=meeting,meetings,session,talks,summit,conference
attend | 040 | - | obj=forum,meeting,meetings,talks,summit,conference,session,consultations
# SUPPORT (05)
praise hail commend applaud welcome endorse salute congratulate | 051 | - | -
support | 051 | - | -
co-sponsor cosponsor | 051 | - | -
express voice | 051 | - | obj=support,solidarity,gratitude,appreciation,condolences,sympathy
reaffirm reiterate renew | 051 | - | obj=support,alliance,friendship,partnership,ties
=backed =backing | 051 | - | dobj
throw/threw/thrown | 051 | - | obj=weight
thank | 051 | - | dobj
give/gave/given lend/lent | 051 | - | obj=backing,blessing,endorsement,approval
defend | 052 | - | -
apologize apologise | 055 | - | -
forgive/forgave/forgiven | 056 | - | -
sign | 057 | - | obj=agreement,treaty,deal,accord,pact,memorandum,declaration,contract,agreements,deals,accords,convention,protocol,charter,treaties,conventions
recognize recognise | 054 | - | -
establish upgrade restore normalize normalise resume | 054 | - | obj=ties,relations
# COOPERATE (06)
cooperate collaborate | 060 | - | -
share | 064 | - | obj=intelligence,information,expertise,data
# AID (07)
give/gave/given provide grant pledge extend deliver contribute | 070 | - | obj=aid,assistance,grant,loan,loans,credit,money,dollars,funds,funding,food,medicine,supplies,relief,help,euros,goods,material,materials,equipment,vaccines,tents,blankets
donate | 070 | - | -
grant | 075 | - | obj=asylum
send/sent dispatch ship+ supply transfer+ airlift+ deploy contribute | 072 | - | obj=material,troops,soldiers,forces,weapons,arms,missiles,munitions,ammunition,shells,drones,tanks,artillery,workers,personnel,equipment,contingent,battalion,units,warships,ships,vessels,frigates,destroyers,submarines,helicopters,gunships,jets,warplanes,aircraft,planes,marines,paratroopers,police,policemen
send/sent dispatch deliver ship+ airlift+ | 073 | - | obj=aid,food,medicine,supplies,relief,assistance,shipment
hand/handed | 070 | - | next=over
evacuate | 073 | - | -
troop_dispatch troop_deployment troop_deployments troops_deployment deployment_of_troops dispatch_of_troops arms_transfers missile_transfers transfer_of_missiles transfer_of_ballistic_missiles transfer_of_weapons arms_shipments | 072 | - | noun
# CONCEDE / RETREAT (08)
ease lift relax shorten | 081 | - | obj=curfew,restrictions,ban,emergency,measures,controls,blockade,lockdown,rules
ease lift relax | 085 | ease | obj=sanctions,embargo,boycott
allow permit | 083 | - | -
call/called | 082 | - | obj=strike,protest,boycott,demonstration,rally
release | 0841 | release | -
free/freed | 0841 | release | dobj
return | 0842 | return | obj=property,land,territory,weapons,remains,bodies,assets
withdraw/withdrew/withdrawn pull/pulled recall | 166 | expel | obj=inspectors,monitors,observers,ambassador,envoy,diplomats,peacekeepers,staff,workers,mission
withdraw/withdrew/withdrawn | 087 | withdraw | -
pull/pulled | 087 | withdraw | next=out,back
pull/pulled | 087 | withdraw | obj=troops,forces,soldiers,contingent,units
resign | 087 | - | -
step/stepped | 087 | - | next=down
demobilize demobilise disarm surrender | 0873 | disarm | -
declare | 0871 | ceasefire | obj=ceasefire,truce,cease-fire
withdrawal pullout pull-out retreat | 087 | withdraw | noun
follow/followed | 120 | - | obj=example,lead,suit negonly between
# INVESTIGATE (09)
investigate probe inspect | 090 | - | -
launch open begin/began/begun start complete conduct | 090 | - | obj=investigation,inquiry,probe,hearing,inspection,inspections
send/sent dispatch | 090 | - | obj=inspectors,investigators,monitors,observers,experts,team,mission
# DEMAND (10, and CAMEO 02 appeals, which PLOVER folds into DEMAND)
demand | 100 | - | gov=demand
insist | 100 | - | next=on gov=demand
insist | 100 | - | gov=demand modal
urge | 100 | - | gov=demand
expect want | 100 | - | dobj comp gov=demand
push/pushed | 100 | - | next=for gov=demand
press pressure | 100 | - | gov=demand comp
call/called | 100 | - | next=on,upon,for gov=demand
appeal request | 020 | - | gov=demand
ask | 020 | - | gov=demand comp
order | 100 | - | gov=demand comp
demand demands | 100 | - | noun gov=demand
appeal appeals plea pleas | 020 | - | noun
calls | 020 | - | noun next=for,on
call/called | 100 | - | dobj comp gov=demand
# DISAPPROVE (11)
condemn denounce criticize criticise decry deplore censure rebuke slam+ lambast lambaste blast deride | 111 | - | -
accuse blame | 112 | - | -
charge | 112 | - | next=that
protest | 114 | - | -
=disappointed | 111 | - | next=with,by,at state
=regretful | 111 | - | next=about,over,at state
regret+ | 111 | - | -
=concerned | 111 | - | next=over,about,at state
complain | 114 | - | -
lash/lashed | 111 | - | next=out
express voice | 111 | - | obj=concern,concerns,outrage,anger,regret,regrets,dismay,disappointment,displeasure,opposition,alarm,indignation
reaffirm reiterate restate | 111 | - | obj=opposition,objection,objections
sue/sued indict convict | 115 | - | -
condemnation criticism | 111 | - | noun
allegations allegation accusations accusation | 112 | - | noun next=that,by,against
concern concerns | 111 | - | noun next=raised,voiced,expressed,over,about
grilling rebuke dressing-down tongue-lashing lashing drubbing | 111 | - | noun
call/called brand label dub+ | 111 | - | obj=puppet,puppets,liar,liars,dictator,tyrant,traitor,traitors,criminal,criminals,terrorist,terrorists,murderer,murderers,thug,thugs,fascist,fascists,racist,hypocrite,hypocrites,coward,cowards,warmonger,aggressor,farce,sham,fraud,lie,lies,provocation,insult,disgrace,scandal between
# REJECT (12)
reject rebuff spurn dismiss refute rebut | 120 | - | -
refuse decline | 120 | - | gov=reject
oppose | 120 | - | -
deny | 120 | - | -
veto | 129 | - | -
defy/defied violate flout renege | 128 | - | -
turn/turned | 120 | - | next=down
block | 120 | - | obj=stance,position,resolution,proposal,proposals,plan,bid,draft,motion,statement,decision,nomination,appointment,membership,accession
rule/ruled | 120 | - | next=out
balk | 120 | - | next=at
refusal rejection | 120 | - | noun
# THREATEN (13)
threaten | 130 | - | gov=threaten
warn | 111 | - | next=against
warn | 130 | - | noforecast
give/gave/given issue deliver send/sent | 130 | - | obj=warning,warnings,ultimatum
ultimatum | 139 | - | noun
# PROTEST (14)
demonstrate rally march riot | 141 | demo | -
riot | 145 | riot | -
stage organize organise hold/held | 141 | demo | obj=protest,protests,rally,rallies,demonstration,demonstrations,march,sit-in,vigil
stage begin/began/begun start continue | 142 | strike-hun | obj=hunger
go/went/gone | 143 | strike-gen | next=on obj=strike,strikes
boycott | 143 | boycott | -
block blockade | 144 | obstruct | obj=roads,road,highway,streets,entrance,access,traffic
protest protests demonstration demonstrations rally rallies riots riot hunger_strike general_strike sit-in | 141 | demo | noun
# MOBILIZE (15)
mobilize mobilise | 154 | troops | obj=troops,forces,soldiers,reservists,army,military,units,reserves,men
mass | 154 | troops | obj=troops,forces,soldiers,tanks,units
deploy | 154 | troops | -
reinforce strengthen bolster boost beef | 154 | troops | obj=forces,troops,presence,defenses,defences,army,military
put/put place | 152 | troops | obj=alert
conduct stage hold/held | 150 | weapons | obj=exercises,drills,exercise,drill,maneuvers,manoeuvres,test,tests
launch fire/fired test-fire test-fired | 150 | weapons | obj=missile,missiles,rocket,rockets,projectile,projectiles
# SANCTION (16)
sever cut/cut break/broke/broken suspend freeze/froze/frozen downgrade | 161 | withdraw | obj=ties,relations,links,contacts
recall | 161 | withdraw | obj=ambassador,envoy,diplomats
suspend halt cut/cut reduce stop+ end freeze/froze/frozen | 162 | discontinue | obj=aid,assistance,supplies,funding,deliveries,loans,cooperation
suspend halt end stop+ break/broke/broken | 164 | withdraw | obj=talks,negotiations,mediation,dialogue
expel+ | 166 | expel | -
impose slap+ | 163 | - | obj=sanctions,embargo,tariffs,penalties,economic,trade
sanction | 163 | - | -
deny | 166 | expel | obj=entry,visas
ban+ forbid/forbade/forbidden prohibit | 163 | - | obj=contacts,trade,dealings,imports,exports,flights,investment
sanctions embargo suspension | 163 | - | noun
# COERCE (17)
arrest detain jail imprison | 173 | arrest | -
detention arrest | 173 | arrest | noun next=of
take/took/taken | 173 | arrest | obj=custody
kidnap+ | 173 | detain | -
deport | 174 | deport | -
impose extend institute reimpose | 1723 | curfew | obj=curfew
impose declare | 1724 | martial-law | obj=law,emergency,siege
ban+ outlaw prohibit forbid/forbade/forbidden | 1722 | ban | -
seize/seized confiscate | 1711 | seize | -
demolish destroy raze bulldoze | 1712 | destroy | -
blow/blew/blown | 1712 | destroy | next=up
set/set | 1712 | destroy | obj=fire
prevent block | 191 | restrict | obj=demonstration,rally,protest,march
blockade | 191 | restrict | -
impose reimpose tighten enforce | 191 | restrict | obj=blockade,blockades,siege,restrictions,closure
occupy | 192 | seize | -
crack/cracked | 175 | - | next=down
censor hack deface | 172 | censor | -
# ASSAULT (18, 20)
attack assault | 180 | - | military
kill/killed | 1823 | - | military
bomb | 183 | explosives | military
drop+ | 183 | explosives | obj=bomb,bombs,explosives
assassinate | 186 | assassinate | -
torture | 1822 | torture | -
rape | 1821 | sexual | -
abuse mistreat beat/beat/beaten | 182 | beat | -
abduct hijack | 181 | abduct | -
massacre | 202 | massacre | -
attack attacks bombing bombings suicide_bombing car_bombing assassination massacre | 180 | - | noun military
torture | 1822 | torture | noun
# FIGHT (19)
fight/fought clash battle | 190 | - | arg
storm | 190 | - | dobj
shell bombard strafe | 194 | heavy-weapons | -
wipe/wiped | 190 | - | next=out arg
crush eliminate annihilate | 190 | - | arg dobj
invade | 190 | heavy-weapons | -
oust | 190 | - | dobj
capture retake/retook/retaken | 190 | heavy-weapons | obj=town,city,village,stronghold,base,territory,airport,province,district,region,area,hill,port,capital,positions,position,garrison,headquarters,camp,airfield,bridge
launch | 190 | - | obj=offensive,attack,attacks,invasion,airstrike,airstrikes,air,strikes,assault,raid,raids,incursion,operation,strike
open/opened | 193 | firearms | obj=fire
shoot/shot | 193 | firearms | -
violate | 196 | other | obj=ceasefire,truce,cease-fire,armistice
airstrike airstrikes air_strikes invasion offensive clashes fighting shelling | 190 | - | noun
# CRIME
smuggle traffic+ steal/stole/stolen rob+ loot embezzle launder | crime | - | -
`;
