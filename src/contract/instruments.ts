/**
 * Outcome instruments a help-seeker fills in, kept as data (issue 5): the
 * backend stores item answers under these keys and scores them with these
 * numbers, and the screens show these texts. Another free instrument is added
 * by adding an entry here; nothing in the database names WHO-5 by its items.
 */

export interface Bilingual {
  en: string;
  id: string;
}

export interface InstrumentDefinition {
  /** Stored with every measurement; never change it once used. */
  id: string;
  shortName: string;
  name: Bilingual;
  /** Who made it and under what terms it may be used; shown wherever the instrument is. */
  attribution: Bilingual;
  /** The lead-in the items complete ("Over the last two weeks…"). */
  prompt: Bilingual;
  items: ReadonlyArray<{ key: string; text: Bilingual }>;
  /** The answers, highest first, with the value each scores. */
  responses: ReadonlyArray<{ value: number; label: Bilingual }>;
  scoring: {
    /** The raw score (sum of the items) times this is the percentage score. */
    multiplier: number;
    /** A raw score below this indicates poor well-being. */
    poorBelowRaw: number;
    /** A change of at least this many percentage points is meaningful. */
    meaningfulChange: number;
  };
}

export const who5: InstrumentDefinition = {
  id: 'who5',
  shortName: 'WHO-5',
  name: { en: 'WHO-5 Well-Being Index', id: 'Indeks Kesejahteraan WHO-5 (WHO-5 Well-Being Index)' },
  attribution: {
    en: 'WHO-5 Well-Being Index © Psychiatric Research Unit, WHO Collaborating Centre in Mental Health, Mental Health Centre North Zealand, Denmark (WHO Regional Office for Europe, 1998). Free to use without permission.',
    id: 'WHO-5 Well-Being Index © Psychiatric Research Unit, WHO Collaborating Centre in Mental Health, Mental Health Centre North Zealand, Denmark (Kantor Regional WHO untuk Eropa, 1998). Boleh digunakan tanpa izin. Terjemahan di Sebaya; bila sekolah memakai terjemahan resmi, gunakan kalimat dari terjemahan itu.',
  },
  prompt: { en: 'Over the last two weeks…', id: 'Selama dua minggu terakhir…' },
  items: [
    { key: 'cheerful', text: { en: 'I have felt cheerful and in good spirits', id: 'Saya merasa ceria dan bersemangat' } },
    { key: 'calm', text: { en: 'I have felt calm and relaxed', id: 'Saya merasa tenang dan santai' } },
    { key: 'active', text: { en: 'I have felt active and vigorous', id: 'Saya merasa aktif dan bertenaga' } },
    { key: 'rested', text: { en: 'I woke up feeling fresh and rested', id: 'Saya bangun tidur dengan perasaan segar dan cukup istirahat' } },
    {
      key: 'interested',
      text: { en: 'My daily life has been filled with things that interest me', id: 'Hari-hari saya diisi dengan hal-hal yang menarik minat saya' },
    },
  ],
  responses: [
    { value: 5, label: { en: 'All of the time', id: 'Sepanjang waktu' } },
    { value: 4, label: { en: 'Most of the time', id: 'Sebagian besar waktu' } },
    { value: 3, label: { en: 'More than half of the time', id: 'Lebih dari separuh waktu' } },
    { value: 2, label: { en: 'Less than half of the time', id: 'Kurang dari separuh waktu' } },
    { value: 1, label: { en: 'Some of the time', id: 'Kadang-kadang' } },
    { value: 0, label: { en: 'At no time', id: 'Tidak pernah' } },
  ],
  scoring: { multiplier: 4, poorBelowRaw: 13, meaningfulChange: 10 },
};

export const instruments = { who5 } as const;
export const instrumentIds = ['who5'] as const;
export type InstrumentId = (typeof instrumentIds)[number];

export function instrumentOf(id: string): InstrumentDefinition | undefined {
  return (instruments as Record<string, InstrumentDefinition>)[id];
}

export function highestResponse(def: InstrumentDefinition): number {
  return Math.max(...def.responses.map((r) => r.value));
}

export function lowestResponse(def: InstrumentDefinition): number {
  return Math.min(...def.responses.map((r) => r.value));
}

/** The raw score: the sum of the item answers (WHO-5: 0 to 25). */
export function rawScore(def: InstrumentDefinition, answers: Readonly<Record<string, number>>): number {
  return def.items.reduce((sum, item) => sum + (answers[item.key] ?? 0), 0);
}

/** The percentage score (WHO-5: raw × 4, 0 to 100). */
export function percentScore(def: InstrumentDefinition, raw: number): number {
  return raw * def.scoring.multiplier;
}

/** WHO-5: a raw score below 13 indicates poor well-being. */
export function isPoorWellBeing(def: InstrumentDefinition, raw: number): boolean {
  return raw < def.scoring.poorBelowRaw;
}

export const changeCategories = ['improved', 'no_meaningful_change', 'worsened'] as const;
export type ChangeCategory = (typeof changeCategories)[number];

/** A change in percentage points, read against the meaningful change (WHO-5: 10 points either way). */
export function changeCategory(def: InstrumentDefinition, changePoints: number): ChangeCategory {
  if (changePoints >= def.scoring.meaningfulChange) return 'improved';
  if (changePoints <= -def.scoring.meaningfulChange) return 'worsened';
  return 'no_meaningful_change';
}
