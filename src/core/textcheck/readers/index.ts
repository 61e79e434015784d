// Each section's reader, run over that section's paragraphs in the order of the template.
import type { SectionId } from '../../narrative/types';
import { SECTION_IDS } from '../../narrative/titles';
import type { Reader } from '../reader';
import type { Para } from '../types';
import { readEight, readNine } from './funds';
import { readFiveOne, readFiveThree, readFiveTwo } from './five';
import { readFour, readOne } from './overall';
import { readSevenOne, readSevenTwo } from './seven';
import { readSix } from './six';
import { readThree, readTwo } from './structure';
import { readTenFour, readTenOne, readTenThree, readTenTwo } from './ten';

const READERS: Record<SectionId, (paras: Para[], r: Reader) => void> = {
  一: readOne,
  二: readTwo,
  三: readThree,
  四: readFour,
  '五（一）': readFiveOne,
  '五（二）': readFiveTwo,
  '五（三）': readFiveThree,
  六: readSix,
  '七（一）': readSevenOne,
  '七（二）': readSevenTwo,
  八: readEight,
  九: readNine,
  '十（一）': readTenOne,
  '十（二）': readTenTwo,
  '十（三）': readTenThree,
  '十（四）': readTenFour,
};

/**
 * Runs every section's reader (七（一） before 七（二）, whose sums refer to it); a section the
 * template reads with its own sentence forms (`own`) is left to those.
 */
export function readSections(paras: Para[], r: Reader, templateOwn: ReadonlySet<SectionId> = new Set()): void {
  for (const id of SECTION_IDS) {
    if (templateOwn.has(id)) continue;
    const own = paras.filter((p) => p.section === id);
    if (own.length > 0) READERS[id](own, r);
  }
}
