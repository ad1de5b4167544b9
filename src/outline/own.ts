/**
 * Lookups by keys the user wrote (contender ids, profile names): only the
 * record's own entries count, so an id such as "constructor" never finds
 * what every object inherits.
 */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
