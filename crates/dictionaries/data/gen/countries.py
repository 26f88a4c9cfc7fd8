#!/usr/bin/env python3
"""Generates ../countries.dyad: every ISO 3166-1 country plus Kosovo, with names, adjectives,
demonyms, capitals and seats of government.

Sources: ISO 3166-1 codes and names from the `pycountry` package (PyPI, LGPL-2.1; installed on the
machine that regenerates, never needed to build dyad since the output is committed); everything
else (common names, adjectives, demonyms, capitals, seats of government and state institutions)
is typed below by the dyad authors from general knowledge.

Run: python3 countries.py > ../countries.dyad  (then check.py must report 0 errors).
"""

import sys

import pycountry

VERSION = "2026.11.29"

# CODE; names (first = the name the entry is listed under); adjectives and demonyms; capitals.
# Capitals that are ordinary words, common given names or other well-known places (Victoria,
# Hamilton, Male, Santiago, San Jose, St. John's, Georgetown) are left out on purpose. A name
# that starts with "West" is also listed after "the" ("the West German government", and "the"
# shared by "the U.S. and West Germany"): the first match wins, and "the West" is WST.
COUNTRIES = """
ABW; Aruba; Aruban, Arubans; Oranjestad
AFG; Afghanistan, Islamic Emirate of Afghanistan; Afghan, Afghans; Kabul
AGO; Angola; Angolan, Angolans; Luanda
AIA; Anguilla; Anguillan, Anguillans;
ALA; Aland Islands, Åland Islands, Åland; Ålander, Ålanders; Mariehamn
ALB; Albania; Albanian, Albanians; Tirana
AND; Andorra; Andorran, Andorrans; Andorra la Vella
ARE; United Arab Emirates, UAE, U.A.E., Emirates; Emirati, Emiratis; Abu Dhabi
ARG; Argentina; Argentine, Argentines, Argentinian, Argentinians, Argentinean, Argentineans; Buenos Aires
ARM; Armenia; Armenian, Armenians; Yerevan
ASM; American Samoa; American Samoan, American Samoans; Pago Pago
ATA; Antarctica; Antarctic;
ATF; French Southern Territories, French Southern and Antarctic Lands;;
ATG; Antigua and Barbuda, Antigua; Antiguan, Antiguans, Barbudan, Barbudans;
AUS; Australia, Commonwealth of Australia; Australian, Australians, Aussie, Aussies; Canberra
AUT; Austria; Austrian, Austrians; Vienna
AZE; Azerbaijan; Azerbaijani, Azerbaijanis, Azeri, Azeris; Baku
BDI; Burundi; Burundian, Burundians; Bujumbura, Gitega
BEL; Belgium; Belgian, Belgians; Brussels
BEN; Benin; Beninese, Beninois; Porto-Novo, Cotonou
BES; Bonaire, Sint Eustatius, Caribbean Netherlands;;
BFA; Burkina Faso, Burkina; Burkinabe, Burkinabé, Burkinabes; Ouagadougou
BGD; Bangladesh; Bangladeshi, Bangladeshis; Dhaka
BGR; Bulgaria; Bulgarian, Bulgarians; Sofia
BHR; Bahrain; Bahraini, Bahrainis; Manama
BHS; Bahamas, The Bahamas; Bahamian, Bahamians; Nassau
BIH; Bosnia and Herzegovina, Bosnia-Herzegovina, Bosnia, Republika Srpska, Herzegovina; Bosnian, Bosnians, Herzegovinian, Bosniak, Bosniaks, Bosnian Serb, Bosnian Serbs, Bosnian Croat, Bosnian Croats; Sarajevo
BLM; Saint Barthelemy, Saint Barthélemy, St. Barts, St Barts;; Gustavia
BLR; Belarus, Byelorussia; Belarusian, Belarusians, Belarussian, Belarussians, Byelorussian; Minsk
BLZ; Belize; Belizean, Belizeans; Belmopan
BMU; Bermuda; Bermudian, Bermudians;
BOL; Bolivia, Plurinational State of Bolivia; Bolivian, Bolivians; La Paz, Sucre
BRA; Brazil; Brazilian, Brazilians; Brasilia, Brasília
BRB; Barbados; Barbadian, Barbadians, Bajan, Bajans; Bridgetown
BRN; Brunei, Brunei Darussalam; Bruneian, Bruneians; Bandar Seri Begawan
BTN; Bhutan; Bhutanese; Thimphu
BVT; Bouvet Island;;
BWA; Botswana; Motswana, Batswana, Botswanan; Gaborone
CAF; Central African Republic; Central African, Central Africans; Bangui
CAN; Canada; Canadian, Canadians; Ottawa
CCK; Cocos Islands, Cocos Keeling Islands;;
CHE; Switzerland, Swiss Confederation; Swiss; Bern, Berne
CHL; Chile; Chilean, Chileans;
CHN; China, People's Republic of China, PRC, P.R.C., Mainland China; Chinese; Beijing, Peking
CIV; Ivory Coast, Côte d'ivoire, Cote d'ivoire; Ivorian, Ivorians; Yamoussoukro, Abidjan
CMR; Cameroon; Cameroonian, Cameroonians; Yaounde, Yaoundé
COD; Democratic Republic of Congo, Democratic Republic of the Congo, DR Congo, D.R. Congo, DRC, Congo-Kinshasa, Congo, Zaire; Congolese, Zairean, Zaireans, Zairian, Zairians; Kinshasa
COG; Republic of Congo, Republic of the Congo, Congo-Brazzaville, Congo Republic;; Brazzaville
COK; Cook Islands; Cook Islander, Cook Islanders; Avarua
COL; Colombia; Colombian, Colombians; Bogota, Bogotá
COM; Comoros, Comoro Islands; Comoran, Comorans, Comorian, Comorians; Moroni
CPV; Cape Verde, Cabo Verde; Cape Verdean, Cape Verdeans, Cabo Verdean; Praia
CRI; Costa Rica; Costa Rican, Costa Ricans;
CUB; Cuba; Cuban, Cubans; Havana
CUW; Curacao, Curaçao; Curacaoan, Curaçaoan; Willemstad
CXR; Christmas Island;;
CYM; Cayman Islands, Caymans; Caymanian, Caymanians;
CYP; Cyprus, Northern Cyprus, Turkish Republic of Northern Cyprus, TRNC; Cypriot, Cypriots, Greek Cypriot, Greek Cypriots, Turkish Cypriot, Turkish Cypriots, Greek-Cypriot, Greek-Cypriots, Turkish-Cypriot, Turkish-Cypriots; Nicosia
CZE; Czech Republic, Czechia; Czech, Czechs; Prague
DEU; Germany, West Germany, the West Germany; German, Germans, West German, West Germans, the West German, the West Germans; Berlin, Bonn
DJI; Djibouti; Djiboutian, Djiboutians;
DMA; Dominica, Commonwealth of Dominica;; Roseau
DNK; Denmark; Danish, Dane, Danes; Copenhagen
DOM; Dominican Republic; Dominican, Dominicans; Santo Domingo
DZA; Algeria; Algerian, Algerians; Algiers
ECU; Ecuador; Ecuadorian, Ecuadorians, Ecuadorean, Ecuadoreans; Quito
EGY; Egypt; Egyptian, Egyptians; Cairo
ERI; Eritrea, State of Eritrea; Eritrean, Eritreans; Asmara
ESH; Western Sahara, Sahrawi Arab Democratic Republic; Sahrawi, Sahrawis, Saharawi, Saharawis; Laayoune, El Aaiun
ESP; Spain; Spanish, Spaniard, Spaniards; Madrid
EST; Estonia; Estonian, Estonians; Tallinn
ETH; Ethiopia; Ethiopian, Ethiopians; Addis Ababa
FIN; Finland; Finnish, Finn, Finns; Helsinki
FJI; Fiji; Fijian, Fijians; Suva
FLK; Falkland Islands, Falklands, Malvinas, Islas Malvinas; Falkland Islander, Falkland Islanders;
FRA; France; French, Frenchman, Frenchmen, Frenchwoman, Frenchwomen; Paris
FRO; Faroe Islands, Faroes, Faeroe Islands; Faroese; Torshavn, Tórshavn
FSM; Micronesia, Federated States of Micronesia; Micronesian, Micronesians; Palikir
GAB; Gabon; Gabonese; Libreville
GBR; United Kingdom, UK, U.K., Britain, Great Britain, England, Scotland, Wales, Northern Ireland; British, Briton, Britons, Brit, Brits, Englishman, Englishmen, Scottish, Scot, Scots, Welsh, Northern Irish; London
GEO; Georgia, Abkhazia, South Ossetia; Georgian, Georgians, Abkhaz, Abkhazian, Abkhazians, South Ossetian, South Ossetians; Tbilisi, Sukhumi, Tskhinvali
GGY; Guernsey;; St Peter Port
GHA; Ghana; Ghanaian, Ghanaians; Accra
GIB; Gibraltar; Gibraltarian, Gibraltarians;
GIN; Guinea, Guinea-Conakry; Guinean, Guineans; Conakry
GLP; Guadeloupe; Guadeloupean, Guadeloupeans; Basse-Terre
GMB; Gambia, The Gambia; Gambian, Gambians; Banjul
GNB; Guinea-Bissau, Guinea Bissau; Bissau-Guinean, Bissau-Guineans; Bissau
GNQ; Equatorial Guinea; Equatorial Guinean, Equatorial Guineans, Equatoguinean, Equatoguineans; Malabo
GRC; Greece, Hellenic Republic; Greek, Greeks, Hellenic; Athens
GRD; Grenada; Grenadian, Grenadians;
GRL; Greenland; Greenlandic, Greenlander, Greenlanders; Nuuk
GTM; Guatemala; Guatemalan, Guatemalans; Guatemala City
GUF; French Guiana; French Guianese;
GUM; Guam; Guamanian, Guamanians; Hagatna, Hagåtña
GUY; Guyana; Guyanese;
HKG; Hong Kong, Hong Kong SAR; Hong Konger, Hong Kongers;
HMD; Heard Island and McDonald Islands, Heard Island;;
HND; Honduras; Honduran, Hondurans; Tegucigalpa
HRV; Croatia; Croatian, Croatians, Croat, Croats; Zagreb
HTI; Haiti; Haitian, Haitians; Port-au-Prince
HUN; Hungary; Hungarian, Hungarians; Budapest
IDN; Indonesia; Indonesian, Indonesians; Jakarta
IMN; Isle of Man; Manx;
IND; India, Bharat; Indian, Indians; New Delhi
IOT; British Indian Ocean Territory, Chagos Islands, Chagos Archipelago, Diego Garcia; Chagossian, Chagossians;
IRL; Ireland, Republic of Ireland, Eire; Irish, Irishman, Irishmen; Dublin
IRN; Iran, Islamic Republic of Iran, Persia; Iranian, Iranians, Persian, Persians; Tehran, Teheran
IRQ; Iraq; Iraqi, Iraqis; Baghdad
ISL; Iceland; Icelandic, Icelander, Icelanders; Reykjavik, Reykjavík
ISR; Israel, State of Israel; Israeli, Israelis; Jerusalem, West Jerusalem, Tel Aviv
ITA; Italy; Italian, Italians; Rome
JAM; Jamaica; Jamaican, Jamaicans; Kingston
JEY; Jersey;; St Helier
JOR; Jordan; Jordanian, Jordanians; Amman
JPN; Japan; Japanese; Tokyo
KAZ; Kazakhstan, Kazakstan; Kazakh, Kazakhs, Kazakhstani, Kazakhstanis; Astana, Nur-Sultan
KEN; Kenya; Kenyan, Kenyans; Nairobi
KGZ; Kyrgyzstan, Kirgizia, Kyrgyz Republic; Kyrgyz, Kirghiz, Kyrgyzstani, Kyrgyzstanis; Bishkek
KHM; Cambodia, Kampuchea; Cambodian, Cambodians, Khmer, Kampuchean, Kampucheans; Phnom Penh
KIR; Kiribati; I-Kiribati; Tarawa
KNA; Saint Kitts and Nevis, St. Kitts and Nevis, St Kitts and Nevis, St. Kitts, Saint Kitts; Kittitian, Kittitians, Nevisian, Nevisians; Basseterre
KOR; South Korea, Republic of Korea, ROK, Korea; South Korean, South Koreans; Seoul
KWT; Kuwait; Kuwaiti, Kuwaitis; Kuwait City
LAO; Laos, Lao PDR, Lao People's Democratic Republic; Laotian, Laotians, Lao; Vientiane
LBN; Lebanon, Lebanese Republic; Lebanese; Beirut
LBR; Liberia; Liberian, Liberians; Monrovia
LBY; Libya, Libyan Arab Jamahiriya; Libyan, Libyans; Tripoli, Benghazi, Tobruk
LCA; Saint Lucia, St. Lucia, St Lucia; Saint Lucian, Saint Lucians, St. Lucian, St Lucian; Castries
LIE; Liechtenstein; Liechtensteiner, Liechtensteiners; Vaduz
LKA; Sri Lanka, Ceylon; Sri Lankan, Sri Lankans; Colombo, Sri Jayawardenepura Kotte
LSO; Lesotho; Basotho, Mosotho; Maseru
LTU; Lithuania; Lithuanian, Lithuanians; Vilnius
LUX; Luxembourg, Grand Duchy of Luxembourg; Luxembourger, Luxembourgers, Luxembourgish;
LVA; Latvia; Latvian, Latvians; Riga
MAC; Macao, Macau, Macao SAR, Macau SAR; Macanese;
MAF; Saint Martin, St. Martin, St Martin;; Marigot
MAR; Morocco; Moroccan, Moroccans; Rabat
MCO; Monaco; Monegasque, Monegasques, Monacan;
MDA; Moldova, Republic of Moldova, Moldavia, Transnistria, Transdniestria, Trans-Dniester; Moldovan, Moldovans, Transnistrian, Transnistrians; Chisinau, Chişinău, Chișinău, Tiraspol
MDG; Madagascar; Malagasy; Antananarivo
MDV; Maldives, Maldive Islands; Maldivian, Maldivians;
MEX; Mexico, United Mexican States; Mexican, Mexicans; Mexico City
MHL; Marshall Islands; Marshallese; Majuro
MKD; North Macedonia, Republic of North Macedonia, Macedonia, FYROM, Former Yugoslav Republic of Macedonia; Macedonian, Macedonians; Skopje
MLI; Mali; Malian, Malians; Bamako
MLT; Malta; Maltese; Valletta
MMR; Myanmar, Burma, Republic of the Union of Myanmar; Burmese, Myanmarese; Naypyidaw, Nay Pyi Taw, Naypyitaw, Yangon, Rangoon
MNE; Montenegro; Montenegrin, Montenegrins; Podgorica
MNG; Mongolia; Mongolian, Mongolians; Ulaanbaatar, Ulan Bator
MNP; Northern Mariana Islands, Northern Marianas, Commonwealth of the Northern Mariana Islands;; Saipan
MOZ; Mozambique; Mozambican, Mozambicans; Maputo
MRT; Mauritania; Mauritanian, Mauritanians; Nouakchott
MSR; Montserrat; Montserratian, Montserratians;
MTQ; Martinique; Martinican, Martinicans, Martiniquais; Fort-de-France
MUS; Mauritius; Mauritian, Mauritians; Port Louis
MWI; Malawi; Malawian, Malawians; Lilongwe
MYS; Malaysia; Malaysian, Malaysians; Kuala Lumpur, Putrajaya
MYT; Mayotte; Mahoran, Mahorans; Mamoudzou
NAM; Namibia; Namibian, Namibians; Windhoek
NCL; New Caledonia; New Caledonian, New Caledonians, Kanak, Kanaks; Noumea, Nouméa
NER; Niger, Republic of Niger; Nigerien, Nigeriens; Niamey
NFK; Norfolk Island;;
NGA; Nigeria; Nigerian, Nigerians; Abuja
NIC; Nicaragua; Nicaraguan, Nicaraguans; Managua
NIU; Niue; Niuean, Niueans; Alofi
NLD; Netherlands, The Netherlands, Holland, Kingdom of the Netherlands; Dutch, Dutchman, Dutchmen; Amsterdam, The Hague
NOR; Norway; Norwegian, Norwegians; Oslo
NPL; Nepal; Nepali, Nepalis, Nepalese; Kathmandu
NRU; Nauru; Nauruan, Nauruans;
NZL; New Zealand, Aotearoa; New Zealander, New Zealanders, Kiwi, Kiwis; Wellington
OMN; Oman, Sultanate of Oman; Omani, Omanis; Muscat
PAK; Pakistan; Pakistani, Pakistanis; Islamabad
PAN; Panama; Panamanian, Panamanians; Panama City
PCN; Pitcairn Islands, Pitcairn;; Adamstown
PER; Peru; Peruvian, Peruvians; Lima
PHL; Philippines, The Philippines; Philippine, Filipino, Filipinos, Filipina, Filipinas; Manila
PLW; Palau; Palauan, Palauans; Ngerulmud
PNG; Papua New Guinea, PNG; Papua New Guinean, Papua New Guineans; Port Moresby
POL; Poland; Polish, Pole, Poles; Warsaw
PRI; Puerto Rico; Puerto Rican, Puerto Ricans;
PRK; North Korea, Democratic People's Republic of Korea, DPRK, D.P.R.K.; North Korean, North Koreans; Pyongyang
PRT; Portugal; Portuguese; Lisbon
PRY; Paraguay; Paraguayan, Paraguayans; Asuncion, Asunción
PSE; Palestine, State of Palestine, Palestinian territories, Palestinian territory, Occupied Palestinian Territories, Occupied Palestinian Territory, West Bank, the West Bank, Gaza, Gaza Strip, East Jerusalem; Palestinian, Palestinians, Gazan, Gazans; Ramallah
PYF; French Polynesia, Tahiti; French Polynesian, Tahitian, Tahitians; Papeete
QAT; Qatar; Qatari, Qataris; Doha
REU; Reunion, Réunion; Reunionese, Réunionese;
ROU; Romania, Rumania; Romanian, Romanians; Bucharest
RUS; Russia, Russian Federation; Russian, Russians; Moscow
RWA; Rwanda; Rwandan, Rwandans; Kigali
SAU; Saudi Arabia, Kingdom of Saudi Arabia, KSA; Saudi, Saudis, Saudi Arabian, Saudi Arabians; Riyadh
SDN; Sudan, Republic of the Sudan, Republic of Sudan; Sudanese; Khartoum, Port Sudan
SEN; Senegal; Senegalese; Dakar
SGP; Singapore; Singaporean, Singaporeans;
SGS; South Georgia and the South Sandwich Islands, South Georgia, South Sandwich Islands;;
SHN; Saint Helena, St Helena, St. Helena, Ascension Island, Tristan da Cunha;;
SJM; Svalbard and Jan Mayen, Svalbard, Jan Mayen;; Longyearbyen
SLB; Solomon Islands; Solomon Islander, Solomon Islanders; Honiara
SLE; Sierra Leone; Sierra Leonean, Sierra Leoneans; Freetown
SLV; El Salvador; Salvadoran, Salvadorans, Salvadorean, Salvadoreans; San Salvador
SMR; San Marino; Sammarinese;
SOM; Somalia, Somaliland, Puntland, Jubaland; Somali, Somalis, Somalian, Somalians, Somalilander, Somalilanders; Mogadishu, Hargeisa
SPM; Saint Pierre and Miquelon, St. Pierre and Miquelon;;
SRB; Serbia, Republic of Serbia; Serbian, Serbians, Serb, Serbs; Belgrade
SSD; South Sudan, Republic of South Sudan; South Sudanese; Juba
STP; Sao Tome and Principe, São Tomé and Príncipe, Sao Tome; Santomean, Santomeans, Sao Tomean;
SUR; Suriname, Surinam; Surinamese, Surinamer, Surinamers; Paramaribo
SVK; Slovakia, Slovak Republic; Slovak, Slovaks, Slovakian; Bratislava
SVN; Slovenia; Slovenian, Slovenians, Slovene, Slovenes; Ljubljana
SWE; Sweden; Swedish, Swede, Swedes; Stockholm
SWZ; Eswatini, Swaziland, Kingdom of Eswatini; Swazi, Swazis, Emaswati; Mbabane, Lobamba
SXM; Sint Maarten;; Philipsburg
SYC; Seychelles; Seychellois;
SYR; Syria, Syrian Arab Republic; Syrian, Syrians; Damascus
TCA; Turks and Caicos Islands, Turks and Caicos;; Cockburn Town
TCD; Chad; Chadian, Chadians; N'Djamena, Ndjamena
TGO; Togo; Togolese; Lome, Lomé
THA; Thailand, Siam; Thai, Thais; Bangkok
TJK; Tajikistan; Tajik, Tajiks, Tajikistani; Dushanbe
TKL; Tokelau; Tokelauan, Tokelauans;
TKM; Turkmenistan; Turkmen, Turkmens; Ashgabat, Ashkhabad
TLS; East Timor, Timor-Leste, Timor Leste; East Timorese, Timorese; Dili
TON; Tonga; Tongan, Tongans;
TTO; Trinidad and Tobago, Trinidad, Tobago; Trinidadian, Trinidadians, Tobagonian, Trinbagonian; Port of Spain
TUN; Tunisia; Tunisian, Tunisians; Tunis
TUR; Turkey, Türkiye, Turkiye; Turkish, Turk, Turks; Ankara
TUV; Tuvalu; Tuvaluan, Tuvaluans; Funafuti
TWN; Taiwan, Republic of China, ROC, Chinese Taipei, Formosa; Taiwanese; Taipei
TZA; Tanzania, United Republic of Tanzania, Zanzibar; Tanzanian, Tanzanians, Zanzibari, Zanzibaris; Dodoma, Dar es Salaam
UGA; Uganda; Ugandan, Ugandans; Kampala
UKR; Ukraine, Crimea, Donbas, Donbass; Ukrainian, Ukrainians, Crimean, Crimeans; Kyiv, Kiev
UMI; United States Minor Outlying Islands, Wake Island, Midway Islands, Midway Atoll;;
URY; Uruguay; Uruguayan, Uruguayans; Montevideo
USA; United States, United States of America, US, U.S., USA, U.S.A., America; American, Americans; Washington, Washington DC, Washington D.C.
UZB; Uzbekistan; Uzbek, Uzbeks, Uzbekistani; Tashkent
VAT; Vatican, Vatican City, Holy See, The Vatican;;
VCT; Saint Vincent and the Grenadines, St. Vincent and the Grenadines, St Vincent and the Grenadines, Saint Vincent, St. Vincent; Vincentian, Vincentians; Kingstown
VEN; Venezuela, Bolivarian Republic of Venezuela; Venezuelan, Venezuelans; Caracas
VGB; British Virgin Islands, BVI;; Road Town
VIR; US Virgin Islands, U.S. Virgin Islands, United States Virgin Islands;; Charlotte Amalie
VNM; Vietnam, Viet Nam, Socialist Republic of Vietnam; Vietnamese; Hanoi
VUT; Vanuatu; Ni-Vanuatu, Vanuatuan; Port Vila
WLF; Wallis and Futuna;;
WSM; Samoa, Western Samoa; Samoan, Samoans; Apia
XKX; Kosovo, Republic of Kosovo; Kosovar, Kosovars, Kosovan, Kosovans, Kosovo Albanian, Kosovo Albanians, Kosovo Serb, Kosovo Serbs; Pristina, Prishtina
YEM; Yemen; Yemeni, Yemenis; Sanaa, Sana'a, Aden
ZAF; South Africa; South African, South Africans; Pretoria, Cape Town
ZMB; Zambia; Zambian, Zambians; Lusaka
ZWE; Zimbabwe; Zimbabwean, Zimbabweans; Harare
"""

