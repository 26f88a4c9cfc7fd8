#!/usr/bin/env python3
"""Generates ../verbs.dyad: verbs, light verbs, event nouns, synsets and patterns for every CAMEO
event code of the CAMEO 1.1b3 manual.

All content is typed below by the dyad authors from their knowledge of CAMEO and of English news
language. The source is written in dyad's own format, grouped by CAMEO root for reading, with two
additions that this script expands:

- `    family NAME` in a verb entry adds the patterns of a pattern family. CAMEO repeats one set
  of objects (material cooperation, aid, reform, yielding, meeting, settling, mediation) across
  intent (03), appeal (02), demand (10) and rejection (12), each with its own codes; a family
  writes that structure once, so "promise aid", "call for aid", "demand aid" and "refuse aid"
  stay consistent (033, 023, 103, 122).
- An entry whose phrases repeat an earlier entry's phrases exactly adds its patterns to it, so a
  light verb (`hold`, `issue`, `make`) can get patterns in the section of each root.

The output is sorted by entry (check.py enforces it); within an entry patterns keep their order,
since the first matching pattern wins. The script fails if a CAMEO code is never produced.

Run: python3 verbs.py > ../verbs.dyad  (then check.py must report 0 errors).
"""

import re
import sys

VERSION = "2026.11.29"

# Every event code of the CAMEO 1.1b3 manual (roots 01-20 and their sub-codes).
CAMEO_CODES = """
010 011 012 013 014 015 016 017 018 019
020 021 0211 0212 0213 0214 022 023 0231 0232 0233 0234 024 0241 0242 0243 0244
025 0251 0252 0253 0254 0255 0256 026 027 028
030 031 0311 0312 0313 0314 032 033 0331 0332 0333 0334 034 0341 0342 0343 0344
035 0351 0352 0353 0354 0355 0356 036 037 038 039
040 041 042 043 044 045 046
050 051 052 053 054 055 056 057
060 061 062 063 064
070 071 072 073 074 075
080 081 0811 0812 0813 0814 082 083 0831 0832 0833 0834 084 0841 0842 085 086 0861 0862 0863
087 0871 0872 0873 0874
090 091 092 093 094
100 101 1011 1012 1013 1014 102 103 1031 1032 1033 1034 104 1041 1042 1043 1044
105 1051 1052 1053 1054 1055 1056 106 107 108
110 111 112 1121 1122 1123 1124 1125 113 114 115 116
120 121 1211 1212 122 1221 1222 1223 1224 123 1231 1232 1233 1234
124 1241 1242 1243 1244 1245 1246 125 126 127 128 129
130 131 1311 1312 1313 132 1321 1322 1323 1324 133 134 135 136 137 138 1381 1382 1383 1384
1385 139
140 141 1411 1412 1413 1414 142 1421 1422 1423 1424 143 1431 1432 1433 1434 144 1441 1442
1443 1444 145 1451 1452 1453 1454
150 151 152 153 154
160 161 162 1621 1622 1623 163 164 165 166 1661 1662 1663
170 171 1711 1712 172 1721 1722 1723 1724 173 174 175
180 181 182 1821 1822 1823 183 1831 1832 1833 184 185 186
190 191 192 193 194 195 196
200 201 202 203 204 2041 2042
""".split()

# Object slots shared by the intent, appeal, demand and reject families: (pattern after `*`,
# slot). Specific slots come first, since the first matching pattern wins.
SLOTS = [
    ("lift &sanctions", "sanctions"),
    ("ease &sanctions", "sanctions"),
    ("remove &sanctions", "sanctions"),
    ("end &sanctions", "sanctions"),
    ("lift &restrictions", "ease_admin"),
    ("ease &restrictions", "ease_admin"),
    ("end &restrictions", "ease_admin"),
    ("end &protests", "ease_dissent"),
    ("stop &protests", "ease_dissent"),
    ("call off &protests", "ease_dissent"),
    ("suspend &protests", "ease_dissent"),
    ("postpone &protests", "ease_dissent"),
    ("allow &inspectors", "intl"),
    ("admit &inspectors", "intl"),
    ("accept &inspectors", "intl"),
    ("allow &aid-workers", "intl"),
    ("withdraw &troops", "deescalate"),
    ("pull out &troops", "deescalate"),
    ("end &fighting", "deescalate"),
    ("stop &fighting", "deescalate"),
    ("halt &fighting", "deescalate"),
    ("&ceasefire", "deescalate"),
    ("cessation (of hostilities)", "deescalate"),
    ("reopen &border", "deescalate"),
    ("open &border", "deescalate"),
    ("lift &blockade", "deescalate"),
    ("withdrawal", "deescalate"),
    ("withdraw", "deescalate"),
    ("de-escalate", "deescalate"),
    ("release", "release"),
    ("free &prisoners", "release"),
    ("hand over &prisoners", "release"),
    ("return &property", "release"),
    ("&coop-econ", "coop_econ"),
    ("&coop-mil", "coop_mil"),
    ("&coop-jud", "coop_jud"),
    ("&coop-intel", "coop_intel"),
    ("&cooperation", "coop"),
    ("&diplo-support", "diplo"),
    ("&aid-econ", "aid_econ"),
    ("&aid-mil", "aid_mil"),
    ("&aid-hum", "aid_hum"),
    ("&peacekeepers", "peacekeeping"),
    ("&aid", "aid"),
    ("&leader-change", "leader"),
    ("&policy-change", "policy"),
    ("&rights", "rights"),
    ("&regime-change", "regime"),
    ("&reform", "reform"),
    ("&concessions", "yielding"),
    ("yield", "yielding"),
    ("back down", "yielding"),
    ("&mediation", "mediation"),
    ("mediate", "mediate"),
    ("&settlement", "settle"),
    ("settle", "settle"),
    ("&talks", "meet"),
    ("meet", "meet"),
    ("negotiate", "meet"),
]

FAMILY_CODES = {
    "intent": dict(
        coop="031", coop_econ="0311", coop_mil="0312", coop_jud="0313", coop_intel="0314",
        diplo="032", aid="033", aid_econ="0331", aid_mil="0332", aid_hum="0333",
        peacekeeping="0334", reform="034", leader="0341", policy="0342", rights="0343",
        regime="0344", ease_admin="0351", ease_dissent="0352", release="0353",
        sanctions="0354", intl="0355", deescalate="0356", meet="036", settle="037",
        mediation="038", mediate="039", yielding="035",
    ),
    "appeal": dict(
        coop="021", coop_econ="0211", coop_mil="0212", coop_jud="0213", coop_intel="0214",
        diplo="022", aid="023", aid_econ="0231", aid_mil="0232", aid_hum="0233",
        peacekeeping="0234", reform="024", leader="0241", policy="0242", rights="0243",
        regime="0244", ease_admin="0251", ease_dissent="0252", release="0253",
        sanctions="0254", intl="0255", deescalate="0256", meet="026", settle="027",
        mediation="028", mediate="028", yielding="025",
    ),
    "demand": dict(
        coop="101", coop_econ="1011", coop_mil="1012", coop_jud="1013", coop_intel="1014",
        diplo="102", aid="103", aid_econ="1031", aid_mil="1032", aid_hum="1033",
        peacekeeping="1034", reform="104", leader="1041", policy="1042", rights="1043",
        regime="1044", ease_admin="1051", ease_dissent="1052", release="1053",
        sanctions="1054", intl="1055", deescalate="1056", meet="106", settle="107",
        mediation="108", mediate="108", yielding="105",
    ),
    "reject": dict(
        # CAMEO 1.1b3 has no 1213/1214 (PLOVER's table adds them): judicial and intelligence
        # cooperation rejected fall back to 121, as in dyad's pinned event-code table.
        coop="121", coop_econ="1211", coop_mil="1212", coop_jud="121", coop_intel="121",
        diplo="120", aid="122", aid_econ="1221", aid_mil="1222", aid_hum="1223",
        peacekeeping="1224", reform="123", leader="1231", policy="1232", rights="1233",
        regime="1234", ease_admin="1241", ease_dissent="1242", release="1243",
        sanctions="1244", intl="1245", deescalate="1246", meet="125", settle="127",
        mediation="126", mediate="126", yielding="124",
    ),
}

# The objects of the intent family that a reported statement ("said it would ...") may carry:
# verb-led ones only, since the words are looked for anywhere in the complement.
REPORTED_INTENTS = [
    (after, slot) for after, slot in SLOTS
    if not after.startswith(("&", "withdrawal", "release"))
] + [
    ("release &prisoners", "release"),
    ("free &prisoners", "release"),
    ("provide &aid-hum", "aid_hum"),
    ("send &aid-hum", "aid_hum"),
    ("provide &aid", "aid"),
    ("send &aid", "aid"),
    ("cooperate", "coop"),
    ("support", "diplo"),
    ("back", "diplo"),
    ("resume &talks", "meet"),
    ("hold &talks", "meet"),
]

# Refusals a negated reported statement may carry besides the intent objects ("said it would
# not meet the demands", "will never accept the plan").
REPORTED_REFUSALS = [
    ("meet &demands", "124"), ("accept &demands", "124"), ("bow to &demands", "124"),
    ("give in", "124"), ("back down", "124"), ("accept &proposal", "120"),
    ("accept &refugees", "120"), ("recognize", "120"), ("recognise", "120"),
]

# Threats a reported statement may carry that an intent object would otherwise take ("said it
# would withdraw its peacekeepers" is a threat to end international involvement, not a pullback):
# tried before the intents.
REPORTED_THREATS_FIRST = [
    ("withdraw &peacekeepers", "136"), ("pull out &peacekeepers", "136"),
    ("withdraw &inspectors", "136"), ("expel &inspectors", "136"),
    ("withdraw &aid-workers", "136"), ("expel &aid-workers", "136"),
    ("end &mediation", "135"), ("halt &mediation", "135"), ("suspend &mediation", "135"),
    ("stop &talks", "134"), ("end &talks", "134"),
]

# Threats a reported statement may carry ("said it would impose sanctions").
REPORTED_THREATS = [
    ("impose &blockade", "1381"), ("tighten &blockade", "1381"), ("blockade", "1381"),
    ("close &border", "1381"), ("seal &border", "1381"),
    ("impose &restrictions", "132"), ("impose ban", "132"),
    ("boycott", "1312"), ("freeze assets", "1312"),
    ("expel &diplomats", "1313"), ("invade", "1382"),
    ("execute &prisoners", "1383"), ("kill &prisoners", "1383"),
    ("cut &aid", "1311"), ("halt &aid", "1311"), ("suspend &aid", "1311"), ("stop &aid", "1311"),
    ("break &relations", "1313"), ("sever &relations", "1313"), ("cut &relations", "1313"),
    ("downgrade &relations", "1313"), ("recall ambassador", "1313"),
    ("halt &talks", "134"), ("suspend &talks", "134"), ("quit &talks", "134"),
    ("pull out (of &talks)", "134"), ("walk out (of &talks)", "134"),
    ("expel &inspectors", "136"), ("expel &peacekeepers", "136"), ("expel &aid-workers", "136"),
    ("ban &party", "1322"), ("outlaw &party", "1322"),
    ("impose &sanctions", "1312"), ("slap &sanctions", "1312"),
    ("impose &curfew", "1323"), ("declare &emergency", "1324"),
    ("take &countermeasures", "131"), ("retaliate", "138"), ("use force", "138"),
    ("&sanctions", "1312"), ("&curfew", "1323"), ("&emergency", "1324"),
    ("use &wmd", "1385"), ("occupy", "1382"), ("annex", "1382"),
]

