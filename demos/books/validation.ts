import type { NewBookInput } from './types.js';

/**
 * One set of rules for every paradigm, so the same bad input fails the same way
 * in REST (400), GraphQL (errors array), SOAP (Fault) and the rest.
 */
export interface FieldProblem {
  field: 'title' | 'author' | 'year' | 'isbn';
  /** Stable code a client can match on. */
  code: 'required' | 'too-long' | 'not-an-integer' | 'out-of-range' | 'invalid-isbn' | 'wrong-type';
  /** English text for the wire: APIs speak one language, the tool translates around them. */
  message: string;
}

export interface ValidBook {
  title: string;
  author: string;
  year: number | null;
  isbn: string | null;
}

export type Validation = { ok: true; value: ValidBook } | { ok: false; problems: FieldProblem[] };

export const limits = { titleMax: 200, authorMax: 100, yearMin: 1450 } as const;

export function validateNewBook(input: NewBookInput, now: Date): Validation {
  const problems: FieldProblem[] = [];
  const title = requiredText(input.title, 'title', limits.titleMax, problems);
  const author = requiredText(input.author, 'author', limits.authorMax, problems);
  const year = optionalYear(input.year, now.getUTCFullYear() + 1, problems);
  const isbn = optionalIsbn(input.isbn, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { title: title!, author: author!, year, isbn } };
}

function requiredText(
  value: unknown,
  field: 'title' | 'author',
  max: number,
  problems: FieldProblem[],
): string | undefined {
  if (value !== undefined && value !== null && typeof value !== 'string') {
    problems.push({ field, code: 'wrong-type', message: `${field} must be a string` });
    return undefined;
  }
  const text = (value ?? '').trim();
  if (text.length === 0) {
    problems.push({ field, code: 'required', message: `${field} is required` });
    return undefined;
  }
  if (text.length > max) {
    problems.push({ field, code: 'too-long', message: `${field} must be at most ${max} characters` });
    return undefined;
  }
  return text;
}

function optionalYear(value: unknown, maxYear: number, problems: FieldProblem[]): number | null {
  if (value === undefined || value === null || value === '') return null;
  const year = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof year !== 'number' || !Number.isInteger(year)) {
    problems.push({ field: 'year', code: 'not-an-integer', message: 'year must be an integer' });
    return null;
  }
  if (year < limits.yearMin || year > maxYear) {
    problems.push({
      field: 'year',
      code: 'out-of-range',
      message: `year must be between ${limits.yearMin} and ${maxYear}`,
    });
    return null;
  }
  return year;
}

function optionalIsbn(value: unknown, problems: FieldProblem[]): string | null {
  if (value === undefined || value === null || value === '') return null;
  const digits = typeof value === 'string' ? value.replace(/[\s-]/g, '').toUpperCase() : '';
  if (!isValidIsbn(digits)) {
    problems.push({ field: 'isbn', code: 'invalid-isbn', message: 'isbn must be a valid ISBN-10 or ISBN-13' });
    return null;
  }
  return digits;
}

/** ISBN-13: weights 1,3,1,3…, sum mod 10 = 0. ISBN-10: weights 10…1, sum mod 11 = 0, X = 10. */
export function isValidIsbn(digits: string): boolean {
  if (/^\d{13}$/.test(digits)) {
    const sum = [...digits].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
    return sum % 10 === 0;
  }
  if (/^\d{9}[\dX]$/.test(digits)) {
    const sum = [...digits].reduce((acc, d, i) => acc + (d === 'X' ? 10 : Number(d)) * (10 - i), 0);
    return sum % 11 === 0;
  }
  return false;
}

/** ISBN-10 → ISBN-13: prefix 978, drop the old check digit, compute the new one. */
export function toIsbn13(isbn: string): string {
  if (isbn.length === 13) return isbn;
  const twelve = `978${isbn.slice(0, 9)}`;
  const sum = [...twelve].reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${twelve}${(10 - (sum % 10)) % 10}`;
}

/** ISBN-13 → ISBN-10: only 978- numbers have one; drop the prefix, weights 10…2, mod 11 (X = 10). */
export function toIsbn10(isbn: string): string | null {
  if (isbn.length === 10) return isbn;
  if (!isbn.startsWith('978')) return null;
  const nine = isbn.slice(3, 12);
  const check = (11 - ([...nine].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0) % 11)) % 11;
  return `${nine}${check === 10 ? 'X' : String(check)}`;
}
