import { contract, isMethodName, type MethodName } from '../../shared/api/contract.ts';
import { AppError, type ApiError, type FieldProblem } from '../../shared/api/errors.ts';
import { fieldLabels } from '../../shared/api/labels.ts';
import type { DispatchResult } from '../../shared/api/result.ts';
import type { CoreContext } from './context.ts';
import { storageFailure } from './db/storage-failure.ts';
import type { Handler, Handlers } from './handler.ts';

/** The part of a zod error the dispatcher reads (the core does not import zod itself). */
type SchemaIssues = { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> };

function fieldProblems(error: SchemaIssues): FieldProblem[] {
  return error.issues.map((issue) => {
    // Update inputs wrap the form in `fields`; report paths as the form knows them.
    const path = issue.path[0] === 'fields' ? issue.path.slice(1) : issue.path;
    return { path: path.map(String).join('.'), message: issue.message };
  });
}

/** Names each problem's field with the label its domain gives it (shared/<domain>/<domain>.labels.ts). */
function validationError(method: MethodName, error: SchemaIssues): ApiError {
  const fields = fieldProblems(error);
  const labels: Readonly<Record<string, string>> = fieldLabels[method];
  const described = fields
    .slice(0, 3)
    .map((field) => `${labels[field.path.split('.')[0] ?? ''] ?? (field.path || 'Input')}: ${field.message}`);
  const more = fields.length > 3 ? ` (and ${fields.length - 3} more)` : '';
  return { code: 'VALIDATION', message: `Please check: ${described.join(' ')}${more}`, details: { fields } };
}

const brokenTextMessage = 'This text contains a broken character (an unpaired surrogate); retype it.';

type Visit = { value: unknown; key?: string; parent?: Visit };

function pathOf(visit: Visit): string[] {
  const path: string[] = [];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * Finds every string in the input that is not well-formed UTF-16. SQLite would
 * store a lone surrogate as U+FFFD, silently changing what the user typed.
 * Walks without recursion and remembers what it saw: input may be deep or cyclic.
 */
function brokenText(input: unknown): SchemaIssues {
  const issues: Array<{ path: string[]; message: string }> = [];
  const seen = new Set<object>();
  const stack: Visit[] = [{ value: input }];
  for (let visit = stack.pop(); visit; visit = stack.pop()) {
    const { value } = visit;
    if (typeof value === 'string') {
      if (!value.isWellFormed()) issues.push({ path: pathOf(visit), message: brokenTextMessage });
    } else if (typeof value === 'object' && value !== null && !seen.has(value)) {
      seen.add(value);
      for (const [key, child] of Object.entries(value).reverse()) stack.push({ value: child, key, parent: visit });
    }
  }
  return { issues };
}

export type DispatchOptions = {
  /** Check every output against the contract too: on in tests, where a drift must fail loudly. */
  checkOutputs?: boolean;
  logError?: (error: unknown, method: string) => void;
};

/**
 * The one dispatcher: validates input against the contract, runs the handler, and
 * turns every failure into `{ code, message, details? }`. It never rejects.
 */
export async function dispatch(
  handlers: Handlers,
  ctx: CoreContext,
  method: string,
  input: unknown,
  options: DispatchOptions = {},
): Promise<DispatchResult> {
  if (!isMethodName(method)) {
    return { ok: false, error: { code: 'NOT_FOUND', message: `Ambassador has no action called “${method}”.` } };
  }
  const spec = contract[method];
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: validationError(method, parsed.error) };
  // Checked after parsing, so a schema may drop what it does not keep (a search
  // ignores a broken character; a name must not lose one).
  const broken = brokenText(parsed.data);
  if (broken.issues.length > 0) return { ok: false, error: validationError(method, broken) };
  try {
    const handler = handlers[method] as Handler<MethodName>;
    const value = await handler(ctx, parsed.data as never);
    if (options.checkOutputs) spec.output.parse(value);
    return { ok: true, value } as DispatchResult;
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toApiError() };
    // Logged as it was thrown: the user's message below names only what to do about it.
    (options.logError ?? defaultLog)(error, method);
    return { ok: false, error: storageFailure(error)?.toApiError() ?? internalError };
  }
}

const internalError: ApiError = {
  code: 'INTERNAL',
  message: 'Something went wrong inside Ambassador and the action was not completed. Your data is safe; try again, and restart the app if it keeps happening.',
};

function defaultLog(error: unknown, method: string): void {
  console.error(`[ambassador] ${method} failed:`, error);
}
