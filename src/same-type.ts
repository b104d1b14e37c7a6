/**
 * Compile-time checks that two types agree, for a public type written out by hand beside what it
 * mirrors (a schema's inferred type, a list's names): `true satisfies Same<A, B>` fails to
 * compile once they drift apart.
 */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
