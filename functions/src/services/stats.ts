// Platform-wide figures, from the counters every contribution write keeps.
import * as repository from '../data/repository.ts';

export const getStats = () => repository.getStats();
