/**
 * antd's icons name themselves for screen readers by their English file name ("plus", "edit",
 * "delete", "down"), which a Vietnamese screen reader reads aloud inside every button: "plus Thêm học
 * sinh". An icon beside a text, or inside a control named otherwise, is decoration: the shell hides it
 * from screen readers. An icon that is a control's only name (antd's own: a field's clear button, the
 * pager's arrows) gets a Vietnamese one instead. An icon given a label of its own keeps it.
 * (@ant-design/icons has no global switch for this, and setting it on each of the app's icons would
 * miss antd's own and every icon added later.)
 */
const ONLY_NAME: Record<string, string> = {
  'close-circle': 'Xóa',
  close: 'Đóng',
  left: 'Trang trước',
  right: 'Trang tiếp',
  'double-left': 'Lùi nhiều trang',
  'double-right': 'Tiến nhiều trang',
  search: 'Tìm',
  calendar: 'Mở lịch',
};
const DEFAULT_NAMED_ICON = 'span.anticon[role="img"][aria-label]:not([aria-hidden])';

function hideDefaultName(icon: Element): void {
  const name = icon.getAttribute('aria-label') ?? '';
  // The default label is the icon's class suffix: anticon-plus ⇒ "plus".
  if (!icon.classList.contains(`anticon-${name}`)) return;
  const control = icon.closest('button, a, [role="button"]');
  const named =
    control === null ||
    (control.textContent ?? '').trim() !== '' ||
    control.hasAttribute('aria-label') ||
    control.hasAttribute('title');
  const vietnamese = ONLY_NAME[name];
  if (!named && vietnamese) icon.setAttribute('aria-label', vietnamese);
  else icon.setAttribute('aria-hidden', 'true');
}

function hideWithin(node: Node): void {
  if (!(node instanceof Element)) return;
  if (node.matches(DEFAULT_NAMED_ICON)) hideDefaultName(node);
  node.querySelectorAll(DEFAULT_NAMED_ICON).forEach(hideDefaultName);
}

/** Hides the icons' English names under `root` now and as the page changes; returns the stop function. */
export function hideIconDefaultNames(root: HTMLElement): () => void {
  hideWithin(root);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') {
        if (r.target instanceof Element && r.target.matches(DEFAULT_NAMED_ICON)) hideDefaultName(r.target);
      } else r.addedNodes.forEach(hideWithin);
    }
  });
  // aria-label and class change when React swaps one icon for another in place (a folded menu's toggle).
  observer.observe(root, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['aria-label', 'class'],
  });
  return () => observer.disconnect();
}
