import type { StatePropertyAccessor, TurnContext } from 'botbuilder';

/**
 * A state property whose `get(context, default)` returns the default without storing it.
 * botbuilder's own accessor stores the default, so merely reading an absent user profile
 * (`get(context, {})`, as the dialogs do to look up the area) changed the user state and cost a
 * storage write of an empty profile on every turn. Writes still go through `set`.
 */
export function readOnlyDefaults<T>(inner: StatePropertyAccessor<T>): StatePropertyAccessor<T> {
  return {
    async get(context: TurnContext, defaultValue?: T): Promise<T | undefined> {
      const value = await inner.get(context);
      if (value !== undefined || defaultValue === undefined) return value;
      // A copy, as botbuilder gives: the caller may change it without touching the default.
      return typeof defaultValue === 'object' && defaultValue !== null ? (JSON.parse(JSON.stringify(defaultValue)) as T) : defaultValue;
    },
    set: (context: TurnContext, value: T) => inner.set(context, value),
    delete: (context: TurnContext) => inner.delete(context),
  } as StatePropertyAccessor<T>;
}
