#!/usr/bin/env python3
"""Generates ../agents.dyad: role phrases (agents) and the CAMEO role codes they stand for.

All content is typed below by the dyad authors. Ministerial titles are built from one list of
portfolios so that "foreign minister", "minister of foreign affairs", "deputy foreign minister"
and "foreign ministry" stay consistent. Regular plurals are left to the matcher (the format
matches the regular plural of an agent's last word); irregular plurals are listed.

Run: python3 agents.py > ../agents.dyad  (then check.py must report 0 errors).
"""

import sys

VERSION = "2026.11.29"

# Portfolio word(s) as in "X minister"; the "of" form; the code of the minister and of the ministry.
PORTFOLIOS = [
    ("foreign", "foreign affairs", "GOV", "GOV"),
    ("defence", "defence", "GOV", "MIL"),
    ("defense", "defense", "GOV", "MIL"),
    ("interior", "interior", "GOV", "GOV"),
    ("home", "home affairs", "GOV", "GOV"),
    ("finance", "finance", "GOV", "GOV"),
    ("economy", "economy", "GOV", "GOV"),
    ("economic", "economic affairs", "GOV", "GOV"),
    ("trade", "trade", "GOV", "GOV"),
    ("commerce", "commerce", "GOV", "GOV"),
    ("industry", "industry", "GOV", "GOV"),
    ("energy", "energy", "GOV", "GOV"),
    ("oil", "oil", "GOV", "GOV"),
    ("petroleum", "petroleum", "GOV", "GOV"),
    ("justice", "justice", "GOV", "JUD"),
    ("health", "health", "GOV", "GOV"),
    ("education", "education", "GOV", "GOV"),
    ("agriculture", "agriculture", "GOV", "GOV"),
    ("labour", "labour", "GOV", "GOV"),
    ("labor", "labor", "GOV", "GOV"),
    ("information", "information", "GOV", "GOV"),
    ("culture", "culture", "GOV", "GOV"),
    ("transport", "transport", "GOV", "GOV"),
    ("environment", "environment", "GOV", "GOV"),
    ("tourism", "tourism", "GOV", "GOV"),
    ("communications", "communications", "GOV", "GOV"),
    ("water", "water resources", "GOV", "GOV"),
    ("housing", "housing", "GOV", "GOV"),
    ("planning", "planning", "GOV", "GOV"),
    ("security", "security", "GOV", "GOV"),
    ("public security", "public security", "GOV", "COP"),
    ("state security", "state security", "GOV", "SPY"),
    ("intelligence", "intelligence", "GOV", "SPY"),
    ("immigration", "immigration", "GOV", "GOV"),
    ("development", "development", "GOV", "GOV"),
    ("religious affairs", "religious affairs", "GOV", "GOV"),
    ("emergencies", "emergency situations", "GOV", "GOV"),
    ("mining", "mines", "GOV", "GOV"),
    ("telecommunications", "telecommunications", "GOV", "GOV"),
    ("social affairs", "social affairs", "GOV", "GOV"),
    ("european affairs", "european affairs", "GOV", "GOV"),
    ("climate", "climate change", "GOV", "GOV"),
]

