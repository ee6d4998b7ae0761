// Small DOM builders. Text always goes in as text nodes, never as markup, so names and reasons
// coming from the API cannot inject anything into the page.

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function apply(element, props) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') element.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else if (key === 'dataset') Object.entries(value).forEach(([k, v]) => { if (v !== null && v !== undefined) element.dataset[k] = String(v); });
    else if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (key === 'value' || key === 'checked' || key === 'selected' || key === 'disabled') element[key] = value;
    else element.setAttribute(key, value === true ? '' : String(value));
  }
}

/** An HTML element: h('td', {class: 'num'}, 'text', child, [more]). */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  apply(element, props);
  append(element, children);
  return element;
}

/** An SVG element, the same way. */
export function svg(tag, props, ...children) {
  const element = document.createElementNS(SVG_NS, tag);
  apply(element, props);
  append(element, children);
  return element;
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A section card with a heading and an optional element beside it. */
export function card(title, { id, aside, className } = {}, ...children) {
  return h('section', { class: ['card', className], id },
    h('div', { class: 'card-head' }, h('h2', null, title), aside ?? null),
    ...children);
}

/** A small coloured label: kind picks the colour (ok, warn, bad, info, muted). */
export function badge(text, kind = 'muted', props = {}) {
  return h('span', { ...props, class: ['badge', `badge-${kind}`, props.class] }, text);
}

/** A table with a heading row (texts or th elements), in a box that scrolls sideways rather than overflowing its card. */
export function table(headings, rows, props = {}) {
  const head = headings.map((x) => (typeof x === 'string' ? h('th', null, x) : x));
  return h('div', { class: 'table-scroll' },
    h('table', props, h('thead', null, h('tr', null, head)), h('tbody', null, rows)));
}
