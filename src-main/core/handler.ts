import type { MethodName, MethodOutput, ParsedInput } from '../../shared/api/contract.ts';
import type { CoreContext } from './context.ts';

export type Handler<M extends MethodName> = (ctx: CoreContext, input: ParsedInput<M>) => Promise<MethodOutput<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

/**
 * A domain's handlers for its contract slice (`<domain>.handlers.ts` ends in
 * `satisfies HandlersFor<typeof <domain>Contract>`): a method of the slice left
 * out, or one it does not have, does not compile.
 */
export type HandlersFor<Slice> = { [M in keyof Slice & MethodName]: Handler<M> };

/**
 * The domains' handler slices merged into the core's table. Spread members
 * escape TypeScript's excess-property check, so the check is spelled out: a
 * method the contract lacks, or one no slice handles, does not compile.
 */
export function mergeHandlers<Table extends Handlers>(table: Table & Record<Exclude<keyof Table, MethodName>, never>): Handlers {
  return table;
}