# Threats have their own structure (131-139).
THREAT_PATTERNS = [
    ("cut &aid", "1311"), ("halt &aid", "1311"), ("suspend &aid", "1311"),
    ("stop &aid", "1311"), ("reduce &aid", "1311"),
    ("break &relations", "1313"), ("sever &relations", "1313"), ("cut &relations", "1313"),
    ("downgrade &relations", "1313"), ("recall ambassador", "1313"),
    ("halt &talks", "134"), ("stop &talks", "134"), ("suspend &talks", "134"),
    ("quit &talks", "134"), ("pull out (of &talks)", "134"), ("walk out (of &talks)", "134"),
    ("halt &mediation", "135"), ("end &mediation", "135"),
    ("expel &inspectors", "136"), ("withdraw &inspectors", "136"),
    ("withdraw &peacekeepers", "136"), ("expel &peacekeepers", "136"),
    ("expel &aid-workers", "136"),
    ("&curfew", "1323"), ("&emergency", "1324"),
    ("ban &party", "1322"), ("outlaw &party", "1322"),
    ("&censorship", "1321"), ("ban", "132"), ("&admin-sanctions", "132"),
    ("&sanctions", "1312"), ("boycott", "1312"), ("&trade-restrictions", "1312"),
    ("&protests", "133"), ("strike", "133"),
    ("&crackdown", "137"),
    ("blockade", "1381"), ("occupy", "1382"), ("occupation", "1382"), ("annex", "1382"),
    ("weapons (of mass destruction)", "1385"), ("&wmd", "1385"), ("&terrorism", "1383"),
    ("&conventional-attack", "1384"), ("&military-force", "138"),
    ("ultimatum", "139"), ("&nonforce", "131"),
]

