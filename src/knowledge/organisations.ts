/**
 * Organisations, government bodies, news agencies, regions, facilities and named events or laws that
 * wire copy about diplomacy and conflict names. Hand-written facts (names, acronyms, countries).
 */

/** `[slug, canonical name, aliases...]`: international organisations (no country). */
export const INTERNATIONAL_ORGS: readonly (readonly string[])[] = [
  ['un', 'United Nations', 'UN', 'U.N.', 'Untied Nations'],
  [
    'un-security-council',
    'UN Security Council',
    'U.N. Security Council',
    'United Nations Security Council',
    'Security Council',
    'UNSC',
  ],
  ['un-general-assembly', 'UN General Assembly', 'U.N. General Assembly', 'United Nations General Assembly'],
  ['un-human-rights-council', 'UN Human Rights Council', 'U.N. Human Rights Council', 'Human Rights Council'],
  ['unhcr', 'UNHCR', 'UN High Commissioner for Refugees', 'UN refugee agency', 'U.N. refugee agency'],
  ['unicef', 'UNICEF', "United Nations Children's Fund"],
  ['unesco', 'UNESCO'],
  [
    'unscom',
    'UNSCOM',
    'United Nations Special Commission',
    'UN Special Commission',
    'U.N. Special Commission',
  ],
  ['unmovic', 'UNMOVIC'],
  ['unrwa', 'UNRWA'],
  ['wfp', 'World Food Programme', 'World Food Program', 'WFP'],
  ['fao', 'Food and Agriculture Organization', 'FAO'],
  ['nato', 'NATO', 'North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation', 'Nato'],
  ['eu', 'European Union', 'EU', 'E.U.'],
  ['european-commission', 'European Commission'],
  ['european-parliament', 'European Parliament'],
  ['council-of-europe', 'Council of Europe'],
  ['iaea', 'International Atomic Energy Agency', 'IAEA'],
  ['asean', 'ASEAN', 'Association of Southeast Asian Nations', 'Association of South East Asian Nations'],
  ['apec', 'APEC', 'Asia-Pacific Economic Cooperation', 'Asia Pacific Economic Cooperation'],
  [
    'osce',
    'OSCE',
    'Organization for Security and Co-operation in Europe',
    'Organization for Security and Cooperation in Europe',
    'Organisation for Security and Co-operation in Europe',
  ],
  ['who', 'World Health Organization', 'WHO', 'World Health Organisation'],
  ['imf', 'International Monetary Fund', 'IMF'],
  ['world-bank', 'World Bank'],
  ['wto', 'World Trade Organization', 'WTO', 'World Trade Organisation'],
  ['african-union', 'African Union'],
  ['opec', 'OPEC', 'Organization of the Petroleum Exporting Countries'],
  ['g7', 'G7', 'G-7', 'Group of Seven'],
  ['g8', 'G8', 'G-8', 'Group of Eight'],
  ['g20', 'G20', 'G-20', 'Group of 20', 'Group of Twenty'],
  ['icc', 'International Criminal Court', 'ICC'],
  ['icj', 'International Court of Justice', 'ICJ', 'World Court'],
  ['arab-league', 'Arab League', 'League of Arab States'],
  ['gcc', 'Gulf Cooperation Council', 'GCC'],
  ['oic', 'Organisation of Islamic Cooperation', 'Organization of the Islamic Conference', 'OIC'],
  ['oas', 'Organization of American States', 'OAS'],
  ['sco', 'Shanghai Cooperation Organisation', 'Shanghai Cooperation Organization', 'SCO'],
  ['oecd', 'OECD', 'Organisation for Economic Co-operation and Development'],
  ['icrc', 'International Committee of the Red Cross', 'ICRC', 'Red Cross'],
  ['amnesty', 'Amnesty International'],
  ['hrw', 'Human Rights Watch'],
  ['interpol', 'Interpol'],
  ['opcw', 'OPCW', 'Organisation for the Prohibition of Chemical Weapons'],
  ['ctbto', 'CTBTO'],
  ['commonwealth', 'Commonwealth'],
  ['brics', 'BRICS'],
  ['ecowas', 'ECOWAS'],
  ['kedo', 'KEDO', 'Korean Peninsula Energy Development Organization'],
  ['non-aligned-movement', 'Non-Aligned Movement', 'Nonaligned Movement', 'NAM'],
  ['odihr', 'ODIHR', 'Office for Democratic Institutions and Human Rights'],
  ['itu', 'International Telecommunication Union', 'ITU'],
  ['unfccc', 'UNFCCC', 'UN Framework Convention on Climate Change'],
  ['igad', 'IGAD', 'Intergovernmental Authority on Development'],
];

