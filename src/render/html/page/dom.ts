/** The page's elements, found by id and checked to be what the script expects. */

/** The element with this id, of this type; a missing one is a page the script cannot run. */
export function byId<T extends HTMLElement>(id: string, type: { new (): T; prototype: T }): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`the page has no #${id} ${type.name}`);
  return el;
}

/** Adds a line to the message box at the top of the page and shows it. */
export function showMessage(text: string): void {
  const box = byId('message', HTMLDivElement);
  const p = document.createElement('p');
  p.textContent = text;
  box.appendChild(p);
  box.hidden = false;
}

/** What went wrong, for a message: an Error's message, or the thrown value. */
export function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