# The text of the dictionary (before sorting and family expansion).
SOURCE = r"""
# ---- Synsets (named word sets used by patterns) ----
synset &future = will | would | shall
synset &maybe = may | might | could
synset &ready = ready | willing | prepared | committed | determined | eager
# One pattern for "will" and "ready to" (intents), one for "will" and "could" (threats).
synset &intending = will | would | shall | ready | willing | prepared | committed | determined | eager
synset &threatening = will | would | shall | may | might | could
# What a warning threatens: "warned it would retaliate", "of serious consequences", "will not
# tolerate".
synset &reprisal = retaliate | retaliation | reprisal | reprisals | consequences | action | measures | respond | response | react | punish | punishment | tolerate
synset &talks = talks | negotiation | negotiations | consultation | consultations | discussion | discussions | meeting | dialogue | summit | peace talks | direct talks | conference | round of talks | negotiating table
synset &ceasefire = ceasefire | cease-fire | truce | armistice | cessation of hostilities | halt to fighting
synset &troops = troops | soldier | force | forces | army | military | military personnel | marines | paratroopers | reinforcements
synset &fighting = fighting | hostilities | attack | attacks | offensive | war | bombing | shelling | airstrike | violence | military operation
synset &sanctions = sanction | sanctions | embargo | economic sanctions | trade sanctions | arms embargo | oil embargo
synset &restrictions = restriction | restrictions | ban | curb | curbs | curfew | state of emergency | martial law | emergency rule | travel ban | emergency measures
synset &protests = protest | protests | demonstration | demonstrations | strike | rally | sit-in | hunger strike | general strike | protest march | unrest | boycott
synset &inspectors = inspector | inspectors | monitor | monitors | observer | observers | inspection | inspections | fact-finding mission | international observers
synset &aid-workers = aid worker | aid workers | aid agency | aid agencies | relief worker | relief workers | humanitarian access | humanitarian corridor | humanitarian workers
synset &prisoners = prisoner | prisoners | detainee | detainees | hostage | hostages | captive | captives | political prisoner | political prisoners
synset &property = property | land | assets | seized property | territory
synset &coop-econ = economic cooperation | trade | investment | economic ties | trade ties | free trade | free-trade | trade agreement | economic partnership | energy cooperation | trade pact
synset &money = money | cash | funds | donation | donations
synset &currency = dlrs | dollars | euros | sterling | pounds
synset &commodities = wheat | grain | grains | corn | maize | rice | barley | sorghum | oats | soybeans | soybean | soybean oil | soymeal | soybean meal | rapeseed | canola | sunflower oil | sugar | coffee | cocoa | tea | cotton | rubber | beef | pork | butter | palm oil | palm olein | vegetable oil | oil | crude | crude oil | natural gas | gas | liquefied natural gas | coal | uranium | copper | tin | zinc | nickel | aluminium | aluminum | iron ore | steel | fertilizer | fertiliser
synset &coop-mil = military cooperation | defense cooperation | defence cooperation | security cooperation | military ties | joint exercise | joint exercises | joint military exercises | war games | military alliance
synset &coop-jud = judicial cooperation | legal cooperation | extradition | extradite | legal assistance | law enforcement cooperation
synset &coop-intel = intelligence | intelligence sharing | information sharing | share information | exchange information | share intelligence
synset &cooperation = cooperation | cooperate | collaboration | collaborate | partnership | work together | joint venture
synset &diplo-support = diplomatic support | political support | policy support | recognition | recognize | endorsement | backing | solidarity
synset &aid-econ = economic aid | financial aid | economic assistance | financial assistance | loan | loans | credit | credits | funding | funds | money | debt relief | budget support | grant | grants
synset &aid-mil = military aid | military assistance | military aid program | military aid programme | military assistance program | military assistance programme | arms deliveries | arms shipments | weapon | weapons | arms | ammunition | military equipment | military hardware | weaponry | arms supplies
synset &aid-hum = humanitarian aid | humanitarian assistance | food aid | food | food supplies | food shipments | food deliveries | aid deliveries | aid shipments | relief deliveries | medicine | medicines | medical supplies | relief supplies | relief aid | shelter | tents | vaccine | vaccines | emergency aid | disaster relief
synset &peacekeepers = peacekeeper | peacekeepers | peacekeeping force | peacekeeping troops | peacekeeping mission | peace-keeping | peacekeeping | protection force | protective force
synset &aid = aid | assistance | help | relief | support | aid program | aid programme | aid programs | aid programmes | aid package | aid packages | supplies
synset &leader-change = resignation | resign | step down | ouster | removal | replacement | leadership change | impeachment | impeach | new leadership
synset &policy-change = policy change | change of policy | policy | reversal | repeal | amendment | law | bill | decision
synset &rights = rights | right | freedom | freedoms | liberty | civil rights | human rights | equal rights | minority rights | press freedom | religious freedom
synset &regime-change = democracy | democratization | democratize | democratic reform | democratic reforms | constitution | constitutional change | constitutional reform | independence | autonomy | self-rule | self-determination | statehood | election | elections | referendum | regime change | federalism
synset &reform = reform | reforms | political reform | political reforms | change | changes
synset &mediation = mediation | mediator | mediators | good offices | arbitration | arbitrator
synset &settlement = settlement | peace deal | peace agreement | peace accord | peace plan | peace process | peace | reconciliation | political solution | end the conflict | end the dispute
synset &agreement = agreement | deal | accord | treaty | pact | protocol | memorandum | memorandum of understanding | contract | convention | charter | communique | declaration
synset &relations = relations | ties | diplomatic relations | diplomatic ties | links | contacts
synset &curfew = curfew | curfews
synset &concessions = concession | concessions | compromise | compromises
synset &countermeasures = countermeasures | counter-measures | countermeasure | reprisals | retaliatory measures | retaliatory steps | consequences | legal action
synset &nonforce = consequences | measures | countermeasures | counter-measures | steps | legal action | lawsuit | reprisals
synset &accusations = accusation | accusations | allegation | allegations | charge | charges | claim | claims | report | reports
synset &calls = call | calls | appeal | appeals | demand | demands | request | requests | plea | pleas | ultimatum
synset &demands = demand | demands | call | calls | request | requests | condition | conditions
synset &proposal = proposal | proposals | plan | offer | initiative | idea | suggestion | roadmap | road map
synset &emergency = state of emergency | emergency rule | martial law | state of siege | emergency law
synset &party = party | parties | political party | opposition party | candidate | candidates | politician | opposition
synset &censorship = censorship | newspaper | newspapers | media | press | broadcast | broadcasts | website | websites | internet | social media | publication | television station | TV station | radio station | broadcaster | news agency | channel
synset &admin-sanctions = administrative sanctions | restrictions | restriction | travel ban | visa ban | asset freeze
synset &trade-restrictions = tariff | tariffs | import restrictions | export restrictions | trade restrictions | trade war | quota | quotas
synset &crackdown = crackdown | crack down | crush | repression | violent repression | force against protesters | use force
synset &military-force = force | military force | military action | military strike | war | retaliation | retaliate | response | invasion | military response | armed force
synset &conventional-attack = attack | offensive | strike | airstrike | airstrikes | shell | shelling | bomb | bombing | invade | military offensive | ground offensive | missile strike
synset &wmd = nuclear weapon | nuclear weapons | chemical weapon | chemical weapons | biological weapons | weapons of mass destruction | nuclear attack | nuclear strike | WMD
synset &terrorism = terrorism | terrorist attack | terrorist attacks | terrorist activities | suicide attack | suicide attacks | bombings | car bomb | hostage-taking | kill hostages | execute hostages
synset &chem-weapons = chemical weapon | chemical weapons | chemical agent | chemical agents | nerve agent | nerve gas | sarin | chlorine gas | mustard gas | poison gas | biological weapon | biological weapons | radiological weapon | dirty bomb
synset &nuclear-weapons = nuclear weapon | nuclear weapons | nuclear bomb | atomic bomb | nuclear device | nuclear warhead
synset &diplomats = diplomat | diplomats | ambassador | envoy | embassy staff | consul | military attache | attache
synset &investigation = investigation | investigations | probe | probes | inquiry | inquiries | enquiry | inquest | audit | criminal investigation | criminal case | case | fact-finding mission
synset &corruption = corruption | fraud | bribery | embezzlement | graft | money laundering | tax evasion | crime | crimes | murder | smuggling | misuse | abuse of power
synset &abuses = human rights abuses | human rights violations | rights abuses | abuses | abuse | torture | mistreatment | ill-treatment | discrimination | disappearance | disappearances | extrajudicial killings
synset &war-crimes = war crimes | war crime | crimes against humanity | genocide | atrocities | atrocity | ethnic cleansing | massacre
synset &military-action = attack | airstrike | air strike | strike | raid | bombing | shelling | incident | shooting | operation | military operation | offensive | incursion | clash | killing | killings | downing
synset &espionage = espionage | spying | spy | treason | sedition | subversion | high treason
synset &aggression = aggression | invasion | occupation | incursion | provocation | provocations | military buildup | expansionism | attack | attacks
synset &suspects = suspect | suspects | fugitive | fugitives | criminal | criminals | militant | militants | terrorist | terrorists
synset &territory = town | city | village | territory | area | region | province | district | base | airport | port | stronghold | border crossing | hill | island | capital | positions | outpost | checkpoint
synset &buildings = house | houses | home | homes | building | buildings | office | offices | property | church | mosque | school | shop | shops | crops | vehicle | vehicles | power lines | pipeline
synset &human-shields = human shield | human shields
synset &blockade = blockade | blockades | siege | sieges | naval blockade | closure | border closure | restrictions on movement
synset &border = border | borders | border crossing | crossing | crossings | checkpoint | checkpoints | airspace | port | ports | airport
synset &concern = concern | concerns | alarm | worry | worries | fear | fears | anxiety | doubt | doubts | pessimism | dismay | unease
synset &optimism = hope | hopes | optimism | confidence | satisfaction | hopefulness
synset &condolences = condolences | condolence | sympathy | sympathies | solidarity | grief | sorrow | compassion
synset &gratitude = gratitude | appreciation | thanks | support | backing | admiration | respect
# What one receives that is no visitor: "received approval from the FAA" is no visit.
synset &receipts = letter | letters | message | messages | permission | approval | approvals | authorization | clearance | licence | license | contract | contracts | order | orders | offer | offers | bid | bids | payment | payments | complaint | complaints | request | requests | report | reports | shares | notice | award | grant | certification | invitation | invitations | warning | warnings | recommendation | support | assistance | aid | help | approach | approaches | telex | telexes | cable | cables | patent | patents | service | services | funds | funding | loan | loans | credit | credits | money | delivery | deliveries | shipment | shipments
# What a politician attacks with words: "attacked the government's plans" is criticism (111).
synset &positions = policy | policies | plan | plans | proposal | proposals | record | remarks | comments | decision | handling | stance | budget | bill | legislation | reforms | strategy | manifesto | views | speech | ideas | tactics
synset &disapproval = disappointment | dissatisfaction | displeasure | anger | outrage | indignation | opposition | disapproval | frustration | criticism | objection | objections | regret | irritation
synset &intent = readiness | willingness | intention | desire | interest | commitment | determination | eagerness | hope to cooperate
synset &apology = apology | apologies | regret | remorse | contrition
synset &statement = statement | communique | declaration | report | press release | comment | comments | remarks | message | announcement
synset &foreigners = foreigner | foreigners | foreign nationals | nationals | citizens | workers | migrant workers | immigrants | illegal immigrants | journalist | journalists | correspondent | activist | activists | missionary | missionaries
synset &warships = warship | warships | naval vessels | navy ships | aircraft carrier | carrier group | fighter jets | warplanes | bombers | reinforcements
synset &refugees = refugee | refugees | asylum seeker | asylum seekers | migrants | displaced people | displaced persons
synset &rockets = rocket | rockets | missile | missiles | mortar | mortars | projectile | projectiles
synset &artillery = artillery | shell | shells | tank | tanks | howitzer | mortar fire | artillery fire | heavy weapons
synset &aircraft = warplane | warplanes | jet | jets | fighter jet | fighter jets | bomber | bombers | aircraft | helicopter | helicopters | helicopter gunship | helicopter gunships | gunship | gunships | drone | drones | air force | air forces | airforce | air strike | airstrike | airstrikes | air raid | air raids
synset &irregulars = rebel | rebels | militant | militants | guerrilla | guerrillas | guerilla | guerillas | fighters | militia | militias | militiamen | insurgents | combatants | paramilitaries | gunmen
synset &labour = worker | workers | union | unions | trade union | trade unions | miners | dockers | dockworkers | teachers | nurses | doctors | employees | staff | pilots | drivers | truckers | railway workers | civil servants | public sector workers | farmers | students | lawyers | journalists
synset &published = figures | data | results | findings | details | statistics | video | footage | images | photos | pictures | album | film | book | guidelines | forecast | budget | accounts | earnings | profits | version | update
synset &gas = tear gas | teargas | water cannon | water cannons | rubber bullets | stun grenades | pepper spray | batons

# ---- 01 Make public statement ----
verb say | state | declare | announce | tell | add | note | remark | write | explain | report | reiterate | stress | emphasize | emphasise | point out | underline | underscore | assert | argue | maintain | mention | disclose | reveal | proclaim | affirm | insist | contend | observe | comment | elaborate | clarify | outline | describe | quote | cite | predict | believe | think | suggest | indicate | signal | confirm | recall | remind | tweet | post | publish = 010
    family reported-demand
    pattern * must = 100
    family reported-intent
verb issue
    pattern * &statement = 010
verb make
    pattern * &statement = 010
verb release
    pattern * &statement = 010
    pattern * &proposal = 010
    pattern * &published = 010
verb brief | inform | notify | update | advise = 010
verb decline comment | refuse comment | no comment = 011
verb fear | worry | doubt | despair | lament | bemoan | regret | rue = 012
    pattern * (over +) = 012
verb be concerned | be worried | be alarmed | be pessimistic = 012
verb hope | be optimistic | look forward | express optimism | express hope | be hopeful | welcome progress = 013
verb consider | mull | weigh | contemplate | ponder | deliberate | reconsider | evaluate | assess | study | review | explore | examine options | debate | discuss options | look at options | mull over | think over = 014
verb claim responsibility | take responsibility | accept responsibility | assume responsibility | admit | confess | acknowledge | own up | plead guilty = 015
verb deny | refute | disavow | disclaim | deny responsibility | deny involvement | deny allegations | dismiss allegations | reject allegations | reject accusations | deny charges | rebut = 016
verb commemorate | lay wreath | pay tribute | pay respects | observe minute of silence | mark anniversary | unveil monument | hoist flag | raise flag | light candle | hold vigil | honor | honour | memorialize | celebrate anniversary = 017
verb sympathize | sympathise | console | condole | commiserate | mourn | grieve | express condolences | offer condolences | send condolences | extend condolences | express sympathy = 018
verb agree with | concur | share view | share views | see eye to eye | echo | side with | be in agreement | share position | have identical views | hold identical views | coincide = 019

# ---- 02 Appeal ----
verb urge | call on | call upon | appeal | appeal to | exhort | implore | beseech | entreat | beg | plead | plead with | encourage | prod | nudge = 020
    family appeal
verb call for | ask for | appeal for | plead for | seek | solicit | petition | petition for | apply for | lobby for | campaign for = 020
    family appeal
verb ask | request | renew call | reiterate call | repeat call = 020
    family appeal
verb make
    pattern * appeal = 020
    pattern * request = 020
    pattern * plea = 020
verb issue
    pattern * appeal = 020
    pattern * call = 020
    pattern * plea = 020

# ---- 03 Express intent to cooperate ----
verb promise | pledge | vow | swear | undertake | commit | commit oneself | guarantee | assure = 030
    pattern * revenge = 138
    pattern * retaliate = 138
    family intent
    pattern * &military-force = 138
verb offer | volunteer | propose | extend offer = 030
    family intent
verb agree | agree to | agree on | agree upon | consent | accede to request = 030
    family intent
verb express readiness | express willingness | express intention | express desire | express interest | express commitment | reaffirm commitment | confirm readiness | declare readiness | state readiness | show readiness | signal readiness | signal willingness | stand ready | be ready | be willing | be prepared = 030
    family intent
verb intend | seek cooperation | pursue cooperation = 030
    family intent
    family planned
verb plan | prepare | be poised | be preparing
    family planned
verb accept
    pattern * &mediation = 038
    pattern * responsibility = 015
    pattern * &demands = 083
    pattern * &refugees = 075
    pattern * &inspectors = 0862
    pattern * &peacekeepers = 0861
    pattern * resignation = 0831
    pattern * &ceasefire = 0356
    pattern * &settlement = 037
    pattern * invitation = 036
    pattern * &proposal = 030
verb accept = 030
verb mediate | broker | arbitrate | intercede | facilitate talks | act as mediator | offer mediation | offer good offices = 045
    pattern * &ceasefire = 045
verb invite | extend invitation = 036
    pattern * (to visit) = 036
    pattern * (to &talks) = 036

# ---- 04 Consult ----
verb meet | meet with | hold talks | hold meeting | hold consultations | hold discussions | confer | consult | consult with | talk | talk with | talk to | discuss | sit down with | convene | get together | hold summit | hold a meeting | have talks | conduct talks | engage in talks | resume talks | renew talks | continue talks = 040
    pattern * (on sidelines) = 044
    pattern * (by telephone) = 041
    pattern * (by phone) = 041
    pattern * (over phone) = 041
    pattern * (via video link) = 040
verb speak | speak with | converse | exchange views | exchange opinions = 040
    pattern * (by telephone) = 041
    pattern * (by phone) = 041
    pattern * (over the phone) = 041
verb telephone | phone | call by telephone | ring | have telephone conversation | hold telephone conversation | hold phone talks | hold telephone talks | make phone call | speak by phone | speak by telephone | hold a telephone conversation | have a phone conversation | hold telephone consultations | video call = 041
verb make
    pattern * phone call = 041
    pattern * telephone call = 041
verb visit | pay visit | make visit | tour | travel to | fly to | arrive in | arrive | stop over in | pay a visit | make a trip | make a visit | pay an official visit | pay a state visit | land in = 042/043
    pattern &peacekeepers * = 074
    pattern &troops * = 154
verb host | play host | host talks | host meeting | host summit = 043/042
    pattern * &refugees = 075
    pattern * &peacekeepers = 0861
    pattern * &inspectors = 0862
# "receive" hosts only someone: "received a letter", "received approval from the FAA",
# "received telexes from Cuba" are no visits (`---`: no event, and the patterns after it are not
# tried).
verb receive
    pattern * &refugees = 075
    pattern * &peacekeepers = 0861
    pattern * &inspectors = 0862
    pattern * &receipts = ---
    pattern * (from +) = ---
    pattern * + = 043/042
verb negotiate | bargain | haggle | hold negotiations | conduct negotiations | enter negotiations | open negotiations | start negotiations | resume negotiations | renew negotiations = 046

# ---- 05 Engage in diplomatic cooperation ----
verb improve relations | improve ties | normalize relations | normalise relations | normalize ties | mend ties | mend fences | restore relations | restore ties | strengthen ties | strengthen relations | deepen ties | boost ties | upgrade ties | upgrade relations | forge alliance | ally | align | reconcile | patch up | warm ties | reset relations | build bridges = 050
verb praise | commend | laud | hail | applaud | welcome | endorse | back | support | congratulate | thank | compliment | salute | acclaim | extol | approve | appreciate | voice support | express support | express gratitude | express appreciation | pay homage | speak highly = 051
verb approve
    pattern * &aid-econ = 071
    pattern * &aid-mil = 072
    pattern * &aid-hum = 073
    pattern * &aid = 070
verb defend | stand up for | vouch for | speak up for | come to defence of | come to defense of | stick up for | champion = 052
verb rally support | mobilize support | mobilise support | drum up support | garner support | build support | enlist support | gather support | canvass support | win support | muster support | lobby on behalf = 053
light upgrade | improve | strengthen | restore | normalize | normalise | deepen | boost | mend | warm | expand | develop | bolster | consolidate
    pattern * &relations = 050
light establish | open | forge
    pattern * &relations = 054
    pattern * alliance = 057
light sever | downgrade | break off | freeze | cut
    pattern * &relations = 161
verb recognize | recognise | grant recognition | establish diplomatic relations | establish relations | establish ties | establish diplomatic ties | open embassy | extend recognition | restore diplomatic relations | resume diplomatic relations = 054
verb apologize | apologise | say sorry | express regret | ask forgiveness | seek forgiveness | beg forgiveness | express remorse | atone = 055
verb forgive | pardon | absolve | grant pardon = 056
verb sign | ratify | conclude agreement | seal deal | clinch deal | finalize agreement | finalise agreement | initial agreement | sign agreement | sign treaty | sign deal | sign accord | sign pact | strike deal | reach agreement | reach deal | ink deal | reach accord | conclude treaty | enter into agreement | approve agreement = 057
    pattern * petition = 140
verb conclude
    pattern * &agreement = 057
verb reach
    pattern * &agreement = 057
    pattern * &ceasefire = 0871
    family intent
    pattern * consensus = 019
    pattern * understanding = 057
verb strike
    pattern * &agreement = 057
light renew | repeat | reiterate | restate
    pattern * demand = 100
    pattern * demands = 100
    pattern * call = 020
    pattern * appeal = 020
light express | voice | convey | reaffirm | reiterate | confirm | stress | underline | emphasize | emphasise | declare | announce | state | restate
    pattern * &intent = 030
    pattern * &condolences = 018
    pattern * &concern = 012
    pattern * &optimism = 013
    pattern * &gratitude = 051
    pattern * &apology = 055
    pattern * &disapproval = 110
    pattern * protest = 114

# ---- 06 Engage in material cooperation ----
verb cooperate | collaborate | work with | work together | partner | join forces | team up | join hands | pool resources | coordinate = 060
    pattern * (on &coop-econ) = 061
    pattern * (on &coop-mil) = 062
    pattern * (on &coop-jud) = 063
    pattern * (on &coop-intel) = 064
verb trade with | invest | invest in | do business | export to | import from | open market | open markets | set up joint venture = 061
    pattern * &aid-mil = 062
    pattern * arms = 062
# Buying and selling is trade between countries only in the goods that states trade: "bought
# Malaysian palm oil", "sold wheat to Colombia"; "sold 95,000 cars", "bought dollars", "selling
# shares" and "bought a stake" are markets, not events. (A pattern `(to +)` would take any phrase
# after any TO: "selling the idea very hard because it wants to obtain new technology".)
verb buy | purchase | sell
    pattern * &aid-mil = 062
    pattern * arms = 062
    pattern * &commodities = 061
verb train | conduct joint exercises | hold joint exercises | hold joint drills | stage joint exercises | hold war games | cooperate militarily | deploy jointly | conduct joint patrols | share bases | jointly patrol = 062
verb extradite | hand over | turn over | surrender suspect | cooperate with investigation | assist investigation | help investigation | share evidence | provide evidence | transfer suspect = 063
    pattern &irregulars * &aid-mil = 0873
    pattern &irregulars * &artillery = 0873
    pattern * &aid-mil = 072
    pattern * &prisoners = 0841
    pattern * &property = 0842
    pattern * power = 0831
    pattern * &aid-hum = 073
    pattern * &aid-econ = 071
    pattern * &aid = 070
verb exchange | share intelligence | share information | exchange information | exchange intelligence | pass on information | share data | share expertise | share know-how = 064
    pattern * fire = 190
    pattern * &prisoners = 0841
    pattern * &talks = 040
    pattern * views = 040
    pattern * &agreement = 057

# ---- 07 Provide aid ----
verb provide | donate | deliver | supply | grant | allocate | disburse | channel | funnel | earmark | hand out | distribute | ship | airlift | airdrop | offer aid = 070
    family provide
# Bare "contribute" codes nothing: "has contributed to record-high oil prices" is a cause, not
# aid; what is contributed decides ("contribute 1.3 mln sterling to UNHCR").
verb contribute
    family provide
    pattern * &money = 070
    pattern * &currency = 070
# Bare "give" codes nothing: what is given decides ("gave the illusion", "a poll gave the
# Conservatives 36 pct", "give evidence" are no aid); it takes the patterns of "provide".
verb give
    family provide
    pattern * &money = 070
    pattern * welcome = 043
    pattern * reception = 043
    pattern * ultimatum = 139
    pattern * warning = 012
verb send
    pattern * &aid-econ = 071
    pattern * &aid-mil = 072
    pattern * &aid-hum = 073
    pattern * &peacekeepers = 074
    pattern * &aid = 070
    pattern * &inspectors = 090
    pattern * investigators = 090
    pattern * police = 153
    pattern * &troops = 154
    pattern * &warships = 154
    pattern * envoy = 042
    pattern * delegation = 042
    pattern * message = 010
    pattern * letter = 010
    pattern * &condolences = 018
    pattern * mission = 042
    pattern * official = 042
    pattern * officials = 042
    pattern * representative = 042
    pattern * minister = 042
    pattern * secretary = 042
# Bare "send" codes nothing: what is sent decides ("sent the dollar higher", "send notices to
# shareholders", "sent checks to a reserve bank" are no aid).
verb send
verb lend | loan | finance | fund | bankroll | subsidize | subsidise | underwrite | write off debt | cancel debt | forgive debt | restructure debt | reschedule debt | bail out = 071
verb arm | supply arms | supply weapons | provide arms | provide weapons | sell arms | sell weapons | deliver weapons | deliver arms | equip | send arms | send weapons | provide military aid | provide training = 072
verb evacuate | rescue | feed | shelter | treat wounded | vaccinate | resettle | house refugees | provide relief | send relief | deliver aid | deliver relief | provide humanitarian aid | send humanitarian aid | airlift aid | help victims = 073
verb protect | guard | escort | shield | safeguard | defend civilians | keep peace | keep the peace | deploy peacekeepers | send peacekeepers | contribute troops | provide security = 074
verb grant asylum | give asylum | offer asylum | give refuge | offer refuge | provide refuge | provide sanctuary | give sanctuary | grant refugee status | admit refugees | accept refugees | take in refugees = 075

light extend | prolong
    pattern * &curfew = 1723
    pattern * state (of emergency) = 1724
    pattern * state (of siege) = 1724
    pattern * &emergency = 1724
    pattern * &sanctions = 163
    pattern * &ceasefire = 0871
    pattern * &condolences = 018
    pattern * invitation = 036
    pattern * recognition = 054
    pattern * &aid-econ = 071
    pattern * &aid = 070
    pattern * support = 051

# ---- 08 Yield ----
verb yield | concede | give in to | give way | back down | cave in | relent | compromise | make concessions | give ground | comply | bow to pressure | bow to demands | soften stance | climb down | accommodate demands = 080
verb accede | accede to demands | meet demands | give in to demands | accept demands | heed demands | heed calls | implement reforms | introduce reforms | carry out reforms | enact reforms = 083
light lift | ease | relax | loosen | remove | end | scrap | rescind | revoke | repeal | cancel | waive | drop | shorten | unfreeze
    pattern * &sanctions = 085
    pattern * (on &party) = 0812
    pattern * &censorship = 0811
    pattern * &curfew = 0813
    pattern * state (of emergency) = 0814
    pattern * state (of siege) = 0814
    pattern * &emergency = 0814
    pattern * &blockade = 0872
    pattern * siege = 0872
    pattern * &restrictions = 081
    pattern * &protests = 082
    pattern * &talks = 164
    pattern * &mediation = 165
    pattern * &aid = 162
    pattern * &relations = 161
    pattern * &ceasefire = 196
    pattern * &cooperation = 160
    pattern * visit = 160
    pattern * &agreement = 127
    pattern * charges = 081
verb lift = 081
verb ease = 081
verb relax = 081
verb loosen = 081
# Phrasal verbs that name no event but would otherwise be read as one ("fire broke out" is not
# a violation, "took part in" is not "take in", "the week ended" is no concession).
verb break out | break down | take part | take place | end up | give up on | turn out
    pattern * (in &talks) = 040
verb call off | suspend protest | end protest | end strike | end hunger strike | call off strike | halt protests | postpone protest | cancel protest | disband protest camp | clear protest camp = 082
verb resign | step down | quit | abdicate | relinquish power | cede power | hand over power | step aside | leave office | stand down | tender resignation | submit resignation = 0831
verb reverse | backtrack | reverse course | reverse decision | reverse policy | change policy | amend law | withdraw bill | shelve plan | abandon plan | drop plan = 0832
verb restore rights | grant rights | guarantee rights | legalize | legalise | enfranchise | decriminalize | decriminalise = 0833
verb grant autonomy | grant independence | call elections | call early elections | hold elections | dissolve parliament | allow elections | permit elections | hold referendum | agree to elections | allow participation | register party | legalize party = 0834
verb release | free | set free | let go | liberate | discharge | repatriate | swap prisoners | exchange prisoners | release prisoners | free prisoners | commute | parole = 0841
    pattern * &property = 0842
    pattern * &aid-econ = 071
    pattern * funds = 071
verb return | give back | hand back = 084
    pattern * (to &talks) = 040
    pattern * (for &talks) = 040
    pattern * &prisoners = 0841
    pattern * &property = 0842
verb restore property | compensate | pay compensation | pay reparations | restitute | return property = 0842
    pattern * (to &talks) = 040
    pattern * &prisoners = 0841
verb allow | permit | let | open up | grant access | give access | provide access | facilitate access | authorize | authorise = 080
    pattern * &inspectors = 0862
    pattern * &peacekeepers = 0861
    pattern * &aid-hum = 0863
    pattern * &aid-workers = 0863
    pattern * access = 086
    pattern * &protests = 0811
    pattern * &party = 0812
    pattern * &border = 0872
    pattern * &refugees = 075
verb receive inspectors | accept inspectors | admit inspectors | allow inspections | permit inspections | receive observers | accept observers = 0862
verb receive peacekeepers | accept peacekeepers | allow peacekeepers | admit peacekeepers = 0861
verb allow aid | allow humanitarian aid | let aid in | open humanitarian corridor | open corridor | allow humanitarian access | permit aid deliveries = 0863
verb de-escalate | defuse | calm tensions | ease tensions | reduce tensions | scale down | stand down forces | pull back forces = 087
verb declare ceasefire | declare truce | observe ceasefire | respect ceasefire | extend ceasefire | honor ceasefire | honour ceasefire | implement ceasefire | agree ceasefire | announce ceasefire | hold fire | cease fire | halt fire = 0871
verb reopen
    pattern * &border = 0872
    pattern * embassy = 054
    pattern * &talks = 046
verb lift blockade | ease blockade | end blockade | lift siege | end siege | open crossings | reopen crossings = 0872
verb demobilize | demobilise | disarm | disband | decommission | lay down arms | lay down weapons | surrender weapons | hand in weapons | give up arms | dismantle | destroy weapons | demilitarize | demilitarise = 0873
verb withdraw | pull out | pull back | retreat | surrender | capitulate | evacuate troops | redeploy | withdraw troops | pull out troops | complete withdrawal | vacate | abandon positions | fall back = 0874
    pattern * ambassador = 161
    pattern * &diplomats = 161
    pattern * recognition = 161
    pattern * &inspectors = 1662
    pattern * &peacekeepers = 1661
    pattern * &aid-workers = 1663
    pattern * (from &talks) = 164
    pattern * (from &mediation) = 165
    pattern * &aid = 162
    pattern * support = 160
    pattern * (from &agreement) = 127
    pattern * membership = 160

# ---- 09 Investigate ----
verb investigate | probe | inquire | enquire | look into | inspect | scrutinize | scrutinise | examine | launch investigation | open investigation | conduct investigation | order investigation | start investigation | begin investigation | launch probe | open probe | launch inquiry | open inquiry | set up inquiry | launch an investigation | open an investigation = 090
    pattern * &corruption = 091
    pattern * &abuses = 092
    pattern * &war-crimes = 094
    pattern * &military-action = 093
verb audit | investigate corruption | probe corruption | investigate fraud = 091
verb investigate abuses | investigate human rights abuses | document abuses | monitor human rights = 092
verb investigate war crimes | investigate atrocities | probe war crimes = 094
light complete | finish | speed up | accelerate | begin | start | carry out
    pattern * &investigation = 090
    pattern * withdrawal = 0874
    pattern * pullout = 0874
    pattern * pull-out = 0874
light launch | open | conduct | order | start | begin | set up
    pattern * &border = 0872
    pattern * &investigation (into &corruption) = 091
    pattern * &investigation (into &abuses) = 092
    pattern * &investigation (into &war-crimes) = 094
    pattern * &investigation (into &military-action) = 093
    pattern * &investigation = 090
    pattern * hearing (into) = 090
    pattern * fire = 190
verb dispatch
    pattern * &inspectors = 090
    pattern * investigators = 090
    pattern * &aid-hum = 073
    pattern * &peacekeepers = 074
    pattern * police = 153
    pattern * &troops = 154
    pattern * &warships = 154
    pattern * envoy = 042
    pattern * delegation = 042

# ---- 10 Demand ----
verb demand | insist on | press for | clamor for | clamour for | require = 100
    family demand
verb order | instruct | direct | command = 100
    pattern * &investigation = 090
    pattern * arrest = 173
    pattern * curfew = 1723
    pattern * evacuation = 073
    pattern * questioning = 173
    pattern * &troops = 154
    pattern * patrols = 153
    pattern * publication = 1721
    family demand
verb press | pressure | pressurize | pressurise | push | lean on | prevail on | prevail upon | put pressure on | step up pressure | pile pressure = 100
    family demand
verb make
    pattern * demand = 100
    pattern * demands = 100

# ---- 11 Disapprove ----
verb disapprove | object | disagree | dispute | challenge | contest | question | frown on | take issue with | bristle | express disapproval | express displeasure | express dissatisfaction | express disappointment | be disappointed | be unhappy | regret decision | resent = 110
verb criticize | criticise | condemn | denounce | decry | deplore | slam | lambast | lambaste | rebuke | censure | chide | scold | berate | castigate | assail | reproach | fault | scorn | ridicule | mock | insult | vilify | demonize | demonise | brand | excoriate | pillory | blast | hit out at | lash out at | rail against | fulminate | voice criticism | express outrage | express indignation | smear | slander | defame | deride = 111
verb accuse | blame | allege | implicate | hold responsible | point finger | incriminate = 112
    pattern * (of &corruption) = 1121
    pattern * (of &abuses) = 1122
    pattern * (of &aggression) = 1123
    pattern * (of &war-crimes) = 1124
    pattern * (of &espionage) = 1125
    pattern * (for &corruption) = 1121
    pattern * (for &military-action) = 1123
    pattern * (of violating &ceasefire) = 1123
verb indict = 1121
    pattern * (for &war-crimes) = 1124
    pattern * (for &espionage) = 1125
verb hold
    pattern * responsible = 112
    pattern * accountable = 112
verb rally opposition | mobilize opposition | mobilise opposition | campaign against | lobby against | unite against | organize opposition | organise opposition | build opposition | galvanize opposition | incite against = 113
verb complain | lodge complaint | lodge protest | file complaint | lodge formal protest | summon | hand protest note | deliver protest note | send protest note | register protest | make representations | protest officially | lodge official protest | file formal complaint = 114
    pattern * (for questioning) = 173
light lodge | file | submit
    pattern * protest = 114
    pattern * complaint = 114
    pattern * lawsuit = 115
    pattern * suit = 115
    pattern * case = 115
    pattern * charges = 173
    pattern * appeal = 020
    pattern * request = 020
verb sue | file lawsuit | take to court | bring case | bring lawsuit | litigate | file suit | bring suit | take legal action | launch legal action | take legal action against | petition court = 115
verb convict | find guilty | sentence | rule against | fine | find liable | condemn to death | sentence to death | declare guilty | uphold conviction | impose sentence = 116
verb find
    pattern * guilty = 116
    pattern * liable = 116
    pattern * responsible = 112

# ---- 12 Reject ----
verb reject | rebuff | spurn | turn down | dismiss | brush aside | brush off | rule out | snub | repudiate | throw out = 120
    pattern * &accusations = 016
    pattern * comment = 011
    family reject
verb refuse | decline | balk | balk at | baulk | shy away | decline invitation = 120
    pattern * comment = 011
    pattern * reach &agreement = 120
    family reject
# "Failed to" is seldom a refusal ("failed to improve", "attempts failed", "failed states"):
# only a failed agreement codes.
verb fail
    pattern * reach &agreement = 120
verb oppose | resist | object to | stand against | vote against = 120
    family reject
verb ignore | disregard | defy | flout | disobey | contravene | violate | breach | break | circumvent | evade | break law | violate law | violate ban | break ban | defy ban | defy order | defy curfew = 128
    pattern * &ceasefire = 196
    pattern * &relations = 161
    pattern * &agreement = 127
    pattern * &calls = 120
verb renege | renege on | back out | back out of | walk away from | abandon agreement | tear up agreement | pull out of agreement | withdraw from agreement | scrap agreement | abrogate | renounce agreement = 127
verb veto | block resolution | wield veto | use veto | cast veto | veto resolution = 129

# ---- 13 Threaten ----
verb threaten | threaten to | menace | make threat | issue threat | vow retaliation | vow revenge | vow to retaliate | raise the threat | brandish threat | hint at | blackmail = 130
    family threaten
# A warning is a threat (13) when it names a hostile act, a reprisal, or tells the target not to
# act ("warned Tehran not to use them", "warned the United States against exacerbating the
# crisis"); otherwise it foresees harm, a pessimistic comment (012):
# "warned that earnings may slide", "warned of rising obesity levels".
# "Warn of" and "warn against" are no verbs of their own: the one warned is the object ("warned
# the United States against escalation").
verb warn | caution | sound warning | issue warning | give warning = 012
    family threaten
    pattern * + not = 130
    pattern * + (against) = 130
    pattern * &reprisal = 130
verb issue ultimatum | give ultimatum | set deadline | deliver ultimatum | present ultimatum = 139
verb issue
    pattern * ultimatum = 139
    pattern * warning = 012
    pattern * threat = 130
    pattern * arrest warrant = 173
    pattern * warrant = 173
    pattern * apology = 055
    pattern * denial = 016
    pattern * condemnation = 111
    pattern * demand = 100

# ---- 14 Protest ----
verb protest | dissent | express dissent | voice protest | agitate | rise up | revolt | rebel | collect signatures | gather signatures | launch petition | start petition | circulate petition = 140
    pattern * (to +) = 114
    pattern * (against +) = 140
verb demonstrate | rally | march | picket | hold rally | hold demonstration | hold protest | stage protest | stage demonstration | stage rally | take to the streets | take to streets | hold march | stage march | stage sit-in | hold sit-in | converge | rally against = 141
    pattern * (for &leader-change) = 1411
    pattern * &leader-change = 1411
    pattern * (against &policy-change) = 1412
    pattern * &policy-change = 1412
    pattern * &rights = 1413
    pattern * &regime-change = 1414
verb go on hunger strike | hunger strike | stage hunger strike | launch hunger strike | begin hunger strike | start hunger strike | continue hunger strike | refuse food = 142
    pattern * &leader-change = 1421
    pattern * &policy-change = 1422
    pattern * &rights = 1423
    pattern * &regime-change = 1424
verb go on strike | walk out | down tools | stop work | stage strike | hold strike | call strike | launch strike | begin strike | boycott | stage walkout | shun work | stage boycott | call general strike | hold general strike = 143
    pattern * &leader-change = 1431
    pattern * &policy-change = 1432
    pattern * &rights = 1433
    pattern * &regime-change = 1434
    pattern * &talks = 125
    pattern * (of &talks) = 164
verb block | blockade road | barricade | obstruct | block road | block roads | block streets | block traffic | block access | block entrance | occupy square | occupy building | seal road | set up roadblocks | erect barricades | chain themselves = 144
    pattern * &aid-hum = 1623
    pattern * &aid = 162
    pattern * &leader-change = 1441
    pattern * &policy-change = 1442
    pattern * &rights = 1443
    pattern * &regime-change = 1444
    pattern * resolution = 120
    pattern * &agreement = 120
verb riot | rampage | loot | throw stones | hurl stones | pelt | throw rocks | hurl rocks | throw petrol bombs | throw molotov cocktails | burn tires | burn tyres | run amok | go on rampage = 145
    pattern * &leader-change = 1451
    pattern * &policy-change = 1452
    pattern * &rights = 1453
    pattern * &regime-change = 1454
light stage | hold | organize | organise | lead | mount | launch | call | join
    pattern * &talks = 040
    pattern * hunger strike = 142
    pattern * general strike = 143
    pattern * strike = 143
    pattern * walkout = 143
    pattern * boycott = 143
    pattern * sit-in = 141
    pattern * riot = 145
    pattern * &protests = 141
    pattern * vigil = 017
    pattern * exercises = 150
    pattern * drills = 150
    pattern * war games = 150
    pattern * &prisoners = 181
    pattern * (as &human-shields) = 184
    pattern * (in custody) = 173
    pattern * &investigation = 090
    pattern * &military-action = 190
    pattern * attack = 190
    pattern * offensive = 190
    pattern * raid = 190
    pattern * invasion = 190
    pattern * airstrike = 195
    pattern * airstrikes = 195
    pattern * crackdown = 175
    pattern * coup = 180
    pattern * campaign = 053
    pattern * referendum = 0834
    pattern * elections = 0834
    pattern * mediation = 045
    pattern * ceremony = 017

# ---- 15 Exhibit force posture ----
verb demonstrate force | show force | flex muscles | saber-rattle | sabre-rattle | conduct exercises | hold exercises | hold drills | conduct drills | stage exercises | stage drills | test-fire | test fire | test missile | conduct missile test | conduct nuclear test | parade troops | fly over | buzz | patrol = 150
verb put on alert | place on alert | raise alert | raise alert level | heighten alert | go on alert | be on alert | remain on alert | put on high alert | place on high alert | raise readiness | put on combat readiness = 152
    pattern * police = 151
light shut down | close down | close | shutter | take off air | take off the air
    pattern * &censorship = 1721
    pattern * &border = 191
    pattern * embassy = 161
    pattern * consulate = 161
light put | place
    pattern * (on alert) = 152
    pattern * (on high alert) = 152
    pattern * (under house arrest) = 173
    pattern * (under arrest) = 173
    pattern * (on trial) = 173
    pattern * (under investigation) = 090
    pattern * (under curfew) = 1723
verb step up security | tighten security | heighten security | increase security | boost security | beef up security | reinforce police | deploy police | send police | mobilize police | mobilise police | increase police presence | step up patrols | intensify patrols = 153
verb mobilize | mobilise | deploy | reinforce | beef up | build up | mass | amass | station | call up | send troops | send reinforcements | deploy troops | move troops | muster | marshal | mobilize troops | mobilise troops | mobilize reservists | boost troops | increase troops | strengthen forces | bolster forces | redeploy troops to = 154
    pattern * support = 053
    pattern * police = 153
    pattern * &peacekeepers = 074

# ---- 16 Reduce relations ----
verb reduce relations | downgrade relations | downgrade ties | scale back relations | scale back ties | freeze relations | freeze ties | suspend ties | suspend relations | sever relations | sever ties | break off relations | break off ties | cut ties | cut relations | cut diplomatic ties | break relations | break diplomatic relations | close embassy | recall ambassador | expel ambassador | expel diplomats | declare persona non grata | withdraw ambassador = 161
verb recall
    pattern * ambassador = 161
    pattern * &diplomats = 161
verb suspend | halt | freeze | terminate | discontinue | withhold = 160
    pattern * &aid-econ = 1621
    pattern * &aid-mil = 1622
    pattern * &aid-hum = 1623
    pattern * &aid = 162
    pattern * &talks = 164
    pattern * &mediation = 165
    pattern * &relations = 161
    pattern * assets = 163
    pattern * &protests = 082
    pattern * publication = 1721
    pattern * &cooperation = 160
    pattern * &troops = 087
# Cutting and reducing are mostly budgets, jobs and prices in news: an event only with an
# object that names relations, aid, talks or forces.
verb stop | cut | cut off | curtail | reduce | scale back | slash
    pattern * &aid-econ = 1621
    pattern * &aid-mil = 1622
    pattern * &aid-hum = 1623
    pattern * &aid = 162
    pattern * &talks = 164
    pattern * &mediation = 165
    pattern * &relations = 161
    pattern * assets = 163
    pattern * &protests = 082
    pattern * publication = 1721
    pattern * &cooperation = 160
    pattern * &troops = 087
verb sanction | impose sanctions | impose embargo | slap sanctions | blacklist | embargo | freeze assets | impose tariffs | impose boycott | tighten sanctions | expand sanctions | extend sanctions | announce sanctions = 163
light impose | slap | enforce | reimpose | re-impose
    pattern * &sanctions = 163
    pattern * &trade-restrictions = 163
    pattern * &curfew = 1723
    pattern * state (of emergency) = 1724
    pattern * state (of siege) = 1724
    pattern * &emergency = 1724
    pattern * &blockade = 191
    pattern * ban (on &party) = 1722
    pattern * &censorship = 1721
    pattern * ban = 172
    pattern * &restrictions = 172
    pattern * sentence = 116
    pattern * fine = 116
verb impose = 172
verb break off talks | suspend talks | halt talks | end talks | pull out of talks | walk out of talks | quit talks | abandon talks | call off talks | freeze talks | boycott talks | withdraw from talks | cancel talks | postpone talks | cancel visit | postpone visit | call off visit = 164
verb end mediation | halt mediation | suspend mediation | withdraw from mediation | abandon mediation | quit mediation = 165
verb expel | eject | oust | kick out | throw out of | order out | force out | deny entry | bar entry | refuse entry = 166
    pattern * &peacekeepers = 1661
    pattern * &inspectors = 1662
    pattern * &aid-workers = 1663
    pattern * &diplomats = 161
    pattern * &refugees = 174
    pattern * &foreigners = 174
verb expel peacekeepers | withdraw peacekeepers | pull out peacekeepers | end peacekeeping mission | terminate peacekeeping mission = 1661
verb expel inspectors | withdraw inspectors | expel observers | withdraw observers | end inspections | halt inspections | suspend inspections | bar inspectors = 1662
verb expel aid workers | expel aid agencies | suspend aid agencies | ban aid agencies | withdraw aid workers | shut down aid agencies = 1663

# ---- 17 Coerce ----
verb swear in | inaugurate | take office | take oath
verb hack | hack into | cyberattack | launch cyberattack | carry out cyberattack | hijack website | deface website = 170
verb coerce | force | compel | intimidate | harass | bully | browbeat | raid | hound | persecute | victimize | victimise | punish | retaliate against = 170
verb seize | confiscate | impound | nationalize | nationalise | expropriate | commandeer | requisition | freeze property | steal | grab land | seize property | seize assets = 1711
    pattern * &territory = 192
    pattern * &prisoners = 181
    pattern * control = 192
    pattern * power = 180
verb destroy | demolish | raze | bulldoze | torch | burn | set ablaze | set on fire | set fire | vandalize | vandalise | deface | damage | sabotage | blow up | wreck | ransack | smash | burn down | tear down = 1712
    pattern * himself = 1831
    pattern * herself = 1831
    pattern * themselves = 1831
verb damage = 171
verb set
    pattern * fire = 1712
    pattern * ablaze = 1712
verb ban | prohibit | outlaw | forbid | restrict | curb | bar | disqualify | blacklist candidates | deny permission | revoke license | revoke licence | suspend license | penalize | penalise | proscribe = 172
    pattern * &party = 1722
    pattern * &censorship = 1721
    pattern * &protests = 172
verb prevent | thwart | foil | stop from
    pattern * &protests = 172
    pattern * &military-action = 190
verb censor | gag | muzzle | jam | block website | block websites | shut down newspaper | close newspaper | shut newspaper | ban newspaper | suspend publication | restrict media | restrict press | silence | shut down internet | cut internet | throttle internet | jail journalists = 1721
verb ban party | ban parties | outlaw party | dissolve party | disband party | bar candidates | disqualify candidates | ban opposition | exclude candidates | deregister party = 1722
verb impose curfew | declare curfew | extend curfew | reimpose curfew | institute curfew | enforce curfew = 1723
verb declare
    pattern * state (of emergency) = 1724
    pattern * state (of siege) = 1724
    pattern * &emergency = 1724
    pattern * &curfew = 1723
    pattern * &ceasefire = 0871
    pattern * war = 190
    pattern * victory = 010
    pattern * &statement = 010
verb declare state of emergency | impose state of emergency | declare martial law | impose martial law | impose emergency rule | declare state of siege | extend state of emergency | impose direct rule = 1724
verb capture
    pattern * &territory = 190
    pattern * &prisoners = 181
verb arrest | detain | apprehend | capture | jail | imprison | incarcerate | lock up | round up | nab | prosecute | put on trial | take into custody | hold in custody | remand | charge | interrogate | question suspects | place under arrest | place under house arrest | put under house arrest | bring charges | press charges | file charges | summon for questioning | take in for questioning = 173
verb deport | expel individuals | exile | banish | evict | send back | push back | forcibly return | repatriate forcibly | expatriate | strip of citizenship | revoke citizenship = 174
verb repress | crack down | crack down on | suppress | quell | quash | crush | disperse | break up | clamp down | clamp down on | use force against | fire tear gas | use tear gas | tear-gas | teargas | use water cannon | beat protesters | open fire on protesters | put down = 175
    pattern * (with &gas) = 175
light use | employ | resort to
    pattern * &gas = 175
    pattern * &chem-weapons = 2041
    pattern * &nuclear-weapons = 2042
    pattern * weapons (of mass destruction) = 204
    pattern * &wmd = 204
    pattern * (as &human-shields) = 184
    pattern * &human-shields = 184
    pattern * force = 170
    pattern * veto = 129
    pattern * &rockets = 195
    pattern * &artillery = 194

# ---- 18 Assault ----
verb use unconventional violence | terrorize | terrorise | commit terrorism | carry out terrorist attack | commit atrocity = 180
verb stage coup | launch coup | attempt coup | mount coup | overthrow | topple | depose | oust government | seize power = 180
verb kidnap | abduct | hijack | take hostage | seize hostages | snatch | hold hostage | hold captive | spirit away = 181
verb beat | assault | beat up | flog | whip | batter | maul | manhandle | pummel | stone | injure | wound | hurt | maim | physically abuse = 182
    pattern sexually * = 1821
verb rape | sexually assault | sexually abuse | molest | gang-rape | gang rape | abuse sexually = 1821
verb torture | torment | maltreat | mistreat | abuse prisoners | subject to torture = 1822
verb murder | stab | behead | decapitate | lynch | strangle | hack to death | beat to death | stone to death | slit throat | execute | kill = 1823
    pattern * (in &military-action) = 190
    pattern * (in airstrike) = 195
    pattern * (in air strike) = 195
    pattern * (in suicide bombing) = 1831
    pattern * (in suicide attack) = 1831
    pattern * (in car bomb) = 1832
    pattern * (in car bombing) = 1832
    pattern * (in roadside bomb) = 1833
    pattern * (in roadside bombing) = 1833
    pattern * (in bombing) = 183
    pattern * (in bomb attack) = 183
    pattern * (in explosion) = 183
    pattern * (in clashes) = 190
    pattern * (in fighting) = 190
    pattern * (in gunbattle) = 193
    pattern * (in shootout) = 193
    pattern * (in shelling) = 194
verb bomb | detonate | explode | set off bomb | plant bomb | plant explosives | plant a bomb | detonate bomb | detonate explosives | set off explosives | hurl grenade | throw grenade | lob grenade = 183
    pattern &aircraft * = 195
    pattern * &nuclear-weapons = 2042
verb blow oneself up | carry out suicide bombing | carry out suicide attack | launch suicide attack | stage suicide attack | suicide bomb | blow himself up | blow herself up | blow themselves up = 1831
verb detonate car bomb | set off car bomb | explode car bomb | carry out car bombing | plant car bomb = 1832
verb plant roadside bomb | detonate roadside bomb | set off roadside bomb | plant IED | detonate IED = 1833
verb use as human shields | hold as human shields | use civilians as shields | use as human shield = 184
verb attempt to assassinate | try to assassinate | plot to assassinate | plot to kill | attempt assassination | survive assassination attempt | target for assassination = 185
verb assassinate | slay | gun down = 186
light plot | attempt | try
    pattern * assassinate = 185
    pattern * kill = 185
    pattern * coup = 180

# ---- 19 Fight ----
verb fight | battle | clash | attack | wage war | go to war | make war | invade | ambush | storm | overrun | counterattack | counter-attack | retaliate | launch offensive | launch attack | mount attack | carry out attack | strike | skirmish | shoot down | torpedo | recapture | retake | take control | repel | repulse = 190
    pattern &aircraft * = 195
    pattern * (with &artillery) = 194
    pattern * (with &rockets) = 195
    pattern * (from air) = 195
    pattern * &territory = 190
    pattern * &positions = 111
verb hit | target
    pattern &aircraft * = 195
    pattern &rockets * = 195
    pattern &artillery * = 194
    pattern * (with &rockets) = 195
    pattern * (with &artillery) = 194
    pattern * (with airstrikes) = 195
    pattern * (with air strikes) = 195
# Workers strike; armies strike targets (190, with the fight verbs).
verb strike
    pattern &labour * = 143
verb blockade | besiege | encircle | surround | seal off | cordon off | lay siege | lay siege to | close border | close borders | shut border | shut borders | close crossings | close airspace | restrict movement | impose blockade | enforce blockade | block shipping = 191
verb occupy | annex | seize territory | seize land | take over territory | occupy territory | colonize | colonise | establish control | hold territory | build settlements | expand settlements = 192
    pattern * square = 144
    pattern * building = 144
verb shoot | fire | open fire | shoot at | gun | snipe | exchange fire | trade fire | exchange gunfire | fire on | fire at | fire upon | shoot dead | spray with bullets = 193
    pattern * &rockets = 195
    pattern * &artillery = 194
    pattern * &gas = 175
    pattern * warning shots = 150
verb shell | bombard | pound | mortar | fire artillery | fire shells | fire mortars | launch artillery | fire tank shells | use artillery | use tanks = 194
verb air strike | airstrike | launch airstrike | launch airstrikes | carry out airstrike | carry out airstrikes | conduct airstrike | conduct airstrikes | launch air strike | launch air strikes | carry out air strike | carry out air strikes | conduct air strike | conduct air strikes | launch drone strike | launch missile strike | carry out drone strike | fire missile | fire missiles | fire rocket | fire rockets | launch missile | launch missiles | launch rocket | launch rockets | strafe | carpet-bomb | carpet bomb | drone strike = 195
verb violate ceasefire | break ceasefire | breach ceasefire | violate truce | break truce | breach truce | violate armistice | shatter ceasefire = 196

# ---- 20 Use unconventional mass violence ----
verb commit atrocities | commit war crimes | use mass violence | commit crimes against humanity = 200
verb expel en masse | forcibly displace | displace | drive out | uproot | depopulate | forcibly transfer | mass deportation | deport en masse | forcibly expel = 201
verb massacre | slaughter | exterminate | commit genocide | commit massacre | carry out massacre | kill en masse | mass murder = 202
verb cleanse ethnically | carry out ethnic cleansing | ethnically cleanse | engage in ethnic cleansing | commit ethnic cleansing = 203
verb use weapons of mass destruction | use WMD = 204
verb gas | use chemical weapons | use poison gas | use nerve agent | use chemical agents | launch chemical attack | carry out chemical attack | use biological weapons | use radiological weapons = 2041
verb detonate nuclear | detonate nuclear weapon | use nuclear weapons | use nuclear weapon | drop nuclear bomb | drop atomic bomb | launch nuclear attack | carry out nuclear strike = 2042

# ---- Event nouns ----
noun statement | communique | announcement | declaration | remarks | press conference | press briefing | speech | address = 010
noun pessimism | concern | alarm = 012
noun optimism = 013
noun review | reassessment = 014
noun claim of responsibility = 015
noun denial = 016
noun commemoration | memorial service | wreath-laying | tribute | minute of silence = 017
noun condolences | sympathy | message of condolence = 018
noun appeal | plea | request | call for help | entreaty = 020
    pattern * &aid-hum = 0233
    pattern * &aid = 023
    pattern * &talks = 026
    pattern * &ceasefire = 0256
    pattern * release = 0253
noun readiness | willingness | intention | pledge | promise | commitment | offer | undertaking = 030
    pattern * &aid = 033
    pattern * &talks = 036
    pattern * &mediation = 039
noun talks | meeting | consultations | consultation | discussions | summit | conference | round of talks | dialogue | get-together | working visit | tete-a-tete = 040
    pattern * (with +) = 040
noun telephone conversation | phone conversation | telephone call | phone call | phone talks | telephone talks | telephone consultations | video conference | videoconference | video call | phone consultations = 041
    pattern * (with +) = 041
noun visit | state visit | official visit | trip | tour | working trip | visit abroad = 042/043
    pattern * (to +) = 042/043
noun mediation | good offices = 045
noun negotiations | negotiation | bargaining | peace talks = 046
noun praise | endorsement | congratulations | commendation | gratitude | thanks = 051
noun recognition | diplomatic recognition = 054
noun apology = 055
noun pardon | forgiveness = 056
noun agreement | accord | treaty | pact | deal | memorandum of understanding | memorandum | protocol | convention = 057
noun cooperation | collaboration | partnership = 060
noun joint exercise | joint exercises | joint drills | joint patrol | joint military exercises = 062
noun extradition = 063
noun intelligence sharing | information exchange = 064
noun aid | assistance | donation | aid package | aid shipment | aid convoy = 070
noun loan | grant | credit line | debt relief | bailout = 071
noun military aid | arms supplies | arms deliveries | arms shipment | weapons delivery = 072
noun humanitarian aid | relief | food aid | relief supplies | airlift | evacuation = 073
noun peacekeeping mission | peacekeeping force | peacekeeping operation | protection force = 074
noun asylum | refuge | sanctuary = 075
noun concession | concessions = 080
noun easing of restrictions = 081
noun resignation | abdication = 0831
noun amnesty | release | prisoner exchange | prisoner swap | exchange of prisoners = 0841
noun compensation | reparations | restitution = 0842
noun humanitarian access | humanitarian corridor = 0863
noun de-escalation = 087
noun ceasefire | cease-fire | truce | armistice = 0871
noun disarmament | demobilization | demobilisation | decommissioning = 0873
noun withdrawal | pullout | pull-out | retreat | surrender = 0874
noun investigation | probe | inquiry | enquiry | inspection = 090
noun demand | demands = 100
noun criticism | condemnation | denunciation | rebuke | censure = 111
noun accusation | allegation | accusations | allegations = 112
noun complaint | protest note | note of protest | official protest = 114
noun lawsuit | legal action = 115
noun conviction | verdict | guilty verdict | sentence | death sentence = 116
noun rejection | refusal = 120
noun veto = 129
noun threat = 130
noun warning = 012
    pattern * + not = 130
    pattern * &reprisal = 130
noun ultimatum = 139
noun protest | protests | dissent = 140
    pattern * (against +) = 140
noun demonstration | rally | march | sit-in | vigil | protest march | street protest = 141
    pattern * (against +) = 141
noun hunger strike = 142
    pattern * (against +) = 142
noun strike | general strike | walkout | boycott | work stoppage | stoppage = 143
    pattern * (against +) = 143
noun roadblock | road block | barricade | blockade of roads = 144
noun riot | riots | unrest | rioting | looting = 145
    pattern * (against +) = 145
noun military exercise | military exercises | military drill | military drills | war games | show of force | missile test | nuclear test = 150
noun alert | high alert | combat readiness = 152
noun mobilization | mobilisation | troop buildup | military buildup | deployment | reinforcements = 154
noun break in relations | severance of relations = 161
noun aid cut | aid suspension | aid cuts | suspension of aid = 162
noun suspension | severance | freezing | cutoff | cut-off = 160
    pattern * (of &aid-econ) = 1621
    pattern * (of &aid-mil) = 1622
    pattern * (of &aid-hum) = 1623
    pattern * (of &aid) = 162
    pattern * (of &talks) = 164
    pattern * (of &mediation) = 165
    pattern * (of &relations) = 161
    pattern * (of &cooperation) = 160
    pattern * (of &ceasefire) = 196
noun sanctions | sanction | embargo | arms embargo | trade embargo | asset freeze = 163
noun expulsion = 166
noun confiscation | seizure | expropriation | nationalization = 1711
noun demolition | destruction | arson | sabotage | vandalism = 1712
noun ban | prohibition | restrictions = 172
noun censorship = 1721
noun curfew = 1723
noun state of emergency | martial law | emergency rule | state of siege = 1724
noun arrest | arrests | detention | detentions | custody | indictment | prosecution | raid on homes = 173
noun deportation | deportations | eviction | exile = 174
noun crackdown | repression | suppression = 175
noun coup | coup attempt | putsch | coup d'etat | coup d'état = 180
noun kidnapping | abduction | hijacking | hostage-taking = 181
noun assault | beating | beatings | physical assault = 182
noun rape | sexual assault | sexual violence | sexual abuse = 1821
noun torture = 1822
noun murder | killing | execution | lynching | beheading | stabbing = 1823
noun bombing | bomb attack | explosion | blast | bomb blast | grenade attack = 183
noun suicide bombing | suicide attack | suicide bomb | suicide blast = 1831
noun car bomb | car bombing | car-bomb | vehicle bomb | truck bomb = 1832
noun roadside bomb | roadside bombing | improvised explosive device | IED | landmine | land mine = 1833
noun human shield | human shields = 184
noun assassination attempt | attempted assassination | attempt on life = 185
noun assassination | targeted killing = 186
noun attack | clash | clashes | fighting | battle | offensive | invasion | incursion | ambush | gun battle | gunbattle | firefight | skirmish | skirmishes | hostilities | raid | counteroffensive | counter-offensive | military operation | military strike = 190
noun siege | blockade | naval blockade | encirclement | border closure = 191
noun occupation | annexation = 192
noun shooting | gunfire | shootout | shoot-out | sniper fire = 193
noun shelling | bombardment | artillery fire | mortar fire | tank fire | rocket fire = 194
noun airstrike | air strike | airstrikes | air raid | air raids | air attack | drone strike | drone attack | missile strike | missile attack | rocket attack | bombing raid | aerial bombardment = 195
noun ceasefire violation | ceasefire violations | truce violation | violation of ceasefire = 196
noun atrocity | atrocities | war crimes = 200
noun mass expulsion | forced displacement | mass deportation = 201
noun massacre | genocide | mass killing | mass killings | mass murder | slaughter | carnage = 202
noun ethnic cleansing = 203
noun chemical attack | chemical weapons attack | gas attack | poison gas attack | biological attack = 2041
noun nuclear attack | nuclear strike | nuclear explosion = 2042

# ---- States ----
# A state lasts: it is an event only where a verb of onset begins it ("war broke out between
# Iran and Iraq", "a row erupted between Greece and Turkey"), never by mention ("the
# Israeli-Palestinian conflict", "fears of a trade war"). The longer phrases come first: the
# first entry whose words fit wins. Without a code: begun, still no political event.
state trade war | tariff war = 163
state price war | bidding war | turf war
state war | conflict | armed conflict | civil war | border war = 190
state dispute | row | feud | rift | quarrel | spat | standoff | stand-off | diplomatic row = 110
"""