# Seats of government and state institutions used as metonyms: "the Kremlin said".
# CODE; phrases; optional date range.
SEATS = """
CHNGOV; Zhongnanhai
ARGGOV; Casa Rosada
BRAGOV; Planalto, Planalto Palace
CHLGOV; La Moneda
COLGOV; Casa de Nariño, Casa de Narino
ESPGOV; Moncloa
FRAGOV; Elysee, Élysée, Elysee Palace, Élysée Palace, Matignon
ITAGOV; Palazzo Chigi, Quirinale
KAZGOV; Akorda
LBNGOV; Baabda
MEXGOV; Los Pinos; ..2018-11-30
MEXGOV; Palacio Nacional
PHLGOV; Malacanang, Malacañang, Malacanang Palace, Malacañang Palace
TUNGOV; Carthage Palace
UKRGOV; Bankova
VENGOV; Miraflores, Miraflores Palace
ZAFGOV; Union Buildings
GBRGOV; Downing Street, Whitehall, No 10, No. 10, Number 10
CHNLEG; National People's Congress
CHNMIL; People's Liberation Army, PLA
DEULEG; Bundestag, Bundesrat
DEUMIL; Bundeswehr
FRALEG; Assemblée nationale
GBRLEG; House of Commons, House of Lords, Westminster
GBRSPY; MI5, MI6, GCHQ
INDLEG; Lok Sabha, Rajya Sabha
IRNMIL; Islamic Revolutionary Guard Corps, IRGC, Revolutionary Guards, Revolutionary Guard, Quds Force, Basij
ISRLEG; Knesset
ISRMIL; Israel Defense Forces, Israel Defence Forces, IDF, Tsahal
ISRSPY; Mossad, Shin Bet, Shabak
JPNLEG; National Diet
USAGOV; Federal Reserve, US Federal Reserve, U.S. Federal Reserve, Federal Reserve Board
GBRGOV; Bank of England
JPNGOV; Bank of Japan
CHNGOV; People's Bank of China
DEUGOV; Bundesbank
INDGOV; Reserve Bank of India
RUSGOV; Bank of Russia, Central Bank of Russia
TURGOV; Central Bank of Turkey, Central Bank of the Republic of Turkey
FRAGOV; Bank of France, Banque de France
ITAGOV; Bank of Italy
ESPGOV; Bank of Spain
CANGOV; Bank of Canada
KORGOV; Bank of Korea
THAGOV; Bank of Thailand
ISRGOV; Bank of Israel
GRCGOV; Bank of Greece
PRTGOV; Bank of Portugal
MEXGOV; Bank of Mexico, Banco de Mexico
FINGOV; Bank of Finland
CHEGOV; Swiss National Bank
NLDGOV; Netherlands Central Bank, Dutch central bank
NORGOV; Norges Bank
SWEGOV; Riksbank, Sveriges Riksbank
DNKGOV; Danmarks Nationalbank
AUSGOV; Reserve Bank of Australia
NZLGOV; Reserve Bank of New Zealand
ZAFGOV; South African Reserve Bank
PAKGOV; State Bank of Pakistan
MYSGOV; Bank Negara Malaysia, Bank Negara
IDNGOV; Bank Indonesia
BRAGOV; Central Bank of Brazil
KORGOV; Blue House, Cheong Wa Dae; ..2022-05-09
KORGOV; Yongsan; 2022-05-10..
PAKSPY; Inter-Services Intelligence, ISI
RUSGOV; Kremlin
RUSLEG; State Duma, Duma, Federation Council
RUSSPY; FSB, Federal Security Service, SVR, Foreign Intelligence Service, GRU
UKRLEG; Verkhovna Rada, Rada
UKRSPY; SBU, Security Service of Ukraine
USACOP; FBI, Federal Bureau of Investigation
USAGOV; White House, State Department, Department of State, Foggy Bottom, Treasury Department, Department of the Treasury, Commerce Department, Department of Commerce, Agriculture Department, Department of Agriculture, USDA, Homeland Security Department, Department of Homeland Security
USAJUD; Justice Department, Department of Justice
USALEG; Capitol Hill
USAMIL; Pentagon, Department of Defense
USASPY; CIA, Central Intelligence Agency, National Security Agency
"""


