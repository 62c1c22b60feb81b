const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The values a form shows when a newer version of its record arrives: each field the person
 * has not changed since the last version takes the new value; a field they changed keeps what
 * they typed. `previous` is what the form was last filled with (its empty values before the
 * first answer).
 */
export function keepEdits<Values extends object>(previous: Values, next: Values, current: Values): Values {
  const merged = { ...next };
  for (const key of Object.keys(next) as (keyof Values)[]) {
    if (key in current && !sameValue(current[key], previous[key])) merged[key] = current[key];
  }
  return merged;
}
