// Finite fields GF(q) for prime powers q, as addition and multiplication tables. Affine planes and transversal
// designs need a field; tables keep the constructions simple and q stays small (q² ≤ 16,384 entries).

/** Addition and multiplication tables of GF(q); element 0 is zero and 1 is one. */
export interface Field {
  q: number;
  add: Uint16Array;
  mul: Uint16Array;
}

/** The prime p and exponent e with q = p^e, or null when q is not a prime power. */
export function primePower(q: number): { p: number; e: number } | null {
  if (q < 2 || !Number.isInteger(q)) return null;
  for (let p = 2; p * p <= q; p++) {
    if (q % p !== 0) continue;
    let e = 0;
    let r = q;
    while (r % p === 0) {
      r /= p;
      e++;
    }
    return r === 1 ? { p, e } : null;
  }
  return { p: q, e: 1 };
}

const cache = new Map<number, Field | null>();

/** GF(q) for a prime power q ≤ 128, or null. */
export function galoisField(q: number): Field | null {
  if (cache.has(q)) return cache.get(q) as Field | null;
  const pp = q <= 128 ? primePower(q) : null;
  const field = pp ? build(q, pp.p, pp.e) : null;
  cache.set(q, field);
  return field;
}

function build(q: number, p: number, e: number): Field | null {
  const add = new Uint16Array(q * q);
  // Elements are base-p digit vectors (polynomials of degree < e); addition is digit-wise mod p.
  for (let a = 0; a < q; a++) {
    for (let b = 0; b < q; b++) {
      let r = 0;
      let place = 1;
      let x = a;
      let y = b;
      for (let i = 0; i < e; i++) {
        r += (((x % p) + (y % p)) % p) * place;
        x = Math.floor(x / p);
        y = Math.floor(y / p);
        place *= p;
      }
      add[a * q + b] = r;
    }
  }
  // Try monic polynomials x^e + c(x) until multiplication has no zero divisors, i.e. the modulus is irreducible.
  for (let c = 1; c < q; c++) {
    const mul = multiplicationTable(q, p, e, c);
    if (mul) return { q, add, mul };
  }
  return null;
}

function multiplicationTable(q: number, p: number, e: number, modulus: number): Uint16Array | null {
  const digits = (x: number) => {
    const d: number[] = [];
    for (let i = 0; i < e; i++) {
      d.push(x % p);
      x = Math.floor(x / p);
    }
    return d;
  };
  const mod = digits(modulus); // x^e ≡ -(mod[0] + mod[1] x + ...)
  const mul = new Uint16Array(q * q);
  for (let a = 0; a < q; a++) {
    const da = digits(a);
    let oneFound = a === 0;
    for (let b = 0; b < q; b++) {
      const db = digits(b);
      const prod = new Array(2 * e - 1).fill(0);
      for (let i = 0; i < e; i++) for (let j = 0; j < e; j++) prod[i + j] = (prod[i + j] + da[i] * db[j]) % p;
      for (let deg = 2 * e - 2; deg >= e; deg--) {
        const c = prod[deg];
        if (c === 0) continue;
        prod[deg] = 0;
        for (let i = 0; i < e; i++) prod[deg - e + i] = (((prod[deg - e + i] - c * mod[i]) % p) + p) % p;
      }
      let r = 0;
      for (let i = e - 1; i >= 0; i--) r = r * p + prod[i];
      if (a !== 0 && b !== 0 && r === 0) return null; // zero divisor: reducible modulus
      if (r === 1) oneFound = true;
      mul[a * q + b] = r;
    }
    if (!oneFound) return null;
  }
  return mul;
}
