import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: Root[] = [];

/** Renders into a fresh container in document.body (jsdom), inside act(). */
export async function render(el: ReactElement): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  mounted.push(root);
  await act(async () => root.render(el));
  return container;
}

export async function cleanup(): Promise<void> {
  for (const root of mounted.splice(0)) await act(async () => root.unmount());
  document.body.innerHTML = '';
}

export function byTestId<T extends HTMLElement = HTMLElement>(scope: ParentNode, id: string): T {
  const el = scope.querySelector<T>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no element with data-testid="${id}"`);
  return el;
}

export function allByTestId(scope: ParentNode, id: string): HTMLElement[] {
  return Array.from(scope.querySelectorAll<HTMLElement>(`[data-testid="${id}"]`));
}

export async function click(el: Element): Promise<void> {
  await act(async () => {
    (el as HTMLElement).click();
  });
}

/** Types into an input or textarea the way React notices (the prototype's value setter + input event). */
export async function type(el: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await act(async () => {
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')!.set!;
    setter.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function key(target: Element, k: string, mods: { ctrlKey?: boolean } = {}): Promise<void> {
  await act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...mods }));
  });
}

/** Lets pending promises (fake api answers) and React updates settle. */
export async function flush(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

/** Event-loop turns (each inside act) until `read` returns something truthy; fails after `tries` turns. */
export async function until<T>(read: () => T | undefined | null | false, tries = 1000): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = read();
    if (v) return v;
    await flush();
  }
  throw new Error('state never reached');
}