/** `[slug, ISO3, canonical name, aliases...]`: non-state armed and political groups with a home country. */
export const GROUPS: readonly (readonly string[])[] = [
  ['hamas', 'PSE', 'Hamas'],
  ['fatah', 'PSE', 'Fatah'],
  ['plo', 'PSE', 'Palestine Liberation Organization', 'PLO'],
  ['palestinian-authority', 'PSE', 'Palestinian Authority', 'Palestinian National Authority'],
  ['hezbollah', 'LBN', 'Hezbollah', 'Hizbollah', 'Hizbullah'],
  ['taliban', 'AFG', 'Taliban'],
  ['al-qaeda', '', 'al-Qaeda', 'Al-Qaeda', 'al Qaeda', 'Al Qaeda', 'al-Qaida'],
  ['islamic-state', '', 'Islamic State', 'ISIS', 'ISIL', 'Daesh'],
  ['kla', 'SRB', 'Kosovo Liberation Army', 'KLA'],
  ['pkk', 'TUR', "Kurdistan Workers' Party", 'PKK'],
  ['houthis', 'YEM', 'Houthis', 'Huthis', 'Houthi'],
  ['farc', 'COL', 'FARC'],
  ['ira', 'GBR', 'Irish Republican Army', 'IRA'],
  ['khmer-rouge', 'KHM', 'Khmer Rouge'],
  ['tamil-tigers', 'LKA', 'Tamil Tigers', 'LTTE'],
  ['islamic-jihad', 'PSE', 'Islamic Jihad'],
  ['lra', 'UGA', "Lord's Resistance Army", 'Lord Resistance Army', 'LRA'],
  ['mrta', 'PER', 'Tupac Amaru Revolutionary Movement', 'MRTA', 'Tupac Amaru'],
  ['shining-path', 'PER', 'Shining Path'],
  ['eta', 'ESP', 'ETA'],
  ['muslim-brotherhood', 'EGY', 'Muslim Brotherhood'],
  ['union-of-islamic-courts', 'SOM', 'Union of Islamic Courts', 'Islamic Courts Union', 'Islamic Courts'],
  ['janjaweed', 'SDN', 'Janjaweed'],
  ['sudan-liberation-army', 'SDN', 'Sudan Liberation Army', 'SLA'],
  ['splm', 'SSD', "Sudan People's Liberation Movement", 'SPLM'],
];

/**
 * Listed groups that fight: what "the rebel group" or "the militant group" can take up. Parties, authorities
 * and movements that do not bear arms (Fatah's party, the PLO, the Muslim Brotherhood) are left out.
 */
const ARMED_GROUPS = new Set(
  [
    'hamas',
    'hezbollah',
    'taliban',
    'al-qaeda',
    'islamic-state',
    'kla',
    'pkk',
    'houthis',
    'farc',
    'ira',
    'khmer-rouge',
    'tamil-tigers',
    'islamic-jihad',
    'lra',
    'mrta',
    'shining-path',
    'eta',
    'union-of-islamic-courts',
    'janjaweed',
    'sudan-liberation-army',
    'splm',
  ].map((s) => `org:${s}`),
);

