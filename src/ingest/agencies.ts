/**
 * News agencies as they appear in datelines (`(AFP)`, `(Xinhua)`) and source fields (`XIN`), mapped to the
 * publisher name we report in `article.source`.
 */
const AGENCIES: Record<string, string> = {
  afp: 'Agence France-Presse',
  'agence france-presse': 'Agence France-Presse',
  xinhua: 'Xinhua News Agency',
  xin: 'Xinhua News Agency',
  'xinhua news agency': 'Xinhua News Agency',
  yonhap: 'Yonhap News Agency',
  'yonhap news agency': 'Yonhap News Agency',
  reuters: 'Reuters',
  ap: 'Associated Press',
  apw: 'Associated Press',
  'associated press': 'Associated Press',
  kyodo: 'Kyodo News',
  kcna: 'Korean Central News Agency',
  dpa: 'Deutsche Presse-Agentur',
  upi: 'United Press International',
  tass: 'TASS',
  'itar-tass': 'ITAR-TASS',
  interfax: 'Interfax',
  bernama: 'Bernama',
  antara: 'Antara',
  pti: 'Press Trust of India',
  ians: 'Indo-Asian News Service',
  nyt: 'The New York Times',
  cna: 'Central News Agency',
  ltw: 'Los Angeles Times/Washington Post',
};

/** The publisher name for an agency code or name; the input itself (trimmed) when unknown, null when empty. */
export function agencyName(code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  const s = code.trim();
  if (s === '') return null;
  return AGENCIES[s.toLowerCase()] ?? s;
}

/** True when `code` is a known agency (used to accept `(Yonhap)`-style dateline markers). */
export function isKnownAgency(code: string): boolean {
  return AGENCIES[code.trim().toLowerCase()] !== undefined;
}
