/**
 * All the values of an enum of the generated API (schema.d.ts), as a runtime list in the order given. The argument
 * is a Record over the enum, so a value the API lacks or a value the API added and the list forgot is a type error:
 * `npm run api:gen` after a backend change makes vue-tsc point at every list to update.
 */
export function enumValues<T extends string>(values: Record<T, true>): readonly T[] {
  return Object.keys(values) as T[]
}