# CAMEO codes a material action announced for the future ("will provide aid", "would withdraw
# its troops", "will visit Cairo") as the intent to do it (03): each material code below gets,
# in every verb entry that produces it, a first pattern with `&future` before the verb giving the
# intent code. Leadership changes (083x) are left out: "will resign" is already a concession.
FUTURE_CODES = {
    "060": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "070": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "033",
    "081": "0351", "0811": "0351", "0812": "0351", "0813": "0351", "0814": "0351",
    "082": "0352", "084": "0353", "0841": "0353", "0842": "0353", "085": "0354",
    "086": "0355", "0861": "0355", "0862": "0355", "0863": "0355",
    "087": "0356", "0871": "0356", "0872": "0356", "0873": "0356", "0874": "0356",
    "040": "036", "042/043": "036", "043/042": "036", "046": "036", "045": "039",
    # "will support", "will back": intent of policy support; "will sign the agreement": intent
    # to cooperate.
    "051": "032", "052": "032", "057": "030",
}


# CAMEO codes a hostile action announced for the future or held out as possible ("will impose
# sanctions", "would close the border", "could halt aid", "may expel the inspectors") as the
# threat to do it (13): each code below gets, in every verb entry that produces it, patterns with
# `&future` and `&maybe` before the verb giving the threat code. Verbal conflict (10-13) and force
# posture (15) stay as they are: "will deploy troops" is a deployment announced, not a threat.
THREAT_CODES = {
    "140": "133", "141": "133", "1411": "133", "1412": "133", "1413": "133", "1414": "133",
    "142": "133", "1421": "133", "1422": "133", "1423": "133", "1424": "133",
    "143": "133", "1431": "133", "1432": "133", "1433": "133", "1434": "133",
    "144": "133", "1441": "133", "1442": "133", "1443": "133", "1444": "133",
    "145": "133", "1451": "133", "1452": "133", "1453": "133", "1454": "133",
    "160": "131", "161": "1313", "162": "1311", "1621": "1311", "1622": "1311", "1623": "1311",
    "163": "1312", "164": "134", "165": "135", "166": "136", "1661": "136", "1662": "136",
    "1663": "136",
    "170": "131", "1711": "131", "1712": "131", "172": "132", "1721": "1321", "1722": "1322",
    "1723": "1323", "1724": "1324", "173": "132", "174": "132", "175": "137",
    "180": "1383", "181": "1383", "183": "1383", "1831": "1383", "1832": "1383", "1833": "1383",
    "186": "1383", "185": "1383",
    "190": "138", "191": "1381", "192": "1382", "193": "1384", "194": "1384", "195": "1384",
    "200": "138", "201": "138", "202": "138", "203": "138",
    "204": "1385", "2041": "1385", "2042": "1385",
}


