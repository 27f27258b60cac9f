// Shared by every page: calls to the API (the session cookie goes with them), the caller's session, DOM helpers,
// number formatting (figures arrive as strings from the API; the page only adds thousands separators), charts,
// and the change cursor that redraws a page when its district's events change.

export class Refused extends Error {
  constructor(status, detail) {
    super(detail || ('HTTP ' + status));
    this.status = status;
  }
}

export async function api(path) {
  return (await answer(path)).json();
}

/**
 * A paged list in one piece: follows each answer's `Link: <…>; rel="next"` and appends the pages' `field` (the
 * first page's other members describe the whole list).
 */
export async function apiAllPages(path, field) {
  let next = path + (path.includes('?') ? '&' : '?') + 'limit=5000';
  let whole = null;
  while (next) {
    const response = await answer(next);
    const page = await response.json();
    if (whole === null) {
      whole = page;
    } else {
      whole[field].push(...page[field]);
    }
    const link = /<([^>]+)>\s*;\s*rel="next"/.exec(response.headers.get('Link') || '');
    next = link ? link[1] : null;
  }
  return whole;
}

async function answer(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (response.status === 401) {
    location.assign('/sign-in');
    throw new Refused(401, '未登录');
  }
  if (!response.ok) {
    let detail = '';
    try { detail = (await response.json()).detail || ''; } catch (e) { /* not a problem body */ }
    throw new Refused(response.status, detail);
  }
  return response;
}

/** Roles that may read a project's funding history (budget-service history). */
const HISTORY_ROLES = ['FINANCE', 'UNIT', 'AUDITOR', 'INTEGRATION'];
/** Roles that may read reports and findings. */
const REPORT_ROLES = ['FINANCE', 'UNIT', 'AUDITOR', 'DASHBOARD'];

export function canReadHistory(session) {
  return session.roles.some((r) => HISTORY_ROLES.includes(r));
}

/** Roles that may read the kept narrative checks (文稿数字核对) of a district's year. */
const NARRATIVE_ROLES = ['FINANCE', 'AUDITOR'];

export function canReadNarrativeChecks(session) {
  return session.roles.some((r) => NARRATIVE_ROLES.includes(r));
}

export function canReadReports(session) {
  return session.roles.some((r) => REPORT_ROLES.includes(r));
}

export function mayReadDistrict(session, district) {
  return session.districts.includes('*') || session.districts.includes(district);
}

const ROLE_NAMES = {
  FINANCE: '财政', UNIT: '预算单位', EVALUATOR: '第三方评价', AUDITOR: '审计', DASHBOARD: '展示屏', INTEGRATION: '系统对接',
};

/** Reads the session and draws the header (who, navigation: links, or a function of the session answering them). */
export async function start(links) {
  const session = await api('/api/session');
  const who = document.getElementById('who');
  who.textContent = session.subject + '（' + session.roles.map((r) => ROLE_NAMES[r] || r).join('、') + '）';
  const nav = document.getElementById('nav');
  nav.replaceChildren(...[{ href: '/', text: '总览' }, ...((typeof links === 'function' ? links(session) : links) || [])].map((l) => el('a', { href: l.href }, l.text)));
  return session;
}

/** An element with attributes and children (strings become text: nothing is parsed as HTML). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** "20794.54" → "20,794.54"; null → "—". The digits stay as the API wrote them. */
export function num(value) {
  if (value === undefined || value === null || value === '') return '—';
  const text = String(value);
  const match = /^(-?)(\d+)(\.\d+)?(%?)$/.exec(text);
  if (!match) return text;
  return match[1] + match[2].replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (match[3] || '') + match[4];
}

/** A percentage string ("96.75%") as a number for a chart; null when there is none. */
export function ratio(value) {
  if (value === undefined || value === null) return null;
  const n = parseFloat(String(value));
  return Number.isFinite(n) ? n : null;
}

/** A change object of the report: "增加 12.00 万元（上升 8.00%）" with the report's own words. */
export function change(c) {
  if (!c) return '—';
  if (c.amountWord === '持平') return '持平';
  let text = c.amountWord + ' ' + num(c.amountWan) + ' 万元';
  if (c.percent !== null && c.percent !== undefined) text += '（' + c.percentWord + ' ' + num(c.percent) + '%）';
  return text;
}