/** True for a listed armed group's kb id (`org:lra`). */
export function isArmedGroup(kb: string): boolean {
  return ARMED_GROUPS.has(kb);
}

/** `[slug, ISO3, canonical name, aliases...]`: news agencies and broadcasters (ORG with a home country). */
export const NEWS_AGENCIES: readonly (readonly string[])[] = [
  ['yonhap', 'KOR', 'Yonhap News Agency', 'Yonhap', 'Yonhap News'],
  ['xinhua', 'CHN', 'Xinhua News Agency', 'Xinhua', 'New China News Agency'],
  ['afp', 'FRA', 'Agence France-Presse', 'AFP', 'Agence France Presse'],
  ['reuters', 'GBR', 'Reuters'],
  ['ap', 'USA', 'Associated Press', 'AP'],
  ['kcna', 'PRK', 'Korean Central News Agency', 'KCNA'],
  ['rodong-sinmun', 'PRK', 'Rodong Sinmun'],
  ['kyodo', 'JPN', 'Kyodo News', 'Kyodo'],
  ['nhk', 'JPN', 'NHK'],
  ['jiji', 'JPN', 'Jiji Press', 'Jiji'],
  ['asahi', 'JPN', 'Asahi Shimbun'],
  ['yomiuri', 'JPN', 'Yomiuri Shimbun'],
  ['mainichi', 'JPN', 'Mainichi Shimbun'],
  ['sankei', 'JPN', 'Sankei Shimbun'],
  ['nikkei', 'JPN', 'Nihon Keizai Shimbun', 'Nikkei'],
  ['chosun-ilbo', 'KOR', 'Chosun Ilbo'],
  ['joongang-ilbo', 'KOR', 'JoongAng Ilbo'],
  ['dong-a-ilbo', 'KOR', 'Dong-A Ilbo'],
  ['korea-herald', 'KOR', 'Korea Herald'],
  ['korea-times', 'KOR', 'Korea Times'],
  ['china-daily', 'CHN', 'China Daily'],
  ['new-york-times', 'USA', 'New York Times'],
  ['washington-post', 'USA', 'Washington Post'],
  ['wall-street-journal', 'USA', 'Wall Street Journal'],
  ['tass', 'RUS', 'TASS', 'Tass', 'ITAR-TASS', 'Itar-Tass'],
  ['ria-novosti', 'RUS', 'RIA Novosti', 'RIA'],
  ['interfax', 'RUS', 'Interfax'],
  ['irna', 'IRN', 'Islamic Republic News Agency', 'IRNA'],
  ['bbc', 'GBR', 'BBC'],
  ['cnn', 'USA', 'CNN'],
  ['al-jazeera', 'QAT', 'Al Jazeera', 'Al-Jazeera', 'Aljazeera'],
  ['kbs', 'KOR', 'KBS'],
  ['peoples-daily', 'CHN', "People's Daily"],
  ['global-times', 'CHN', 'Global Times'],
  ['cctv', 'CHN', 'CCTV', 'China Central Television'],
  ['mena', 'EGY', 'Middle East News Agency', 'MENA'],
  ['ansa', 'ITA', 'ANSA'],
  ['dpa', 'DEU', 'Deutsche Presse-Agentur', 'dpa', 'DPA'],
  ['anadolu', 'TUR', 'Anadolu Agency', 'Anadolu'],
  ['wafa', 'PSE', 'WAFA', 'Wafa'],
  ['bernama', 'MYS', 'Bernama'],
  ['antara', 'IDN', 'Antara'],
  ['pti', 'IND', 'Press Trust of India', 'PTI'],
  ['app', 'PAK', 'Associated Press of Pakistan'],
  ['spa', 'SAU', 'Saudi Press Agency'],
  ['cna', 'TWN', 'Central News Agency'],
  ['ukrinform', 'UKR', 'Ukrinform'],
  ['tanjug', 'SRB', 'Tanjug'],
  ['ina', 'IRQ', 'Iraqi News Agency', 'INA'],
  ['sana', 'SYR', 'SANA'],
  ['kuna', 'KWT', 'KUNA', 'Kuwait News Agency'],
  ['mehr', 'IRN', 'Mehr News Agency', 'Mehr'],
  ['fars', 'IRN', 'Fars News Agency'],
  ['isna', 'IRN', 'ISNA'],
  // Newspapers and broadcasters wire copy quotes ("Kommersant reported"); names that are also common words
  // or places ("Dawn", "The Hindu", "Liberation") are left to context.
  ['kommersant', 'RUS', 'Kommersant'],
  ['izvestia', 'RUS', 'Izvestia', 'Izvestiya'],
  ['vedomosti', 'RUS', 'Vedomosti'],
  ['nezavisimaya-gazeta', 'RUS', 'Nezavisimaya Gazeta'],
  ['rossiiskaya-gazeta', 'RUS', 'Rossiiskaya Gazeta', 'Rossiyskaya Gazeta'],
  ['komsomolskaya-pravda', 'RUS', 'Komsomolskaya Pravda'],
  ['ekho-moskvy', 'RUS', 'Ekho Moskvy', 'Echo of Moscow'],
  ['ntv', 'RUS', 'NTV'],
  ['al-hayat', 'SAU', 'Al-Hayat', 'Al Hayat'],
  ['al-ahram', 'EGY', 'Al-Ahram', 'Al Ahram'],
  ['asharq-al-awsat', 'SAU', 'Asharq Al-Awsat', 'Asharq al-Awsat'],
  ['al-arabiya', 'ARE', 'Al Arabiya', 'Al-Arabiya'],
  ['haaretz', 'ISR', 'Haaretz'],
  ['maariv', 'ISR', 'Maariv'],
  ['yediot-ahronot', 'ISR', 'Yediot Ahronot', 'Yedioth Ahronoth'],
  ['jerusalem-post', 'ISR', 'Jerusalem Post'],
  ['le-monde', 'FRA', 'Le Monde'],
  ['le-figaro', 'FRA', 'Le Figaro'],
  ['der-spiegel', 'DEU', 'Der Spiegel'],
  ['financial-times', 'GBR', 'Financial Times'],
  ['el-pais', 'ESP', 'El Pais', 'El País'],
  ['hurriyet', 'TUR', 'Hurriyet', 'Hürriyet'],
  ['tehran-times', 'IRN', 'Tehran Times'],
  ['press-tv', 'IRN', 'Press TV'],
  ['tasnim', 'IRN', 'Tasnim', 'Tasnim News Agency'],
  ['south-china-morning-post', 'CHN', 'South China Morning Post'],
  ['xinhua-net', 'CHN', 'Xinhuanet'],
  ['times-of-india', 'IND', 'Times of India'],
  ['ptv', 'PAK', 'PTV'],
  ['wam', 'ARE', 'WAM'],
  ['qna', 'QAT', 'QNA', 'Qatar News Agency'],
  ['itn', 'GBR', 'ITN'],
  ['sky-news', 'GBR', 'Sky News'],
];

