// A tiny element builder: text is always set as text (never parsed as HTML).
type Child = Node | string | number | null | undefined | false | readonly Child[];
type Props = Record<string, unknown> & { class?: string; dataset?: Record<string, string>; on?: Record<string, (e: Event) => void> };

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | null = null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props)
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined || value === null || value === false) continue;
      if (name === 'class') el.className = String(value);
      else if (name === 'dataset') Object.assign(el.dataset, value);
      else if (name === 'on') for (const [event, fn] of Object.entries(value as Record<string, (e: Event) => void>)) el.addEventListener(event, fn);
      else if (name === 'style') el.setAttribute('style', String(value));
      else if (name in el && !name.includes('-') && name !== 'list' && name !== 'form' && name !== 'role') (el as unknown as Record<string, unknown>)[name] = value;
      else el.setAttribute(name, value === true ? '' : String(value));
    }
  append(el, children);
  return el;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : (child as Node));
  }
}

export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}
