// Node only: inflate small zip parts with zlib in one call (see ./inflate). Imported for its
// effect by ./node; browser bundles never load it.
import * as zlib from 'zlib';
import { useSyncInflater } from './inflate';

useSyncInflater({
  inflateRaw: (data, maxOutputLength) => zlib.inflateRawSync(data, { maxOutputLength }),
  isTooLong: (e) => (e as { code?: unknown } | null)?.code === 'ERR_BUFFER_TOO_LARGE',
});