/** `[slug, ISO3, canonical name, aliases...]`: government bodies whose country is fixed by the name. */
export const GOVERNMENT_BODIES: readonly (readonly string[])[] = [
  ['white-house', 'USA', 'White House'],
  ['pentagon', 'USA', 'Pentagon'],
  [
    'state-department',
    'USA',
    'State Department',
    'Department of State',
    'U.S. State Department',
    'US State Department',
  ],
  ['defense-department', 'USA', 'Defense Department', 'Department of Defense', 'U.S. Defense Department'],
  ['treasury', 'USA', 'Treasury Department', 'U.S. Treasury', 'Treasury'],
  ['justice-department', 'USA', 'Justice Department', 'Department of Justice'],
  ['congress', 'USA', 'Congress', 'U.S. Congress', 'US Congress', 'Capitol Hill'],
  ['us-senate', 'USA', 'U.S. Senate', 'US Senate'],
  ['us-house', 'USA', 'House of Representatives', 'U.S. House of Representatives'],
  ['cia', 'USA', 'Central Intelligence Agency', 'CIA'],
  ['fbi', 'USA', 'Federal Bureau of Investigation', 'FBI'],
  ['us-nsc', 'USA', 'National Security Council', 'NSC'],
  ['usfk', 'USA', 'U.S. Forces Korea', 'USFK', 'US Forces Korea'],
  ['kremlin', 'RUS', 'Kremlin'],
  ['duma', 'RUS', 'State Duma', 'Duma'],
  ['fsb', 'RUS', 'FSB'],
  ['kor-presidential-office', 'KOR', 'Office of the President', 'Blue House', 'Cheong Wa Dae'],
  ['kor-intelligence-agency', 'KOR', 'National Intelligence Service', 'NIS'],
  ['kor-unification-ministry', 'KOR', 'Unification Ministry', 'Ministry of Unification'],
  ['prk-workers-party', 'PRK', "Workers' Party of Korea", 'Workers Party of Korea', "Korean Workers' Party"],
  ['prk-army', 'PRK', "Korean People's Army", 'KPA'],
  ['chn-communist-party', 'CHN', 'Communist Party of China', 'Chinese Communist Party', 'CCP', 'CPC'],
  ['chn-pla', 'CHN', "People's Liberation Army", 'PLA'],
  ['chn-state-council', 'CHN', 'State Council'],
  ['chn-zhongnanhai', 'CHN', 'Zhongnanhai'],
  ['gbr-downing-street', 'GBR', 'Downing Street', 'Number 10'],
  ['gbr-foreign-office', 'GBR', 'Foreign Office', 'Foreign and Commonwealth Office'],
  ['gbr-whitehall', 'GBR', 'Whitehall'],
  ['fra-elysee', 'FRA', 'Elysee', 'Élysée', 'Elysee Palace', 'Élysée Palace'],
  ['fra-quai-dorsay', 'FRA', "Quai d'Orsay"],
  ['isr-knesset', 'ISR', 'Knesset'],
  ['isr-mossad', 'ISR', 'Mossad'],
  ['isr-idf', 'ISR', 'Israel Defense Forces', 'IDF'],
  ['jpn-sdf', 'JPN', 'Self-Defense Forces', 'Self-Defence Forces', 'SDF'],
  ['jpn-diet', 'JPN', 'Diet'],
  ['irn-majlis', 'IRN', 'Majlis'],
  ['irn-revolutionary-guards', 'IRN', 'Revolutionary Guards', 'Islamic Revolutionary Guard Corps', 'IRGC'],
  ['irq-revolutionary-command-council', 'IRQ', 'Revolutionary Command Council'],
  ['deu-bundestag', 'DEU', 'Bundestag'],
  ['ukr-rada', 'UKR', 'Verkhovna Rada'],
];

