// 合规问题: a district-year's compliance findings with their history, filtered by unit, rule, severity and status.
// Unit and status go to the API (?unitId=, ?status=); rule and severity filter the rows the API answered.
import { api, start, el, table, section, follow, fail } from './common.js';

const main = document.getElementById('main');
const [, , district, , yearText] = location.pathname.split('/');
const year = Number(yearText);
const params = new URLSearchParams(location.search);
const filter = {
  unitId: params.get('unitId') || '', ruleId: params.get('ruleId') || '',
  severity: params.get('severity') || '', status: params.get('status') || 'all',
};
const time = (t) => (t ? new Date(t).toLocaleString('zh-CN', { hour12: false }) : '—');
let catalogue;
let units = [];

function select(name, label, options) {
  const s = el('select', { name, id: 'filter-' + name }, options.map(([value, text]) => el('option', { value, selected: filter[name] === value }, text)));
  s.addEventListener('change', () => {
    filter[name] = s.value;
    const q = new URLSearchParams();
    Object.entries(filter).forEach(([k, v]) => { if (v && !(k === 'status' && v === 'all')) q.set(k, v); });
    history.replaceState(null, '', location.pathname + (q.toString() ? '?' + q : ''));
    draw();
  });
  return el('label', {}, label + ' ', s);
}

async function draw() {
  const q = new URLSearchParams({ status: filter.status });
  if (filter.unitId) q.set('unitId', filter.unitId);
  const f = await api('/api/disclosure/districts/' + district + '/years/' + year + '/findings?' + q);
  if (!filter.unitId) {
    const seen = new Map();
    f.findings.forEach((x) => { if (x.unitId) seen.set(x.unitId, x.unitName || x.unitId); });
    units = [...seen.entries()].sort();
  }
  const rows = f.findings.filter((x) => (!filter.ruleId || x.ruleId === filter.ruleId) && (!filter.severity || x.severity === filter.severity));
  document.title = district + ' ' + year + ' 年 合规问题 · 绩效';
  main.replaceChildren(
    el('h1', {}, district + ' ' + year + ' 年 合规问题'),
    el('p', { class: 'muted' }, '规则 ' + f.ruleVersion + '；检查时间 ' + time(f.evaluatedAt) + '；',
      el('a', { href: '/districts/' + district + '/years/' + year }, '返回区县年度')),
    el('form', { class: 'filters', id: 'filters', onsubmit: (e) => e.preventDefault() },
      select('unitId', '单位', [['', '全部单位'], ...units]),
      select('ruleId', '规则', [['', '全部规则'], ...catalogue.rules.map((r) => [r.id, r.id + ' ' + r.title])]),
      select('severity', '严重程度', [['', '全部'], ['FATAL', '严重'], ['WARNING', '一般']]),
      select('status', '状态', [['all', '全部'], ['open', '未解决'], ['resolved', '已解决']])),
    el('p', { id: 'findings-count' }, '共 ' + rows.length + ' 项，其中未解决 ' + rows.filter((x) => !x.resolvedAt).length + ' 项。'),
    section('问题清单', 'findings', table([
      { label: '规则', value: (x) => x.ruleId + ' ' + x.title },
      { label: '严重程度', value: (x) => (x.severity === 'FATAL' ? '严重' : '一般') },
      { label: '单位', value: (x) => x.unitName || x.unitId || '—' },
      { label: '问题', value: (x) => x.message },
      { label: '应为', value: (x) => x.expected || '—' },
      { label: '实为', value: (x) => x.found || '—' },
      { label: '发现时间', value: (x) => time(x.raisedAt) },
      { label: '解决时间', value: (x) => (x.resolvedAt ? time(x.resolvedAt) : '未解决') },
    ], rows.map((x) => Object.assign({ __attrs: { 'data-rule': x.ruleId, 'data-unit': x.unitId || '', class: x.resolvedAt ? 'resolved' : null } }, x)), { id: 'findings-table' })));
  main.dataset.ready = String(Date.now());
}

try {
  await start([{ href: '/districts/' + district + '/years/' + year, text: '区县年度' },
    { href: '/districts/' + district + '/years/' + year + '/findings', text: '合规问题' }]);
  catalogue = await api('/api/disclosure/districts/' + district + '/years/' + year + '/findings/rules');
  await draw();
  follow([district], draw);
} catch (e) {
  if (e.status !== 401) fail(main, e);
}
