// What other domains may use of insights: the sample scores. The services behind
// the handlers are figures (P&L, overview, tables), loyalty (scores, stages) and
// recompute (the background job).
export { seedSampleScoresIn } from './loyalty.service.ts';