/**
 * `[slug, canonical name, lower-case aliases...]`: bodies every state has. Their country comes from a
 * preceding country word ("China's Foreign Ministry", "Seoul's presidential office") or the story's home
 * country. Matched case-insensitively.
 */
export const CONTEXTUAL_BODIES: readonly (readonly string[])[] = [
  [
    'foreign-ministry',
    'Foreign Ministry',
    'foreign ministry',
    'ministry of foreign affairs',
    'foreign affairs ministry',
  ],
  [
    'defense-ministry',
    'Defense Ministry',
    'defense ministry',
    'defence ministry',
    'ministry of defense',
    'ministry of defence',
    'ministry of national defense',
  ],
  ['unification-ministry', 'Unification Ministry', 'unification ministry', 'ministry of unification'],
  ['interior-ministry', 'Interior Ministry', 'interior ministry', 'ministry of interior', 'home ministry'],
  ['finance-ministry', 'Finance Ministry', 'finance ministry', 'ministry of finance'],
  ['trade-ministry', 'Trade Ministry', 'trade ministry', 'ministry of trade'],
  ['justice-ministry', 'Justice Ministry', 'justice ministry', 'ministry of justice'],
  ['presidential-office', 'Presidential Office', 'presidential office', 'office of the president'],
  ['intelligence-agency', 'Intelligence Agency', 'intelligence agency', 'spy agency', 'intelligence service'],
  ['joint-chiefs-of-staff', 'Joint Chiefs of Staff', 'joint chiefs of staff', 'jcs'],
  ['national-assembly', 'National Assembly', 'national assembly'],
  ['parliament', 'Parliament', 'parliament'],
  ['cabinet', 'Cabinet', 'cabinet'],
];

