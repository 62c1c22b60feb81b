import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/locales/en';
import { id } from '../../src/i18n/locales/id';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

/** Each area's file as its module: the index spreads them into one tree. */
const areaFiles = import.meta.glob<Record<string, Tree>>(['../../src/i18n/locales/*/*.ts', '!**/index.ts'], { eager: true });

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  const english = new Map(leaves(en as unknown as Tree));
  const indonesian = new Map(leaves(id as unknown as Tree));

  it('has an Indonesian text for every English text and no extra ones', () => {
    expect([...indonesian.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('leaves no Indonesian text empty where the English one says something', () => {
    const empty = [...english].filter(([key, text]) => text !== '' && !indonesian.get(key)?.trim()).map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('uses the same {{placeholders}} in both languages, so no number or name goes missing', () => {
    const mismatched = [...english]
      .filter(([key, text]) => JSON.stringify(placeholders(text)) !== JSON.stringify(placeholders(indonesian.get(key) ?? '')))
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('gives every area its own top-level names, so one area never silently replaces another area’s texts', () => {
    for (const language of ['en', 'id']) {
      const owners = new Map<string, string[]>();
      for (const [file, module] of Object.entries(areaFiles).filter(([file]) => file.includes(`/locales/${language}/`))) {
        for (const area of Object.values(module)) {
          for (const key of Object.keys(area)) owners.set(key, [...(owners.get(key) ?? []), file]);
        }
      }
      expect(owners.size).toBeGreaterThan(10);
      expect([...owners].filter(([, files]) => files.length > 1)).toEqual([]);
    }
  });
});
