/**
 * How a feature lower in the graph lets features above it react or answer, without importing
 * them (docs/adding-a-feature.md). Both are created by the feature that owns the moment and
 * wired once by the feature list (`features.ts`); handlers are module-level functions, so wiring
 * again (every test app does) changes nothing.
 */

/** Something happened in the owning feature; subscribers run in order, inside its transaction. */
export class Hook<Args extends unknown[]> {
  readonly #handlers: Array<(...args: Args) => unknown> = [];

  constructor(readonly name: string) {}

  on(handler: (...args: Args) => unknown): void {
    if (!this.#handlers.includes(handler)) this.#handlers.push(handler);
  }

  async run(...args: Args): Promise<void> {
    for (const handler of this.#handlers) await handler(...args);
  }
}

/**
 * Work the owning feature needs done on data another feature owns (counting contacts that use a
 * status, reassigning a merged person's tasks): the owner of the data provides it.
 */
export class Port<T> {
  #impl: T | undefined;

  constructor(readonly name: string) {}

  provide(impl: T): void {
    this.#impl = impl;
  }

  get(): T {
    if (!this.#impl) throw new Error(`${this.name} is not wired: see apps/server/src/features.ts`);
    return this.#impl;
  }
}