# Regions (CAMEO region codes) and places whose names contain a country's name, listed so that
# the longest match keeps "South America" from coding the United States or "New Jersey" Jersey.
PLACES = """
AFR; Africa, Sub-Saharan Africa
ASA; Asia
BLK; Balkans, the Balkans, Western Balkans
CAS; Central Asia
CAU; Caucasus, South Caucasus, North Caucasus
CRB; Caribbean, the Caribbean
EAF; East Africa, Horn of Africa
EEU; Eastern Europe
EUR; Europe, European, Europeans
LAM; Latin America, Central America
MEA; Middle East, Mideast
NAF; North Africa
NGA; Niger Delta
NMR; North America
PGS; Persian Gulf
SAF; Southern Africa
SAM; South America
SAS; South Asia
SCN; Scandinavia
SEA; Southeast Asia, South-East Asia
USA; New Jersey, New Mexico, New England
AUS; New South Wales
WAF; West Africa, West African, West Africans, the West African
WST; the West, Western countries, Western powers
"""


# Regions and cities that news uses for the country's actors ("Darfur rebels", "Aleppo"). Only
# places whose name is not also a common word, a person's name or a place elsewhere.
REGIONS = """
AFG; Kandahar, Helmand, Herat, Mazar-i-Sharif, Jalalabad, Kunduz, Panjshir
CHN; Tibet, Tibetan, Tibetans, Xinjiang, Uyghur, Uyghurs, Uighur, Uighurs, Shanghai, Guangzhou, Shenzhen, Wuhan, Lhasa, Urumqi, Inner Mongolia
COD; Goma, Bunia, Kivu, North Kivu, South Kivu, Ituri, Katanga, Lubumbashi, Kisangani
EGY; Sinai, North Sinai, Port Said, Suez, Aswan
ETH; Tigray, Tigrayan, Tigrayans, Mekelle, Oromia, Amhara region, Ogaden
IDN; Aceh, West Papua, Bali, Sulawesi, Sumatra, Surabaya
IND; Mumbai, Kolkata, Chennai, Bengaluru, Bangalore, Manipur, Assam, Uttar Pradesh, Gujarat, Kerala
IRQ; Mosul, Basra, Kirkuk, Fallujah, Ramadi, Erbil, Irbil, Tikrit, Samarra, Najaf, Karbala, Anbar, Iraqi Kurdistan, Kurdistan region
IRN; Isfahan, Mashhad, Tabriz, Shiraz, Qom, Natanz, Fordow, Bushehr, Khuzestan, Sistan-Baluchestan
ISR; Haifa, Eilat, Negev, Ashkelon, Ashdod, Sderot, Beersheba
LBY; Misrata, Misurata, Sirte, Derna, Sabha, Zawiya
MLI; Timbuktu, Gao, Kidal, Mopti, Menaka
MMR; Rakhine, Shan State, Kachin State, Karen State, Mandalay, Sagaing, Rohingya
MOZ; Cabo Delgado, Beira, Nampula
NGA; Lagos, Kano, Maiduguri, Borno, Kaduna, Port Harcourt, Biafra, Yobe, Zamfara, Plateau State
PAK; Karachi, Lahore, Peshawar, Quetta, Rawalpindi, Balochistan, Baluchistan, Sindh, Khyber Pakhtunkhwa, Waziristan, North Waziristan, South Waziristan
PHL; Mindanao, Marawi, Sulu, Basilan, Cebu, Davao
PSE; Hebron, Nablus, Jenin, Tulkarm, Rafah, Khan Younis, Khan Yunis, Jabalia, Deir al-Balah, Bethlehem, Jericho, Qalqilya
RUS; Chechnya, Chechen, Chechens, Grozny, Dagestan, Ingushetia, Tatarstan, Siberia, Vladivostok, Kaliningrad, Belgorod, Kursk, Bryansk, Tyumen, Khanty-Mansiysk, Rostov-on-Don, Novosibirsk, Yekaterinburg
SAU; Jeddah, Mecca, Medina, Dammam, Dhahran, Jizan
SDN; Darfur, North Darfur, South Darfur, West Darfur, El Fasher, El Obeid, Omdurman, Kordofan, South Kordofan, Blue Nile state
SOM; Kismayo, Baidoa, Beledweyne, Galkayo, Bosaso
SYR; Aleppo, Idlib, Homs, Hama, Raqqa, Deir ez-Zor, Deir el-Zour, Daraa, Latakia, Tartus, Ghouta, Eastern Ghouta, Kobani, Afrin, Manbij, Qamishli, Palmyra, Sweida, Suwayda
TUR; Istanbul, Izmir, Diyarbakir, Diyarbakır, Cizre, Gaziantep, Hatay, Antalya
UKR; Donetsk, Luhansk, Lugansk, Kharkiv, Kharkov, Odesa, Odessa, Mariupol, Zaporizhzhia, Zaporozhye, Kherson, Dnipro, Lviv, Bakhmut, Avdiivka, Sevastopol, Mykolaiv
USA; New York, New York City, California, Texas, Florida, Illinois, Pennsylvania, Ohio, Michigan, North Carolina, South Carolina, Arizona, Massachusetts, Tennessee, Indiana, Missouri, Maryland, Wisconsin, Minnesota, Colorado, Alabama, Louisiana, Kentucky, Oregon, Oklahoma, Connecticut, Iowa, Mississippi, Arkansas, Kansas, Utah, Nevada, Nebraska, West Virginia, Idaho, Hawaii, Alaska, Delaware, Rhode Island, New Hampshire, Vermont, Wyoming, North Dakota, South Dakota, Los Angeles, Chicago, Houston, Philadelphia, San Francisco, Seattle, Boston, Miami, Detroit, Atlanta, Dallas, New Orleans, Las Vegas, Baltimore, Pittsburgh, Silicon Valley, Wall Street
GBR; Manchester, Birmingham, Liverpool, Glasgow, Edinburgh, Belfast, Cardiff, Leeds, Sheffield, Bristol
DEU; Frankfurt, Munich, Hamburg, Cologne, Dortmund, Stuttgart, Dusseldorf, Düsseldorf, Leipzig, Dresden
FRA; Marseille, Lyon, Toulouse, Strasbourg, Bordeaux, Lille, Corsica
ITA; Milan, Naples, Turin, Venice, Genoa, Sicily, Sardinia, Palermo, Lampedusa
ESP; Barcelona, Seville, Valencia, Bilbao, Catalonia, Catalan, Catalans, Basque Country, Andalusia, Canary Islands, Ceuta, Melilla
JPN; Osaka, Kyoto, Yokohama, Hiroshima, Nagasaki, Fukushima, Okinawa, Hokkaido, Kobe, Nagoya
BRA; Sao Paulo, São Paulo, Rio de Janeiro, Amazonas, Salvador da Bahia
CAN; Toronto, Montreal, Vancouver, Quebec, Ontario, Alberta, British Columbia
AUS; Sydney, Melbourne, Brisbane, Adelaide, Queensland, Victoria state, Tasmania
KOR; Busan, Incheon
ZAF; Johannesburg, Durban, Soweto
KEN; Mombasa, Kisumu
NLD; Rotterdam
BEL; Antwerp, Flanders, Wallonia
CHE; Geneva, Zurich, Zürich, Davos, Lausanne
AUT; Salzburg
POL; Krakow, Kraków, Gdansk, Gdańsk
RUS; St Petersburg, St. Petersburg, Saint Petersburg, Murmansk, Sochi, Volgograd, Crimean Bridge
MEX; Tijuana, Ciudad Juarez, Ciudad Juárez, Guadalajara, Monterrey, Sinaloa, Chihuahua, Michoacan, Michoacán
COL; Medellin, Medellín, Cali, Cartagena
YEM; Hodeidah, Hudaydah, Marib, Saada, Taiz, Mukalla, Hadramawt, Hadramout
"""


