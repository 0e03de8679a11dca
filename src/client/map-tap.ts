/**
 * A tap on a map region shows its name and figure, its verdict where the view has one, and a
 * link to its page, instead of leaving the page at once: on a phone there is no hover to read a
 * region's title before following it. A second tap on the same region follows its link.
 *
 * The regions stay plain links: without JavaScript, and with a mouse or a keyboard, they are
 * followed as before. The listeners are on the document, so the maps a browser view redraws
 * (src/client/*-view.ts) work the same; a redraw takes the open tip away with the old map.
 */

const REGION = 'figure.choropleth a[data-jurisdiction]';

/** How the latest click was made: only touch and pen taps open a tip. */
let pointerType = '';
/** The region the open tip is about, outlined as a hovered region is. */
let tapped: SVGAElement | null = null;

/** The label of a region is "name：figure" (zh) or "name: figure" (en), as map.ts writes it. */
function splitLabel(label: string): { name: string; figure: string } {
  const m = /^(.*?)(?:：|: )(.*)$/s.exec(label);
  return m ? { name: m[1]!, figure: m[2]! } : { name: label, figure: '' };
}

function openTip(region: SVGAElement, x: number, y: number): void {
  closeTip();
  const figure = region.closest('figure.choropleth') as HTMLElement;
  const code = region.dataset.jurisdiction!;
  const en = document.documentElement.lang === 'en';
  const { name, figure: value } = splitLabel(region.getAttribute('aria-label') ?? code);

  const tip = document.createElement('div');
  tip.className = 'map-tip';
  tip.dataset.for = code;
  const title = document.createElement('p');
  const strong = document.createElement('strong');
  strong.textContent = name;
  title.append(strong);
  if (value) title.append(` ${value}`);
  tip.append(title);
  // The verdict of this region in the same view (an indicator page's progress table): same indicator, same period.
  const verdict = region.closest('.view-body')?.querySelector<HTMLElement>(`.verdict[data-jurisdiction="${CSS.escape(code)}"]`);
  if (verdict) {
    const line = document.createElement('p');
    line.className = [...verdict.classList].filter((c) => c.startsWith('status-')).join(' ');
    line.textContent = verdict.textContent;
    tip.append(line);
  }
  const link = document.createElement('a');
  link.href = region.getAttribute('href')!;
  link.textContent = en ? `Go to ${name} →` : `查看${name} →`;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'map-tip-close';
  close.setAttribute('aria-label', en ? 'Close' : '关闭');
  close.textContent = '×';
  close.addEventListener('click', closeTip);
  tip.append(link, close);
  figure.append(tip);
  tapped = region;
  region.classList.add('map-tapped');

  // Below the tapped point, inside the figure.
  const box = figure.getBoundingClientRect();
  const left = Math.min(Math.max(0, x - box.left - tip.offsetWidth / 2), box.width - tip.offsetWidth);
  tip.style.left = `${Math.max(0, left)}px`;
  tip.style.top = `${y - box.top + 12}px`;
}

function closeTip(): void {
  document.querySelector('.map-tip')?.remove();
  tapped?.classList.remove('map-tapped');
  tapped = null;
}

document.addEventListener('pointerdown', (e) => (pointerType = e.pointerType), { capture: true, passive: true });

document.addEventListener('click', (e) => {
  const target = e.target instanceof Element ? e.target : null;
  const region = target?.closest<SVGAElement>(REGION);
  const open = document.querySelector<HTMLElement>('.map-tip');
  if (!region) {
    if (open && !open.contains(target)) closeTip();
    return;
  }
  // A keyboard's Enter (detail 0) and a mouse click follow the link, as without this script.
  if (e.detail === 0 || (pointerType !== 'touch' && pointerType !== 'pen')) return;
  if (open && open.dataset.for === region.dataset.jurisdiction && open.parentElement === region.closest('figure.choropleth')) return;
  e.preventDefault();
  openTip(region, e.clientX, e.clientY);
});

document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape') closeTip();
});