def future_patterns(entry):
    """The `&future` and `&maybe` patterns of a verb entry: one per pattern (and the default code)
    whose code is a material action (intent, 03) or a hostile act (threat, 13), in the entry's
    order."""
    out = []
    shapes = [(p.rpartition(" = ")[0][len("pattern "):], p.rpartition(" = ")[2])
              for p in entry.patterns if p.startswith("pattern * ")]
    if entry.code:
        for code in entry.code.split(":")[:1]:
            shapes.append(("*", code))
    # "will not withdraw" keeps the intent code: the coder marks the verb negated.
    for rest, code in shapes:
        if code in FUTURE_CODES:
            out.append(f"pattern &intending {rest} = {FUTURE_CODES[code]}")
        elif code in THREAT_CODES:
            out.append(f"pattern &threatening {rest} = {THREAT_CODES[code]}")
    return out


# What is provided, given or delivered decides the code: shared by "provide" and "give".
PROVIDE_OBJECTS = [
    ("asylum", "075"),
    ("refuge", "075"),
    ("recognition", "054"),
    ("amnesty", "0841"),
    ("pardon", "056"),
    ("&condolences", "018"),
    ("invitation", "036"),
    ("&ceasefire", "0871"),
    ("access", "086"),
    ("autonomy", "0834"),
    ("&rights", "0833"),
    ("&aid-econ", "071"),
    ("&aid-mil", "072"),
    ("intelligence", "072"),
    ("&aid-hum", "073"),
    ("&peacekeepers", "074"),
    ("protection", "074"),
    ("&aid", "070"),
]


