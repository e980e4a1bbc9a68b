import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Absolute path of a sample under libs/formats/src/__samples__ (tests only). */
export function samplePath(name: string): string {
  return path.join(__dirname, '__samples__', name);
}

export function readSample(name: string): Buffer {
  return readFileSync(samplePath(name));
}