/**
 * Bodies that are only a country's body when a country word precedes them ("the Iraqi government"). The
 * armed services are listed one by one so that each keeps its own name ("the US Navy").
 */
export const COUNTRY_ONLY_BODIES: readonly (readonly string[])[] = [
  // "Lebanese official circles": the wire's phrase for a government speaking without a named spokesman
  [
    'government',
    'Government',
    'government',
    'regime',
    'administration',
    'leadership',
    'official circles',
    'government circles',
  ],
  ['military', 'Military', 'military', 'armed forces'],
  // each service apart: "the US Air Force" is the Air Force, not the whole military
  ['army', 'Army', 'army'],
  ['navy', 'Navy', 'navy'],
  ['air-force', 'Air Force', 'air force'],
  ['embassy', 'Embassy', 'embassy'],
  ['police', 'Police', 'police'],
];

/** `[slug, canonical name, ISO3 or '', aliases...]`: regions and seas (LOC). */
export const REGIONS: readonly (readonly string[])[] = [
  ['indo-pacific', 'Indo-Pacific', ''],
  ['korean-peninsula', 'Korean Peninsula', '', 'Korean peninsula'],
  ['korea', 'Korea', ''],
  ['europe', 'Europe', ''],
  ['asia', 'Asia', ''],
  ['africa', 'Africa', ''],
  ['middle-east', 'Middle East', '', 'Mideast'],
  ['gulf', 'Gulf', '', 'Persian Gulf', 'Arabian Gulf'],
  ['balkans', 'Balkans', ''],
  ['caucasus', 'Caucasus', ''],
  ['latin-america', 'Latin America', ''],
  ['east-asia', 'East Asia', '', 'Northeast Asia', 'North East Asia'],
  ['southeast-asia', 'Southeast Asia', '', 'South East Asia'],
  ['central-asia', 'Central Asia', ''],
  ['south-asia', 'South Asia', ''],
  ['west-bank', 'West Bank', 'PSE'],
  ['gaza-strip', 'Gaza Strip', 'PSE'],
  ['kashmir', 'Kashmir', ''],
  ['crimea', 'Crimea', 'UKR'],
  ['donbas', 'Donbas', 'UKR', 'Donbass'],
  ['kosovo-region', 'Kosovo province', 'SRB'],
  ['golan-heights', 'Golan Heights', 'SYR', 'Golan'],
  ['sinai', 'Sinai', 'EGY'],
  ['kurdistan', 'Kurdistan', ''],
  ['taiwan-strait', 'Taiwan Strait', ''],
  ['south-china-sea', 'South China Sea', ''],
  ['east-china-sea', 'East China Sea', ''],
  // Contested names stay as written: Korea's "East Sea" is not renamed "Sea of Japan", and Vietnam's "East Sea"
  // is the South China Sea, so the name keeps its own entry.
  ['sea-of-japan', 'Sea of Japan', ''],
  ['east-sea', 'East Sea', ''],
  ['yellow-sea', 'Yellow Sea', ''],
  ['pacific', 'Pacific', '', 'Pacific Ocean'],
  ['atlantic', 'Atlantic', '', 'Atlantic Ocean'],
  ['arctic', 'Arctic', ''],
  ['dmz', 'Demilitarized Zone', '', 'DMZ', 'demilitarized zone'],
  ['west', 'West', ''],
];