def family_patterns(name):
    if name == "reported-intent":
        # "X said it would withdraw its troops", "X announced it is ready to release the
        # prisoners": a statement of what the speaker will do is an intent (03); after the
        # intents, "said it would impose sanctions / retaliate" is a threat (13). The words are
        # looked for anywhere in the complement, so only verb-led objects count ("withdraw
        # &troops", not "reform" or "tariffs", which turn up in any statement).
        codes = FAMILY_CODES["intent"]
        intents = [
            f"pattern * {lead} {after} = {codes[slot]}"
            for lead in ("&intending",)
            for after, slot in REPORTED_INTENTS
        ]
        # "said it would not withdraw / is not ready to release": a refusal (12), tried first
        # since the words of the positive pattern are there too.
        rejects = FAMILY_CODES["reject"]
        refusals = [
            f"pattern * {lead} {after} = {code}"
            for lead in ("&future not", "&future never", "not &ready")
            for after, code in REPORTED_REFUSALS
            + [(after, rejects[slot]) for after, slot in REPORTED_INTENTS]
        ]
        first = refusals + [
            f"pattern * {lead} {after} = {code}"
            for lead in ("&intending",)
            for after, code in REPORTED_THREATS_FIRST
        ]
        threats = [
            f"pattern * {lead} {after} = {code}"
            for lead in ("&intending",)
            for after, code in REPORTED_THREATS
        ]
        return first + intents + threats
    if name == "reported-demand":
        # "X said Y must release the prisoners" is a demand (10), "... Y should withdraw" an
        # appeal (02), with the object's own code; "must not" and "should not" are left to the
        # general patterns.
        demand, appeal = FAMILY_CODES["demand"], FAMILY_CODES["appeal"]
        return [
            f"pattern * must {after} = {demand[slot]}" for after, slot in REPORTED_INTENTS
        ] + [
            f"pattern * should {after} = {appeal[slot]}" for after, slot in REPORTED_INTENTS
        ]
    if name == "planned":
        # "X plans to impose sanctions", "X is preparing to withdraw its peacekeepers": a plan
        # for a hostile act is a threat, a plan to cooperate an intent; the words are looked
        # for in the complement, as for a reported statement.
        codes = FAMILY_CODES["intent"]
        first = [f"pattern * {after} = {code}" for after, code in REPORTED_THREATS_FIRST]
        intents = [f"pattern * {after} = {codes[slot]}" for after, slot in REPORTED_INTENTS]
        # A plan to attack or arrest is more often a suspect's than a threat made in public.
        threats = [
            f"pattern * {after} = {code}"
            for after, code in REPORTED_THREATS
            if after not in ("attack",)
        ]
        return first + intents + threats
    if name == "provide":
        return [f"pattern * {after} = {code}" for after, code in PROVIDE_OBJECTS]
    if name == "threaten":
        return [f"pattern * {after} = {code}" for after, code in THREAT_PATTERNS]
    codes = FAMILY_CODES[name]
    return [f"pattern * {after} = {codes[slot]}" for after, slot in SLOTS if slot in codes]


