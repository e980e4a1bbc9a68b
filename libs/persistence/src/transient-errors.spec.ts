import { isTransientDatabaseError } from './transient-errors';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isTransientDatabaseError', () => {
  it('takes pool timeouts, dropped connections, capacity and concurrency conflicts for transient', () => {
    for (const error of [
      new Error('timeout exceeded when trying to connect'),
      new Error('Connection terminated unexpectedly'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      pgError('40001', 'could not serialize access due to concurrent update'),
      pgError('40P01', 'deadlock detected'),
      pgError('53300', 'sorry, too many clients already'),
      pgError('57P01', 'terminating connection due to administrator command'),
      pgError('57P03', 'the database system is starting up'),
    ])
      expect({ message: error.message, transient: isTransientDatabaseError(error) }).toEqual({
        message: error.message,
        transient: true,
      });
  });

  it('leaves errors of the work itself alone: they would fail the same way again', () => {
    for (const error of [
      pgError('42P01', 'relation "raw_articles" does not exist'),
      pgError('23505', 'duplicate key value violates unique constraint'),
      pgError('22P02', 'invalid input syntax for type uuid'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      null,
      'a string',
    ])
      expect(isTransientDatabaseError(error)).toBe(false);
  });
});