# (phrases, code). The first phrase names the entry.
AGENTS = [
    # Government and diplomacy.
    ("government | govt | gov't", "GOV"),
    ("administration", "GOV"),
    ("authorities | authority", "GOV"),
    ("cabinet | council of ministers", "GOV"),
    ("regime", "GOV"),
    ("official | government official | senior official | top official | state official", "GOV"),
    ("leader | leadership | national leader", "GOV"),
    ("head of state | heads of state", "GOV"),
    ("head of government | heads of government", "GOV"),
    ("president | presidency | presidential palace | presidential office", "GOV"),
    ("vice president | vice-president | vice presidents", "GOV"),
    ("prime minister | premier | PM | prime ministers", "GOV"),
    ("deputy prime minister | vice premier | deputy premier | deputy prime ministers", "GOV"),
    ("first minister", "GOV"),
    ("chancellor", "GOV"),
    ("taoiseach | tanaiste", "GOV"),
    ("chief executive | chief minister", "GOV"),
    ("king | queen | monarch | emir | sultan | crown prince | supreme leader", "GOV"),
    ("ruling council | sovereign council | transitional council | interim government", "GOV"),
    ("transitional government | caretaker government | national unity government", "GOV"),
    ("unity government | government of national unity | coalition government", "GOV"),
    ("executive committee | executive committee member | politburo member", "GOV"),
    ("presidential envoy | special presidential envoy | presidential special envoy", "GOV"),
    ("ministry | ministries", "GOV"),
    ("minister | cabinet minister | ministers", "GOV"),
    ("minister of state | ministers of state | state minister", "GOV"),
    ("deputy minister | vice minister | junior minister | assistant minister", "GOV"),
    ("secretary of state | secretaries of state", "GOV"),
    ("deputy secretary of state | assistant secretary of state | undersecretary of state", "GOV"),
    ("foreign secretary | home secretary | defence secretary | defense secretary", "GOV"),
    ("treasury secretary | treasury | chancellor of the exchequer | exchequer", "GOV"),
    ("secretary-general | secretary general | secretaries-general", "GOV"),
    # Not "director general": as often the head of a broadcaster, a business lobby or an
    # international agency as of a government department.
    ("governor general", "GOV"),
    # "met his Iranian counterpart": the other side's holder of the same office.
    ("counterpart", "GOV"),
    ("secretary | undersecretary | under secretary | permanent secretary", "GOV"),
    ("state secretary | cabinet secretary | chief secretary", "GOV"),
    ("foreign office | state department | foreign service", "GOV"),
    ("ambassador | envoy | special envoy | special representative | emissary", "GOV"),
    ("ambassador-at-large | roving ambassador | ambassadors-at-large", "GOV"),
    ("diplomat | senior diplomat | top diplomat | chief diplomat | diplomatic corps", "GOV"),
    ("consul | consul general | consul-general | consuls general", "GOV"),
    ("charge d'affaires | chargé d'affaires", "GOV"),
    ("embassy | consulate | diplomatic mission | permanent mission | legation", "GOV"),
    ("delegation | government delegation | delegate", "GOV"),
    ("negotiator | chief negotiator | negotiating team", "GOV"),
    # A bare "spokesman" is no role: in wire news most speak for companies ("a Fiat
    # spokesman"), and whose spokesman it is gives the code ("a spokesman for the ministry").
    ("government spokesman | government spokeswoman | government spokesperson", "GOV"),
    ("press secretary | press office | press service", "GOV"),
    ("adviser | advisor | aide | senior adviser | top aide | presidential aide", "GOV"),
    ("national security adviser | national security advisor | security council", "GOV"),
    ("chief of staff | chiefs of staff", "GOV"),
    ("governor | provincial governor | regional governor | state governor", "GOV"),
    ("mayor | deputy mayor | city council | city hall | municipality | local government", "GOV"),
    ("provincial government | regional government | state government | local authorities", "GOV"),
    ("central government | federal government | national government", "GOV"),
    ("civil servant | bureaucrat | bureaucracy | civil service", "GOV"),
    ("central bank | central banker | central bank governor", "GOV"),
    ("reserve bank | reserve bank governor | monetary authority", "GOV"),
    ("customs | customs service | customs officer | tax authorities | tax office", "GOV"),
    ("election commission | electoral commission | electoral authorities", "GOV"),
    ("statesman | statesmen", "ELI"),
    # Military.
    ("military | armed forces | army | defence forces | defense forces | troops", "MIL"),
    ("soldier | serviceman | servicemen | servicewoman | servicewomen | service member", "MIL"),
    ("forces | government forces | government troops | state forces", "MIL"),
    ("security forces", "MIL"),
    ("navy | naval forces | sailor | seaman | seamen | marine | marine corps", "MIL"),
    ("air force | air forces | airforce | air defence | air defense | military pilot", "MIL"),
    ("national guard | republican guard | presidential guard", "MIL"),
    ("General | lieutenant general | major general | brigadier general | brigadier", "MIL"),
    ("colonel | lieutenant colonel | field marshal | admiral | rear admiral | vice admiral", "MIL"),
    ("commander | military commander | army commander | field commander | commanders", "MIL"),
    ("army chief | military chief | defence chief | defense chief | service chief", "MIL"),
    ("chief of general staff | chief of the general staff | general staff", "MIL"),
    ("joint chiefs | joint chiefs of staff | high command | military command", "MIL"),
    ("military officer | army officer | officer corps | military leadership", "MIL"),
    ("military junta | junta | military council | military government", "MIL"),
    ("paratrooper | infantry | infantryman | infantrymen | commando | special forces", "MIL"),
    ("battalion | brigade | regiment | platoon | garrison | military unit | armoured division", "MIL"),
    ("warship | warplane | fighter jet | gunboat | helicopter gunship | military aircraft", "MIL"),
    ("artillery | tank unit | armoured vehicle | armored vehicle", "MIL"),
    ("battle tank | attack helicopter | military helicopter | combat helicopter | fighter bomber", "MIL"),
    ("military drone | combat drone | armed drone | attack submarine | missile boat", "MIL"),
    ("peacekeeper | peacekeeping force | peacekeeping troops | blue helmets", "MIL"),
    ("reservist | conscript | military spokesman | army spokesman", "MIL"),
    ("coast guard | coastguard", "MIL"),
    ("border guard | border troops", "MIL"),
    # Police and security.
    ("police | police force | police forces | police service", "COP"),
    ("policeman | policemen | policewoman | policewomen | police officer | cop", "COP"),
    ("riot police | anti-riot police | traffic police | military police | secret police", "COP"),
    ("police chief | police commissioner | police commander | police spokesman", "COP"),
    ("gendarme | gendarmerie | carabinieri | constable | constabulary | sheriff", "COP"),
    ("law enforcement | law enforcement agency | law enforcement officer", "COP"),
    ("border police | immigration police | customs police | counterterrorism police", "COP"),
    ("prison guard | prison authorities | jailer | warden", "COP"),
    ("security guard | bodyguard | security personnel", "COP"),
    ("detective | investigator | investigators", "COP"),
    # Judiciary.
    ("court | supreme court | constitutional court | high court | appeals court", "JUD"),
    ("court of appeal | court of appeals | federal court | district court | military court", "JUD"),
    ("tribunal | special tribunal | criminal court | courts", "JUD"),
    ("judge | Justice | chief justice | magistrate | judiciary", "JUD"),
    ("prosecutor | public prosecutor | prosecutor general | state prosecutor | prosecution", "JUD"),
    ("attorney general | attorneys general | attorney-general", "JUD"),
    ("lawyer | attorney | defence lawyer | defense lawyer | defense attorney | barrister", "JUD"),
    ("jury | juror | judicial council | judicial authorities", "JUD"),
    # Legislature.
    ("parliament | legislature | national assembly | parliaments", "LEG"),
    ("lawmaker | legislator | parliamentarian | MP | member of parliament | members of parliament", "LEG"),
    ("congress | congressman | congressmen | congresswoman | congresswomen", "LEG"),
    ("senate | senator | upper house | lower house | house of representatives", "LEG"),
    ("parliament speaker | speaker of parliament | parliamentary speaker | house speaker", "LEG"),
    ("parliamentary committee | legislative committee | select committee", "LEG"),
    ("legislative council | legislative assembly | constituent assembly", "LEG"),
    # Intelligence.
    ("intelligence | intelligence service | intelligence agency | intelligence services", "SPY"),
    ("spy | spy agency | spymaster | secret agent | intelligence officer | intelligence chief", "SPY"),
    ("security service | secret service | counterintelligence | intelligence community", "SPY"),
    # Rebels, insurgents, armed groups.
    ("rebel | rebel group | rebel forces | rebel fighter | rebel movement | rebel army", "REB"),
    ("rebel leader | rebel commander | rebel spokesman", "REB"),
    ("guerrilla | guerilla | guerrilla group | guerrilla fighter", "REB"),
    ("fighter | armed opposition | resistance fighter | resistance movement", "REB"),
    ("insurgent | insurgency | insurgent group", "INS"),
    ("militant | militant group | militant leader | militant commander", "INS"),
    ("terrorist | terrorist group | terrorist organization | terrorist organisation", "INS"),
    ("terror group | terror cell | jihadist | jihadi | jihadist group | suicide bomber", "INS"),
    ("separatist | secessionist | separatist rebel | separatist movement | separatist leader", "SEP"),
    ("militia | militiaman | militiamen | paramilitary | paramilitaries | armed group", "UAF"),
    ("gunman | gunmen | armed men | mercenary | mercenaries | assailant | attacker", "UAF"),
    ("extremist | hardliner | hard-liner | fundamentalist", "RAD"),
    ("reformist | reformer", "MOD"),
    # Crime.
    ("criminal | gang | gangster | gang member | mobster | mafia | organized crime", "CRM"),
    ("drug cartel | cartel | drug trafficker | drug lord | drug dealer | narco", "CRM"),
    ("smuggler | trafficker | people smuggler | human trafficker | arms dealer", "CRM"),
    ("kidnapper | hostage-taker | hijacker | pirate | bandit | robber | thief | thieves", "CRM"),
    ("murderer | killer | rapist | suspect | convict | fugitive | poacher", "CRM"),
    # Opposition, parties, politics.
    ("opposition | opposition party | opposition group | opposition coalition", "OPP"),
    ("opposition leader | opposition figure | opposition politician | opposition lawmaker", "OPP"),
    ("opposition activist | opposition supporter | dissident | regime opponent", "OPP"),
    ("protester | protestor | demonstrator | marcher | rioter | anti-government protester", "OPP"),
    ("pro-democracy activist | pro-democracy movement | pro-democracy campaigner", "OPP"),
    ("party | political party | ruling party | party leader | party official | party member", "PTY"),
    ("party chairman | party chief | party secretary | party spokesman | party leadership", "PTY"),
    ("political movement | political faction | political group | political organization", "PTY"),
    ("candidate | presidential candidate | presidential hopeful | running mate", "PTY"),
    ("politician | political leader | political figure | political elite", "ELI"),
    # Elites.
    ("former president | ex-president | former prime minister | ex-prime minister", "ELI"),
    ("former minister | former foreign minister | former official | former leader", "ELI"),
    ("former premier | former head of state | former lawmaker | former general", "ELI"),
    ("elder | tribal elder | tribal leader | tribal chief | chieftain | clan elder | clan leader", "ELI"),
    ("elite | notable | dignitary | aristocrat | nobleman | noblemen | oligarch", "ELI"),
    ("prince | princess | royal family | royal court | sheikh | sheik", "ELI"),
    ("celebrity | public figure | intellectual", "ELI"),
    # Religion.
    ("cleric | clergy | clergyman | clergymen | religious leader | spiritual leader", "REL"),
    ("priest | imam | mullah | ayatollah | rabbi | pastor | preacher | monk | nun | mufti", "REL"),
    ("bishop | archbishop | cardinal | pope | patriarch | grand mufti | chief rabbi", "REL"),
    ("church | mosque | synagogue | temple | religious authorities | seminary", "REL"),
    ("worshipper | worshiper | pilgrim | believer | congregation", "REL"),
    # Business.
    ("businessman | businessmen | businesswoman | businesswomen | businesspeople", "BUS"),
    ("business | business leader | business community | business group", "BUS"),
    ("company | firm | corporation | conglomerate | enterprise | state-owned company", "BUS"),
    ("executive | chief executive officer | CEO | chairman of the board | board of directors", "BUS"),
    ("investor | entrepreneur | banker | bank | industrialist | tycoon | magnate", "BUS"),
    ("trader | merchant | shopkeeper | retailer | exporter | importer | manufacturer", "BUS"),
    ("oil company | energy company | mining company | shipping company | airline", "BUS"),
    ("employer | employers | chamber of commerce | business association | contractor", "BUS"),
    ("stock exchange | stock market | creditor | lender | insurer", "BUS"),
    # "General" alone is an officer (MIL); these titles are not.
    ("general manager | general sales manager | general counsel | general partner", "BUS"),
    # Corporate designators: a name that holds one is a company ("U.S. West Inc" is USABUS, not
    # the US; "American Sports Advisors Inc" is no adviser).
    ("Inc | Inc. | Ltd | Ltd. | Corp | Corp. | Co | Co. | Cos. | Plc | AG | NV | SpA | GmbH | Bhd | Pty", "BUS"),
    # Media.
    ("journalist | reporter | correspondent | editor | columnist | photojournalist", "MED"),
    ("media | news media | state media | mass media | media outlet | news outlet", "MED"),
    ("newspaper | daily newspaper | magazine | news agency | state news agency", "MED"),
    ("television | state television | state TV | TV station | TV channel | broadcaster", "MED"),
    ("radio | radio station | state radio | news website | blogger | publisher", "MED"),
    ("cameraman | cameramen | photographer | press corps | news crew", "MED"),
    # Civilians.
    ("civilian | citizen | resident | inhabitant | villager | townspeople", "CVL"),
    ("person | persons | people | man | men | woman | women", "CVL"),
    ("child | children | boy | girl | teenager | youth | baby | babies | infant", "CVL"),
    ("family | families | relative | mother | father | son | daughter | husband | wife | wives", "CVL"),
    ("crowd | mob | general public | population | community | household | neighbour | neighbor", "CVL"),
    ("passenger | pedestrian | motorist | driver | shopper | tourist | bystander | traveller", "CVL"),
    ("hostage | captive | victim | survivor | casualty | casualties | the wounded", "CVL"),
    ("settler | colonist | homeowner | tenant | consumer | pensioner | retiree", "CVL"),
    ("activist | campaigner | civil society | civil society group | community leader", "CVL"),
    ("voter | electorate | constituent | supporter | volunteer", "CVL"),
    ("prisoner | detainee | inmate | political prisoner | prisoner of war | POW", "CVL"),
    ("rescuer | rescue worker | rescue team | firefighter | fireman | firemen", "CVL"),
    # Education.
    ("student | pupil | schoolchild | schoolchildren | schoolboy | schoolgirl | student leader", "EDU"),
    ("teacher | professor | lecturer | academic | scholar | researcher | scientist", "EDU"),
    ("university | college | school | academy | institute | think tank | think-tank", "EDU"),
    ("student union | students union | headmaster | school principal | dean", "EDU"),
    # Health.
    ("doctor | physician | surgeon | nurse | medic | paramedic | midwife", "HLH"),
    ("hospital | clinic | health centre | health center | field hospital | ambulance", "HLH"),
    ("health worker | healthcare worker | health official | medical staff | medical team", "HLH"),
    ("health authorities | health authority | health expert | epidemiologist", "HLH"),
    # Human rights.
    ("human rights group | rights group | human rights organization | human rights organisation", "HRI"),
    ("human rights activist | rights activist | human rights defender | rights campaigner", "HRI"),
    ("human rights lawyer | human rights watchdog | human rights commission", "HRI"),
    ("ombudsman | ombudsperson | human rights body | rights body | rights watchdog", "HRI"),
    # Labour.
    ("union | trade union | labor union | labour union | trade unionist | union leader", "LAB"),
    ("worker | workers | labourer | laborer | employee | workforce | staff member", "LAB"),
    ("striker | striking worker | miner | coal miner | factory worker | dockworker | docker", "LAB"),
    ("trade union federation | labor federation | labour federation | union federation", "LAB"),
    # Agriculture.
    ("farmer | peasant | farmworker | farm worker | agricultural worker | grower | planter", "AGR"),
    ("herder | herdsman | herdsmen | pastoralist | rancher | cattle herder | nomad", "AGR"),
    ("fisherman | fishermen | fisher | fishing community", "AGR"),
    # Refugees and migrants.
    ("refugee | asylum seeker | asylum-seeker | refugee camp | refugee community", "REF"),
    ("displaced person | displaced people | internally displaced person | internally displaced people", "REF"),
    ("IDP | evacuee | returnee | stateless person | stateless people | boat people", "REF"),
    ("migrant | immigrant | illegal immigrant | undocumented migrant | emigrant | deportee", "REF"),
    # Environment.
    ("environmentalist | environmental group | environmental activist | green group", "ENV"),
    ("conservationist | climate activist | environmental organization | ecologist", "ENV"),
    # Development and aid (transnational organisations take the NGO prefix).
    ("development agency | development bank | donor | donor country | donor community", "DEV"),
    ("ngo | non-governmental organization | non-governmental organisation | nongovernmental organization", "NGO~"),
    ("aid group | aid agency | aid organization | aid organisation | relief agency | relief group", "NGO~"),
    ("aid worker | relief worker | humanitarian worker | humanitarian group | humanitarian organization", "NGO~"),
    ("charity | charitable organization | non-profit | nonprofit | foundation", "NGO~"),
]


