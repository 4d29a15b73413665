import { CORPUS_LINKER_VERSION } from '../corpus/features.js';
import { getDefaultPipeline } from './analyze.js';

const PACKAGE_VERSION = '0.1.0';

/**
 * The analysis pipeline version recorded with every linked article: the package version, the stage list and
 * the linker version. `reanalyze` re-runs articles whose recorded version differs from the running one.
 */
export function pipelineVersion(): string {
  const stages = getDefaultPipeline()
    .stages.map((s) => s.name)
    .join(',');
  return `newsintel@${PACKAGE_VERSION} [${stages}] ${CORPUS_LINKER_VERSION}`;
}
