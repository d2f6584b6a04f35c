/**
 * jsdom lacks a few browser APIs antd relies on (media queries, resize observers, pseudo-element
 * styles). They are filled in with inert versions; everything else the tests use is real.
 */
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver = ResizeObserverStub;
}

// jsdom implements getComputedStyle but not for pseudo-elements, and says so on the console each time.
const computedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => computedStyle(element);

// jsdom's Uint8Array is not the one Node's TextEncoder returns, as it would be in a browser; esbuild
// (which the in-process server uses to start its xlsx worker) refuses to run when they differ.
if (!(new TextEncoder().encode('') instanceof Uint8Array)) {
  const NodeTextEncoder = globalThis.TextEncoder;
  globalThis.TextEncoder = class extends NodeTextEncoder {
    override encode(input?: string): Uint8Array<ArrayBuffer> {
      return new Uint8Array(super.encode(input));
    }
  } as typeof TextEncoder;
}

afterEach(() => {
  cleanup();
  localStorage.clear();
  sessionStorage.clear();
});