export function tile(label, value, sub, id) {
  return el('div', { class: 'tile', 'data-tile': id || label },
    el('div', { class: 'tile-label' }, label),
    el('div', { class: 'tile-value' }, value),
    sub ? el('div', { class: 'tile-sub' }, sub) : null);
}

/**
 * A table; columns: {label, value: row => string|Node, num: true for right-aligned figures}.
 * Empty rows show one line saying so.
 */
export function table(columns, rows, attrs) {
  const head = el('thead', {}, el('tr', {}, columns.map((c) => el('th', { class: c.num ? 'num' : null }, c.label))));
  const body = el('tbody', {}, rows.length === 0
    ? el('tr', {}, el('td', { colspan: String(columns.length), class: 'empty' }, '无记录'))
    : rows.map((row) => el('tr', row.__attrs || {}, columns.map((c) => {
      const v = c.value(row);
      return el('td', { class: c.num ? 'num' : null }, v instanceof Node ? v : (c.num ? num(v) : (v ?? '—')));
    }))));
  return el('table', Object.assign({ class: 'grid' }, attrs || {}), head, body);
}

export function section(title, id, ...children) {
  return el('section', { class: 'card', id }, el('h2', {}, title), ...children);
}

const charts = [];
window.addEventListener('resize', () => charts.forEach((c) => c.resize()));

/** A chart in a new box; answers the box. Options follow ECharts; the palette is the bureau's blue and red. */
export function chart(option, height, id) {
  const box = el('div', { class: 'chart', style: null, 'data-chart': id || '' });
  box.style.height = (height || 300) + 'px';
  requestAnimationFrame(() => {
    const instance = window.echarts.init(box, null, { renderer: 'canvas' });
    (option.series || []).forEach((series) => { if (series.type === 'bar' && !series.barMaxWidth) series.barMaxWidth = 48; });
    instance.setOption(Object.assign({
      color: ['#1f5fa8', '#c23531', '#e6a23c', '#2f8f5b', '#7b61a8', '#5a6b7d'],
      textStyle: { fontFamily: 'inherit' },
      animation: false,
      tooltip: { trigger: 'axis' },
      grid: { left: 60, right: 24, top: 40, bottom: 40, containLabel: true },
    }, option));
    charts.push(instance);
    box.dataset.drawn = 'true';
    box.dataset.drawnAt = String(performance.now());   // ms since the navigation started (the benchmark reads it)
  });
  return box;
}

/** Clears old charts before a page redraws. */
export function disposeCharts() {
  while (charts.length) charts.pop().dispose();
}

/**
 * The change cursor: asks for the district's version every 200 ms and calls redraw when it grew (a new event was
 * journaled). Answers a function that stops it.
 */
export function follow(districts, redraw) {
  const seen = new Map();
  const status = document.getElementById('live');
  let stopped = false;
  let busy = false;
  async function tick() {
    if (stopped || busy) return;
    busy = true;
    try {
      let changed = false;
      for (const d of districts) {
        const cursor = await api('/api/disclosure/districts/' + d + '/changes');
        if (seen.has(d) && cursor.version !== seen.get(d)) changed = true;
        seen.set(d, cursor.version);
      }
      if (changed) await redraw();
      if (status) status.textContent = '实时更新：' + new Date().toLocaleTimeString('zh-CN', { hour12: false });
    } catch (e) {
      if (status) status.textContent = '实时更新暂停：' + e.message;
    } finally {
      busy = false;
    }
  }
  const timer = setInterval(tick, 200);
  tick();
  return () => { stopped = true; clearInterval(timer); };
}

/** Shows a refusal or failure in place of the page's content. */
export function fail(main, error) {
  const text = error && error.status === 403 ? '无权查看：当前角色或区县不允许读取此页面的数据。'
    : error && error.status === 404 ? '未找到：' + (error.message || '')
      : '加载失败：' + (error && error.message ? error.message : error);
  main.replaceChildren(el('p', { class: 'error', id: 'failure' }, text));
}

export const DISTRICT_NAMES = {};
