// Refusals that used to be English-only (approvals' AP-4 checks, branch tenancy, store contention and throttling,
// the calendar's version and FB-4's ended period) carry a catalogue key now: rendered for a Chinese reader they are
// Chinese, for an English one the sentences they always were.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../shared/domain/errors.ts';
import { localize } from '../../shared/i18n/index.ts';
import { StoreBusyError, translateStoreError } from '../../shared/store/errors.ts';
import { authorizeBranch, branchAfterPut } from '../../shared/auth/permissions.ts';
import type { Actor } from '../../shared/domain/audit.ts';

const HAN = /[\u4e00-\u9fff]/;
/** An English word of three letters or more outside ids, rule IDs and the figures the sentence quotes. */
const englishWord = (text: string, quoted: readonly string[]): string | undefined => {
  let rest = text;
  for (const q of quoted) rest = rest.split(q).join(' ');
  return /\b(?![A-Z]{2,}-?\d*\b)[A-Za-z]{3,}\b/.exec(rest)?.[0];
};

function caught(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const asRead = (e: DomainError, lang: 'zh' | 'en') => localize({ message: e.message, key: e.key, params: e.params }, lang).message;
const branchUser: Actor = { sub: 'b1', groups: ['branch'], branchId: 'north', stationId: undefined } as unknown as Actor;
const officer: Actor = { sub: 'p1', groups: ['officer'], stationId: 's1' } as unknown as Actor;

describe('refusals that were English-only', () => {
  const cases: { name: string; error: () => DomainError; quoted: string[]; english: RegExp }[] = [
    { name: 'the store is busy (503)', error: () => new StoreBusyError(), quoted: [], english: /busy; retry shortly/ },
    {
      name: 'a lost conditional write (409)',
      error: () => caught(() => translateStoreError(Object.assign(new Error('x'), { name: 'ConditionalCheckFailedException' }))),
      quoted: [],
      english: /changed this first/,
    },
    { name: 'another branch (AUTH-BRANCH)', error: () => caught(() => authorizeBranch(branchUser, 'south')), quoted: ['north', 'south'], english: /only for branch north, not for south/ },
    { name: 'a branch listing by an officer (AUTH-ROLE)', error: () => caught(() => authorizeBranch(officer, 'north')), quoted: [], english: /see a branch's stations/ },
    { name: 'moving a station to another branch', error: () => caught(() => branchAfterPut(branchUser, 'north', 'south', 'north')), quoted: ['north', 'south'], english: /only admin moves a station/ },
  ];
  for (const c of cases)
    it(`${c.name}: Chinese for zh, the English sentence for en`, () => {
      const error = c.error();
      expect(error.key).toBeDefined();
      const zh = asRead(error, 'zh');
      expect(zh).toMatch(HAN);
      expect(englishWord(zh, c.quoted)).toBeUndefined();
      expect(asRead(error, 'en')).toMatch(c.english);
    });
});
