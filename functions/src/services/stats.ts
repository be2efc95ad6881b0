// Platform-wide figures, from the counters every contribution write keeps.
import * as counts from '../data/counts.ts';

export const getStats = () => counts.getStats();