def ministry_agents():
    rows = []
    for word, of, minister_code, ministry_code in PORTFOLIOS:
        minister = [
            f"{word} minister",
            f"minister of {of}",
            f"{word} ministers",
        ]
        if f"minister of {word}" not in minister:
            minister.append(f"minister of {word}")
        deputy = [
            f"deputy {word} minister",
            f"vice {word} minister",
            f"deputy minister of {of}",
            f"first deputy {word} minister",
        ]
        ministry = [f"{word} ministry", f"ministry of {of}"]
        if f"ministry of {word}" not in ministry:
            ministry.append(f"ministry of {word}")
        rows.append((" | ".join(minister), minister_code))
        rows.append((" | ".join(deputy), minister_code))
        rows.append((" | ".join(ministry), ministry_code))
    return rows


# Last words that take no plural: mass nouns and words already plural.
NO_PLURAL = {
    "inc", "ltd", "corp", "plc", "spa", "gmbh", "bhd", "pty",
    "police", "military", "personnel", "staff", "media", "press", "intelligence", "infantry",
    "security", "clergy", "artillery", "cavalry", "leadership", "society", "opposition",
    "aristocracy", "bureaucracy", "judiciary", "corps", "people", "men", "women", "children",
    "firemen", "servicemen", "servicewomen", "businessmen", "businesswomen", "businesspeople",
    "townspeople", "youth", "service", "customs", "command", "junta", "high command", "jewry",
    "mujahideen", "taliban", "intelligentsia", "guard", "force", "navy", "army", "legislature",
    "parliament", "congress", "senate", "government", "cabinet", "presidency", "ministry",
    "workforce", "diaspora", "elite", "establishment", "administration", "authority",
    "directorate", "secretariat", "office", "department", "council", "court", "commission",
}