# Seas, gulfs and straits named after a country are no actor of it ("ships in the South China
# Sea" are not China's): the code `---` takes their words, so the country inside is not read.
WATERS = """
South China Sea, East China Sea, Gulf of Mexico, Mexican Gulf, Sea of Japan, Indian Ocean,
Irish Sea, Gulf of Aden, Taiwan Strait, Strait of Taiwan, Philippine Sea, Gulf of Oman,
Gulf of Thailand, Gulf of Guinea, Gulf of Finland
"""


def lower_inner_capitals(name):
    """`d'Ivoire` -> `d'ivoire`: a word with a capital matches only tokens that start with one."""
    words = name.split(" ")
    return " ".join(w.lower() if w[0].islower() and w != w.lower() else w for w in words)


def clean_iso_name(name):
    """An ISO name as it appears in news, or None for inverted names ("Korea, Republic of")."""
    if not name or "," in name or "(" in name:
        return None
    name = lower_inner_capitals(name)
    if name.startswith("the "):
        name = name[4:]
    return name


def main(out):
    iso = {c.alpha_3: c for c in pycountry.countries}
    rows = []
    seen_codes = set()
    # ISO names are added only where the hand-typed tables do not already use them elsewhere
    # (ISO calls COG "Congo", which news uses for COD).
    typed = set()
    for line in COUNTRIES.strip().split("\n"):
        for field in line.split(";")[1:]:
            typed |= {p.strip().casefold() for p in field.split(",") if p.strip()}
    for line in COUNTRIES.strip().split("\n"):
        code, names, demonyms, capitals = [f.strip() for f in line.split(";")]
        seen_codes.add(code)
        phrases = []
        for field in (names, demonyms, capitals):
            phrases += [p.strip() for p in field.split(",") if p.strip()]
        country = iso.get(code)
        if country is not None:
            for attr in ("name", "official_name", "common_name"):
                extra = clean_iso_name(getattr(country, attr, None))
                if extra and (extra.casefold() not in typed or extra in phrases):
                    phrases.append(extra)
        unique = []
        for p in phrases:
            if p.casefold() not in {u.casefold() for u in unique}:
                unique.append(p)
        rows.append((unique[0].casefold(), unique, code, None))
    # Former states, under their ISO 3166-3 codes, for background and historical events.
    former = {
        "SUN": "Soviet Union, USSR, U.S.S.R., Soviet",
        "YUG": "Yugoslavia, Federal Republic of Yugoslavia, Yugoslav",
        "CSK": "Czechoslovakia, Czechoslovak",
        "DDR": "East Germany, German Democratic Republic, GDR, East German, East Germans",
        "SCG": "Serbia and Montenegro",
    }
    for code, names in former.items():
        assert pycountry.historic_countries.get(alpha_3=code) is not None, code
        phrases = [p.strip() for p in names.split(",")]
        rows.append((phrases[0].casefold(), phrases, code, None))
    missing = sorted(set(iso) - seen_codes)
    if missing:
        sys.exit(f"ISO 3166-1 codes missing from the table: {missing}")
    for line in REGIONS.strip().split("\n"):
        code, places = [f.strip() for f in line.split(";")]
        for place in places.split(","):
            place = lower_inner_capitals(place.strip())
            rows.append((place.casefold(), [place], code, None))
    for place in WATERS.replace("\n", " ").split(","):
        rows.append((place.strip().casefold(), [place.strip()], "---", None))
    for line in (SEATS + PLACES).split("\n"):
        if not line.strip():
            continue
        fields = [f.strip() for f in line.split(";")]
        phrases = [p.strip() for p in fields[1].split(",")]
        date_range = fields[2] if len(fields) > 2 else None
        rows.append((phrases[0].casefold(), phrases, fields[0], date_range))
    rows.sort(key=lambda r: (r[0], r[1][0]))
    out.write(
        "@format dyad-dictionary 1\n"
        f"@version {VERSION}\n"
        "@licence MIT (dyad's own work); ISO 3166-1 codes and names via the pycountry package\n"
        "@description Countries and territories: every ISO 3166-1 entry plus Kosovo (XKX)\n"
        "# Entries: common and official names, adjectives, demonyms, capitals and seats of government used\n"
        "# as metonyms, and state institutions (legislatures, armed forces, intelligence services).\n"
        "# Generated by gen/countries.py from its own tables; edit the tables, not this file.\n"
        "# Disputed and breakaway territories are listed under the ISO country that holds them in\n"
        "# UN terms (Abkhazia under GEO, Transnistria under MDA, Somaliland under SOM, Gaza, the West\n"
        "# Bank and East Jerusalem under PSE).\n"
        "@sort entries\n\n"
    )
    for _, phrases, code, date_range in rows:
        if date_range:
            out.write(f"actor {' | '.join(phrases)}\n    {code} {date_range}\n")
        else:
            out.write(f"actor {' | '.join(phrases)} = {code}\n")


if __name__ == "__main__":
    main(sys.stdout)