/** `[slug, canonical name, ISO3 or '', aliases...]`: facilities and sites (FAC). */
export const FACILITIES: readonly (readonly string[])[] = [
  ['camp-david', 'Camp David', 'USA'],
  ['panmunjom', 'Panmunjom', 'KOR', 'Panmunjeom'],
  ['yongbyon', 'Yongbyon', 'PRK'],
  ['kaesong-complex', 'Kaesong Industrial Complex', 'PRK'],
  ['guantanamo', 'Guantanamo Bay', 'USA', 'Guantanamo'],
  ['capitol', 'Capitol', 'USA'],
  ['bushehr', 'Bushehr', 'IRN'],
  ['natanz', 'Natanz', 'IRN'],
  ['chernobyl', 'Chernobyl', 'UKR'],
  ['zaporizhzhia-plant', 'Zaporizhzhia nuclear power plant', 'UKR'],
];

/** `[slug, canonical name, aliases...]`: named events (EVENT). */
export const EVENTS: readonly (readonly string[])[] = [
  ['korean-war', 'Korean War'],
  ['cold-war', 'Cold War'],
  ['world-war-ii', 'World War II', 'Second World War', 'World War Two'],
  ['world-war-i', 'World War I', 'First World War', 'World War One'],
  ['gulf-war', 'Gulf War'],
  ['vietnam-war', 'Vietnam War'],
  ['olympics', 'Olympics', 'Olympic Games'],
  ['world-cup', 'World Cup'],
];

/**
 * Contextual bodies that a country already names with a fixed body: "the U.S. presidential office" is the
 * White House. Keyed by `iso3-slug` (lower case).
 */
const CONTEXTUAL_ALIASES: Readonly<Record<string, string>> = {
  'usa-presidential-office': 'white-house',
  'usa-foreign-ministry': 'state-department',
  'usa-defense-ministry': 'defense-department',
  'usa-intelligence-agency': 'cia',
  'usa-parliament': 'congress',
  'usa-justice-ministry': 'justice-department',
  'usa-finance-ministry': 'treasury',
  'rus-presidential-office': 'kremlin',
  'rus-parliament': 'duma',
  'gbr-foreign-ministry': 'gbr-foreign-office',
  'jpn-parliament': 'jpn-diet',
  'isr-parliament': 'isr-knesset',
  'deu-parliament': 'deu-bundestag',
  'ukr-parliament': 'ukr-rada',
};

/**
 * Fixed bodies whose name is generic: another country has a body of that name too ("the Peruvian Congress",
 * "Iran's Supreme National Security Council", "the Indian Foreign Office"). Keyed by kb id; the value is the
 * slug of that country's body, so that a country word before the name gives the right one.
 */
const GENERIC_FIXED_BODIES: ReadonlyMap<string, string> = new Map([
  ['gov:congress', 'parliament'],
  ['gov:us-house', 'lower-house'],
  ['gov:us-nsc', 'national-security-council'],
  ['gov:treasury', 'finance-ministry'],
  ['gov:justice-department', 'justice-ministry'],
  ['gov:defense-department', 'defense-ministry'],
  ['gov:state-department', 'foreign-ministry'],
  ['gov:gbr-foreign-office', 'foreign-ministry'],
  ['gov:chn-state-council', 'state-council'],
]);

/**
 * The slug another country's body of the same generic name takes ("Congress" → parliament), or null when the
 * body's name is its own (the Kremlin, the Pentagon).
 */
export function genericBodySlug(kb: string): string | null {
  return GENERIC_FIXED_BODIES.get(kb) ?? null;
}

/** The kb id of a contextual body once its country is known: `gov:chn-foreign-ministry`, or a fixed body. */
export function contextualKb(slug: string, iso3: string): string {
  const k = `${iso3.toLowerCase()}-${slug}`;
  return `gov:${CONTEXTUAL_ALIASES[k] ?? k}`;
}