# Last words with an irregular plural (None: none to write, or it is listed where needed).
IRREGULAR_PLURALS = {
    "child": "children", "schoolchild": "schoolchildren", "thief": "thieves", "wife": "wives",
    "midwife": "midwives", "schoolchildren": None, "aircraft": None, "wounded": None,
    "crime": None, "enforcement": None, "counterintelligence": None, "public": None,
    "television": None, "radio": None, "govt": None, "exchequer": None, "treasury": None,
    "prosecution": None, "airforce": None, "insurgency": None, "carabinieri": None,
    "tanaiste": None, "taoiseach": None, "team": "teams",
}


def plural_of(phrase):
    """The regular plural of a phrase's last word, or None where it takes none."""
    if " of " in phrase or " for " in phrase:
        return None  # "minister of defence": the plural is not on the last word
    head, _, last = phrase.rpartition(" ")
    word = last
    lower = word.casefold()
    if (
        not word.isalpha()
        or len(word) < 3
        or word.isupper()
        or lower in NO_PLURAL
        or lower.endswith(("s", "men", "ese", "ish"))
        or lower in ("human", "german", "roman")
    ):
        return None
    if lower in IRREGULAR_PLURALS:
        plural = IRREGULAR_PLURALS[lower]
        if plural is None:
            return None
        plural = word[0] + plural[1:]
    elif lower.endswith("man"):
        plural = word[:-3] + "men"
    elif lower.endswith(("x", "z", "sh", "ch")) and not lower.endswith("arch"):
        plural = word + "es"
    elif lower.endswith("y") and lower[-2] not in "aeiou":
        plural = word[:-1] + "ies"
    else:
        plural = word + "s"
    return f"{head} {plural}" if head else plural


