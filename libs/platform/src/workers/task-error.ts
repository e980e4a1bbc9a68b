/**
 * A thrown error as plain data, so it can cross a worker boundary and be rebuilt as the same class with the same
 * fields. Structured clone alone keeps only `name`, `message` and `stack`; callers map errors by class and code
 * (`instanceof FormatError`, `error.code`, `error.line`), so those must survive the trip.
 */
export interface SerializedTaskError {
  name: string;
  message: string;
  stack?: string;
  /** The error's own enumerable fields (`code`, `detail`, `line`, …), each one that structured clone can copy. */
  fields: Record<string, unknown>;
}

/** An error class the main thread knows by its `name`; rebuilt without calling its constructor. */
export type TaskErrorClass = abstract new (...args: never[]) => Error;

export function serializeTaskError(error: unknown): SerializedTaskError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (key === 'cause' || !isCloneable(value)) continue;
    fields[key] = value;
  }
  return { name: error.name, message: error.message, ...(error.stack ? { stack: error.stack } : {}), fields };
}

/**
 * The error again, as an instance of the class registered under its name (so `instanceof` and every field hold),
 * else as a `TaskError` carrying the same name, message and fields.
 */
export function deserializeTaskError(serialized: SerializedTaskError, classes: readonly TaskErrorClass[] = []): Error {
  const known = classes.find((c) => c.name === serialized.name);
  const error: Error = known
    ? (Object.create(known.prototype) as Error)
    : new TaskError(serialized.name, serialized.message);
  // `message` and `stack` own and non-enumerable, as the Error constructor makes them; then the class's fields.
  for (const [key, value] of [
    ['message', serialized.message],
    ['stack', serialized.stack],
  ] as const) {
    if (value !== undefined)
      Object.defineProperty(error, key, { value, writable: true, configurable: true, enumerable: false });
  }
  Object.assign(error, serialized.fields);
  if (!Object.hasOwn(serialized.fields, 'name'))
    Object.defineProperty(error, 'name', {
      value: serialized.name,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  return error;
}

/** An error thrown in a worker whose class the main thread did not register. */
export class TaskError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

function isCloneable(value: unknown): boolean {
  if (typeof value === 'function' || typeof value === 'symbol') return false;
  if (value === null || typeof value !== 'object') return true;
  try {
    structuredClone(value);
    return true;
  } catch {
    return false;
  }
}
