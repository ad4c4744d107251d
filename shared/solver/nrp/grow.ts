// Growable typed arrays: a copy of `a` with room for `size` elements (the rest zero), of the same kind.
type Growable = Int32Array | Float64Array | Uint8Array;

export function grown<T extends Growable>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