class Entry:
    def __init__(self, kind, phrases, code, line):
        self.kind = kind
        self.phrases = phrases
        self.code = code
        self.patterns = []
        self.line = line


def parse(source):
    """Reads the source; `light A | B` adds the patterns below it to single-verb entries A and B."""
    entries = []
    index = {}  # (kind, phrases case-folded) -> entry: repeated heads merge
    current = []
    for raw in source.split("\n"):
        line = re.sub(r"(^|\s)#.*$", "", raw).rstrip()
        if not line.strip():
            continue
        if line[0] == " ":
            body = line.strip()
            patterns = family_patterns(body.split()[1]) if body.startswith("family ") else [body]
            for e in current:
                e.patterns += patterns
            continue
        kind, _, rest = line.partition(" ")
        code = None
        if " = " in rest:
            rest, _, code = rest.partition(" = ")
        if kind == "synset":
            entries.append(Entry(kind, [rest.strip()], code, raw))
            current = entries[-1:]
            continue
        phrases = [p.strip() for p in rest.split("|")]
        heads = [("verb", [p]) for p in phrases] if kind == "light" else [(kind, phrases)]
        current = []
        for head_kind, head in heads:
            key = (head_kind, tuple(p.casefold() for p in head))
            entry = index.get(key)
            if entry is None:
                entry = Entry(head_kind, head, None, raw)
                index[key] = entry
                entries.append(entry)
            if code is not None:
                if entry.code is not None and entry.code != code:
                    sys.exit(f"{head[0]}: two default codes")
                entry.code = code
            current.append(entry)
    return entries


