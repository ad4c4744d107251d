// Translates DynamoDB failures into the product's errors: a lost condition is a 409, throttling a 503.
import { DomainError, conflict, type ErrorText } from '../domain/errors.ts';
import { say } from '../i18n/index.ts';

const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);

export class StoreBusyError extends DomainError {
  constructor(readonly retryAfterSeconds = 1) {
    super(503, 'STORE_BUSY', say('error.store.busy'));
  }
}

export const isConditionFailure = (error: unknown): boolean =>
  error instanceof Error && error.name === 'ConditionalCheckFailedException';

/** Rethrows a store error as the product error it means; `onConflict` words the 409. */
export function translateStoreError(error: unknown, onConflict: ErrorText = say('error.store.changedFirst')): never {
  if (isConditionFailure(error)) throw conflict(onConflict);
  if (error instanceof Error && THROTTLING.has(error.name)) throw new StoreBusyError();
  throw error;
}
