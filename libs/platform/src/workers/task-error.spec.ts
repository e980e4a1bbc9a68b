import { PermanentError } from '../errors/wirestream-error';
import { deserializeTaskError, serializeTaskError, TaskError } from './task-error';

/** The trip a thrown error makes between a worker and the main thread: serialized, then structured-cloned. */
function roundTrip(error: unknown, classes: Parameters<typeof deserializeTaskError>[1] = []): Error {
  return deserializeTaskError(structuredClone(serializeTaskError(error)), classes);
}

class PositionedError extends Error {
  readonly code = 'positioned';
  constructor(
    detail: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${detail} (line ${line}, column ${column})`);
    this.name = new.target.name;
  }
}

describe('task error (de)serialization', () => {
  it('rebuilds a registered class with its code, fields and message', () => {
    const original = new PositionedError('unclosed tag', 3, 17);
    const back = roundTrip(original, [PositionedError]);
    expect(back).toBeInstanceOf(PositionedError);
    expect(back).toBeInstanceOf(Error);
    expect(back).toMatchObject({
      name: 'PositionedError',
      code: 'positioned',
      line: 3,
      column: 17,
      message: 'unclosed tag (line 3, column 17)',
    });
    expect(back.stack).toBe(original.stack);
    expect(Object.keys(back).sort()).toEqual(Object.keys(original).sort());
  });

  it('keeps nested data fields (status, extensions) of a PermanentError', () => {
    const back = roundTrip(new PermanentError('too-many-items', '5 items, over 4', 413, { limit: 4, items: 5 }), [
      PermanentError,
    ]);
    expect(back).toBeInstanceOf(PermanentError);
    expect(back).toMatchObject({
      code: 'too-many-items',
      status: 413,
      retriable: false,
      extensions: { limit: 4, items: 5 },
      message: '5 items, over 4',
    });
  });

  it('gives an unregistered class back as a TaskError with the same name, message and code', () => {
    const back = roundTrip(new PositionedError('bad', 1, 2));
    expect(back).toBeInstanceOf(TaskError);
    expect(back).toMatchObject({
      name: 'PositionedError',
      message: 'bad (line 1, column 2)',
      code: 'positioned',
      line: 1,
    });
  });

  it('drops fields structured clone cannot copy instead of failing the whole result', () => {
    const error = Object.assign(new Error('with a callback'), {
      code: 'x',
      retry: () => 1,
      socket: { write: () => 0 },
    });
    const back = roundTrip(error);
    expect(back).toMatchObject({ message: 'with a callback', code: 'x' });
    expect(back).not.toHaveProperty('retry');
    expect(back).not.toHaveProperty('socket');
  });

  it('turns a thrown non-Error into an Error with its text', () => {
    expect(roundTrip('plain string')).toMatchObject({ name: 'Error', message: 'plain string' });
  });
});