def drop_duplicates(entries):
    """Makes every phrase name one entry per kind. A phrase that has an entry of its own absorbs
    the default code and patterns of a group entry that also lists it (its own patterns first);
    a phrase in two group entries stays in the first (reported on stderr)."""
    singles = {}
    for e in entries:
        if e.kind != "synset" and len(e.phrases) == 1:
            singles[(e.kind, e.phrases[0].casefold())] = e
    seen = {}
    for e in entries:
        if e.kind == "synset" or len(e.phrases) == 1:
            continue
        kept = []
        for p in e.phrases:
            k = (e.kind, p.casefold())
            if k in singles:
                single = singles[k]
                single.patterns += [q for q in e.patterns if q not in single.patterns]
                single.code = single.code or e.code
                continue
            if k in seen:
                print(f"note: {e.kind} {p!r} already in {seen[k].phrases[0]!r}", file=sys.stderr)
                continue
            seen[k] = e
            kept.append(p)
        e.phrases = kept
    return [e for e in entries if e.phrases]


INNER_HYPHEN = re.compile(r"(?<=[A-Za-z0-9])-(?=[A-Za-z0-9])")


def add_split_hyphens(entries):
    """dyad's tokenizer splits most hyphenated words ("cease-fire" is `cease - fire`); verb and
    noun phrases are matched word by word, so each phrase with a hyphen also gets its split
    spelling (actor, agent and synset phrases are split by the matcher itself)."""
    taken = {(e.kind, p.casefold()) for e in entries if e.kind != "synset" for p in e.phrases}
    for e in entries:
        if e.kind not in ("verb", "noun"):
            continue
        for phrase in list(e.phrases):
            split = INNER_HYPHEN.sub(" - ", phrase)
            if split != phrase and (e.kind, split.casefold()) not in taken:
                e.phrases.append(split)
                taken.add((e.kind, split.casefold()))


# Irregular verbs that lead a verb phrase: base -> (past, past participle). Every other verb is
# inflected by the regular rules below.
IRREGULAR = {
    "arise": ("arose", "arisen"), "bear": ("bore", "borne"), "beat": ("beat", "beaten"),
    "become": ("became", "become"), "begin": ("began", "begun"), "bid": ("bid", "bid"),
    "bind": ("bound", "bound"), "bleed": ("bled", "bled"), "blow": ("blew", "blown"),
    "break": ("broke", "broken"), "bring": ("brought", "brought"),
    "broadcast": ("broadcast", "broadcast"), "browbeat": ("browbeat", "browbeaten"),
    "build": ("built", "built"), "burn": ("burned", "burnt"), "burst": ("burst", "burst"),
    "buy": ("bought", "bought"), "cast": ("cast", "cast"), "catch": ("caught", "caught"),
    "choose": ("chose", "chosen"), "come": ("came", "come"), "cut": ("cut", "cut"),
    "deal": ("dealt", "dealt"), "dig": ("dug", "dug"), "do": ("did", "done"),
    "draw": ("drew", "drawn"), "drive": ("drove", "driven"), "fall": ("fell", "fallen"),
    "feed": ("fed", "fed"), "feel": ("felt", "felt"), "fight": ("fought", "fought"),
    "find": ("found", "found"), "flee": ("fled", "fled"), "fly": ("flew", "flown"),
    "forbid": ("forbade", "forbidden"), "forgive": ("forgave", "forgiven"),
    "freeze": ("froze", "frozen"), "get": ("got", "got"), "give": ("gave", "given"),
    "go": ("went", "gone"), "grow": ("grew", "grown"), "hang": ("hanged", "hung"),
    "have": ("had", "had"), "hear": ("heard", "heard"), "hide": ("hid", "hidden"),
    "hit": ("hit", "hit"), "hold": ("held", "held"), "hurt": ("hurt", "hurt"),
    "keep": ("kept", "kept"), "know": ("knew", "known"), "lay": ("laid", "laid"),
    "lead": ("led", "led"), "leave": ("left", "left"), "lend": ("lent", "lent"),
    "let": ("let", "let"), "light": ("lit", "lit"), "lose": ("lost", "lost"),
    "make": ("made", "made"), "mean": ("meant", "meant"), "meet": ("met", "met"),
    "mistake": ("mistook", "mistaken"), "overcome": ("overcame", "overcome"),
    "overrun": ("overran", "overrun"), "oversee": ("oversaw", "overseen"),
    "overthrow": ("overthrew", "overthrown"), "pay": ("paid", "paid"), "put": ("put", "put"),
    "quit": ("quit", "quit"), "rebuild": ("rebuilt", "rebuilt"), "retake": ("retook", "retaken"),
    "ride": ("rode", "ridden"), "ring": ("rang", "rung"), "rise": ("rose", "risen"),
    "run": ("ran", "run"), "say": ("said", "said"), "see": ("saw", "seen"),
    "seek": ("sought", "sought"), "sell": ("sold", "sold"), "send": ("sent", "sent"),
    "set": ("set", "set"), "shake": ("shook", "shaken"), "shed": ("shed", "shed"),
    "shoot": ("shot", "shot"), "show": ("showed", "shown"), "shut": ("shut", "shut"),
    "sink": ("sank", "sunk"), "sit": ("sat", "sat"), "slay": ("slew", "slain"),
    "speak": ("spoke", "spoken"), "speed": ("sped", "sped"), "spend": ("spent", "spent"),
    "split": ("split", "split"), "spread": ("spread", "spread"), "stand": ("stood", "stood"),
    "steal": ("stole", "stolen"), "stick": ("stuck", "stuck"), "strike": ("struck", "struck"),
    "swear": ("swore", "sworn"), "take": ("took", "taken"), "teach": ("taught", "taught"),
    "tear": ("tore", "torn"), "tell": ("told", "told"), "think": ("thought", "thought"),
    "throw": ("threw", "thrown"), "undergo": ("underwent", "undergone"),
    "undertake": ("undertook", "undertaken"), "understand": ("understood", "understood"),
    "uphold": ("upheld", "upheld"), "upset": ("upset", "upset"), "wage": ("waged", "waged"),
    "wake": ("woke", "woken"), "win": ("won", "won"), "withdraw": ("withdrew", "withdrawn"),
    "withhold": ("withheld", "withheld"), "write": ("wrote", "written"),
}

# Verbs of more than one syllable that double their last consonant ("kidnapped", "expelled"),
# and those whose doubling differs between British and American spelling (both are written).
DOUBLING = {
    "abet", "acquit", "admit", "commit", "compel", "concur", "confer", "control", "deter",
    "embed", "equip", "expel", "incur", "kidnap", "omit", "outwit", "patrol", "permit",
    "prefer", "propel", "rebel", "refer", "regret", "repel", "submit", "transfer",
}
BOTH_SPELLINGS = {
    "cancel", "channel", "counsel", "fuel", "funnel", "label", "level", "marshal", "model",
    "quarrel", "signal", "travel", "tunnel", "total",
}
VOWELS = "aeiou"


def doubles(verb):
    """Whether a regular verb doubles its last consonant before -ed and -ing."""
    if verb in DOUBLING:
        return True
    syllables = len(re.findall(r"[aeiouy]+", verb))
    return (
        syllables == 1
        and re.search(r"(^|[^aeiou])[aeiou][^aeiouwxy]$", verb) is not None
    )


def inflections(verb):
    """The third person singular, past, past participle and -ing forms of a lower-case verb."""
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")) and not verb.endswith(("io", "eo")):
        third = verb + "es"
    elif verb.endswith("y") and verb[-2] not in VOWELS:
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    stems = [verb + verb[-1]] if doubles(verb) else [verb]
    if verb in BOTH_SPELLINGS:
        stems = [verb, verb + verb[-1]]
    pasts, ings = [], []
    for stem in stems:
        if stem.endswith("e"):
            pasts.append(stem + "d")
            ings.append(stem + "ing" if stem.endswith(("ee", "ye", "oe")) else stem[:-1] + "ing")
        elif stem.endswith("y") and stem[-2] not in VOWELS:
            pasts.append(stem[:-1] + "ied")
            ings.append(stem + "ing")
        elif stem.endswith("c"):
            pasts.append(stem + "ked")
            ings.append(stem + "king")
        else:
            pasts.append(stem + "ed")
            ings.append(stem + "ing")
    if verb.endswith("ie"):
        ings = [verb[:-2] + "ying"]
    if verb in IRREGULAR:
        pasts = list(dict.fromkeys(IRREGULAR[verb]))
    return [third] + pasts + ings


def add_inflections(entries):
    """Each verb phrase also gets the inflected forms of its first word ("blamed", "fought",
    "pulled out of"), so that a verb is found even where the lemmatizer misses its lemma (it
    learns irregular forms from one treebank and guesses the rest). A form that is another
    phrase of the verb kind is left to that phrase."""
    taken = {p.casefold() for e in entries if e.kind == "verb" for p in e.phrases}
    for e in entries:
        if e.kind != "verb":
            continue
        for phrase in list(e.phrases):
            first, _, rest = phrase.partition(" ")
            if first in ("be", "de", "no") or not first.isalpha() or not first.islower():
                continue
            if rest.startswith("-"):
                continue
            for form in inflections(first):
                inflected = f"{form} {rest}" if rest else form
                if inflected.casefold() not in taken:
                    e.phrases.append(inflected)
                    taken.add(inflected.casefold())


def main(out):
    entries = drop_duplicates(parse(SOURCE))
    add_split_hyphens(entries)
    add_inflections(entries)
    produced = set()
    for e in entries:
        if e.kind == "synset":
            continue
        # Patterns with a placeholder code (`0?`) mark a use that CAMEO gives no code; drop them.
        e.patterns = [p for p in e.patterns if not p.endswith("= 0?")]
        if e.kind == "verb":
            e.patterns = future_patterns(e) + e.patterns
        for code in [e.code] + [p.rsplit(" = ", 1)[1] for p in e.patterns]:
            if code and code != "---":
                produced |= set(re.split(r"[:/]", code))
    missing = [c for c in CAMEO_CODES if c not in produced]
    if missing:
        sys.exit(f"CAMEO codes never produced: {missing}")
    unknown = sorted(produced - set(CAMEO_CODES))
    if unknown:
        sys.exit(f"codes that are not CAMEO codes: {unknown}")
    entries.sort(key=lambda e: (e.kind, e.phrases[0].casefold(), e.phrases[0]))
    out.write(
        "@format dyad-dictionary 1\n"
        f"@version {VERSION}\n"
        "@licence MIT (dyad's own work)\n"
        "@description Verbs, light verbs, event nouns and patterns for every CAMEO 1.1b3 event code\n"
        "# Generated by gen/verbs.py (source grouped by CAMEO root, pattern families expanded);\n"
        "# edit the script, not this file. Verb phrases are lemmas; the first matching pattern of\n"
        "# an entry wins, so specific patterns come before general ones. `A/B` codes give A from\n"
        "# source to target and B back (a visit and its hosting).\n"
        "@sort entries\n\n"
    )
    for e in entries:
        head = f"{e.kind} {' | '.join(e.phrases)}"
        if e.kind == "synset":
            out.write(f"{head} = {e.code}\n")
            continue
        out.write(f"{head} = {e.code}\n" if e.code else f"{head}\n")
        for p in e.patterns:
            out.write(f"    {p}\n")


if __name__ == "__main__":
    main(sys.stdout)
