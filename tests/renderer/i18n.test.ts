import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/locales/en';
import { id } from '../../src/i18n/locales/id';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  );
}

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
});