def main(out):
    rows = AGENTS + ministry_agents()
    seen = {}
    entries = []
    for phrases, code in rows:
        unique = []
        for p in (p.strip() for p in phrases.split("|")):
            # A plural written out is redundant where it is the regular plural of a listed phrase.
            key = p.casefold()
            if key in seen:
                if seen[key] != code:
                    sys.exit(f"agent phrase {p!r} given two codes: {seen[key]} and {code}")
                continue
            if any(key == u.casefold() + "s" for u in unique):
                continue
            seen[key] = code
            unique.append(p)
        if unique:
            entries.append((unique[0].casefold(), unique, code))
    # Each phrase is also written with the regular plural of its last word ("protesters",
    # "rebels", "foreign ministers"): the matcher finds plurals through the lemmatizer, but a
    # reader without lemmas (the prefilter, which runs before tagging) needs them written.
    for _, unique, code in entries:
        for p in list(unique):
            plural = plural_of(p)
            if plural and plural.casefold() not in seen:
                seen[plural.casefold()] = code
                unique.append(plural)
    entries.sort()
    out.write(
        "@format dyad-dictionary 1\n"
        f"@version {VERSION}\n"
        "@licence MIT (dyad's own work)\n"
        "@description Agents: role phrases (minister, troops, police, rebels...) and CAMEO role codes\n"
        "# Generated by gen/agents.py from its own tables; edit the tables, not this file.\n"
        "# Each phrase is also written in its plural (regular by rule, irregular by table), so\n"
        "# that readers without lemmas (the prefilter) find plurals too.\n"
        "# Ministers are GOV; ministries of defence are MIL, of justice JUD, of intelligence SPY.\n"
        "@sort entries\n\n"
    )
    for _, phrases, code in entries:
        out.write(f"agent {' | '.join(phrases)} = {code}\n")


if __name__ == "__main__":
    main(sys.stdout)
