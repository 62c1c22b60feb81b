/** The shape of an English text group with every text widened to string: what the Indonesian group must match. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
