import type { ParsedIngestBody } from '@wirestream/formats';
import { parseWithinLimits, type ParseBodyInput } from './parse-body';

/** One request body parsed in a worker thread (see BodyParser); a thrown FormatError arrives as itself. */
export default function parseBodyTask(input: ParseBodyInput): ParsedIngestBody {
  return parseWithinLimits(input);
}
