import { describe, expect, it } from 'vitest';
import { lookupPlace } from './index.js';

describe('places below the country', () => {
  it('gives provinces, states, regions and cities their country', () => {
    expect(lookupPlace('Diyala')?.country).toBe('IRQ');
    expect(lookupPlace('Okinawa')?.country).toBe('JPN');
    expect(lookupPlace('Texas')?.country).toBe('USA');
    expect(lookupPlace('Xinjiang')?.country).toBe('CHN');
    expect(lookupPlace('Chechnya')?.country).toBe('RUS');
    expect(lookupPlace('Darfur')?.country).toBe('SDN');
  });

  it('reads generic tails, hyphens, diacritics and compass parts', () => {
    expect(lookupPlace('Diyala province')?.country).toBe('IRQ');
    expect(lookupPlace('Mbuji Mayi')?.country).toBe('COD');
    expect(lookupPlace('West Darfur')).toMatchObject({ country: 'SDN', name: 'West Darfur' });
    expect(lookupPlace('West Darfur')?.kb).not.toBe(lookupPlace('Darfur')?.kb);
  });

  it('knows nothing of ordinary words, countries or unknown names', () => {
    expect(lookupPlace('Yesterday')).toBeNull();
    expect(lookupPlace('Blorptown')).toBeNull();
    // countries are gazetteer phrases, not places below the country
    expect(lookupPlace('Iraq')).toBeNull();
    // regions several states share get no country rather than a wrong one
    expect(lookupPlace('Kurdistan')).toBeNull();
    expect(lookupPlace('Tyrol')).toBeNull();
  });
});
