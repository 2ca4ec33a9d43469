// The CLV engine: pure functions over numbers, no I/O.
export { ClvError } from './clv-errors.ts';
export type { ClvErrorCode } from './clv-errors.ts';
export { daysPerUnit, summarizeCustomers } from './customer-summary.ts';
export type { CustomerSummary, Purchase, TimeUnit } from './customer-summary.ts';
export { groupHistories } from './customer-groups.ts';
export type { PurchaseHistory } from './customer-groups.ts';
export type { ModelFit, PurchaseModel } from './purchase-model.ts';
export { scoreCustomers } from './score-customers.ts';
export type { CustomerScores } from './score-customers.ts';
export { bgnbdModel, fitBgnbd } from './bgnbd.ts';
export type { BgnbdParams } from './bgnbd.ts';
export { fitParetoNbd, paretoNbdLogLikelihood, paretoNbdModel } from './pareto-nbd.ts';
export type { ParetoNbdParams } from './pareto-nbd.ts';
export { paretoNbdPurchaseProbability } from './pareto-nbd-probability.ts';
export { averageRepeatSpend, conditionalExpectedSpend, fitGammaGamma } from './gamma-gamma.ts';
export type { GammaGammaParams, SpendHistory } from './gamma-gamma.ts';
export {
  DAYS_PER_YEAR,
  discountedExpectedPurchases,
  discountedExpectedResidualTransactions,
  discountedLifetimeValue,
  discountRatePerDays,
  discountRatePerUnit,
} from './lifetime-value.ts';
export type { DiscountSchedule } from './lifetime-value.ts';
export {
  MIN_REPEAT_CUSTOMERS_FOR_FIT,
  measureRetention,
  retentionLifetimeValue,
  retentionValueOverHorizon,
  thinDataReason,
} from './simple-retention.ts';
export type { SimpleRetention } from './simple-retention.ts';
export { gammaVariate, seededRandom, simulateBgnbdHistories } from './bgnbd-simulation.ts';
export { valueCustomers } from './value-customers.ts';
export type { ClvReport, SpendReport, ValuationOptions } from './value-customers.ts';
