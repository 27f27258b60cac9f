// 总览: every district-year the caller may read (GET /api/disclosure/overview), as tiles, a table and charts.
import { api, start, el, num, ratio, tile, table, section, chart, disposeCharts, fail } from './common.js';

const main = document.getElementById('main');
const GRADES = ['优', '良', '中', '差'];

function gradeCount(grades, grade) {
  const found = (grades || []).find((g) => g.grade === grade);
  return found ? found.count : 0;
}

function draw(overview) {
  disposeCharts();
  const lines = overview.lines;
  const t = overview.totals;
  const latest = new Map();
  lines.forEach((l) => { if (!latest.has(l.districtCode) || latest.get(l.districtCode).year < l.year) latest.set(l.districtCode, l); });
  const sum = (f) => lines.reduce((a, l) => a + f(l), 0);
  const tiles = el('div', { class: 'tiles' },
    tile('预算（万元）', num(t.budgetWan), t.districts + ' 个区县 ' + t.districtYears + ' 个年度', 'budget'),
    tile('执行（万元）', num(t.spentWan), null, 'spent'),
    tile('预算执行率', num(t.executionRate), null, 'execution'),
    tile('绩效评价等级', GRADES.map((g) => g + ' ' + sum((l) => gradeCount(l.selfEvaluationGrades, g) + gradeCount(l.keyEvaluationGrades, g))).join(' · '), '自评与重点评价', 'grades'),
    tile('未纠偏的监控偏差', String(sum((l) => l.deviationsOpen)), null, 'deviations'),
    tile('未解决的合规问题', '严重 ' + sum((l) => l.findingsOpen.FATAL || 0) + ' · 一般 ' + sum((l) => l.findingsOpen.WARNING || 0), null, 'findings'));

  const rows = lines.map((l) => Object.assign({ __attrs: { 'data-district': l.districtCode, 'data-year': String(l.year) } }, l));
  const grid = table([
    { label: '区县', value: (l) => el('a', { href: '/districts/' + l.districtCode + '/years/' + l.year }, l.districtName + ' ' + l.year + ' 年') },
    { label: '项目数', value: (l) => String(l.projects), num: true },
    { label: '预算（万元）', value: (l) => l.budgetWan, num: true },
    { label: '执行（万元）', value: (l) => l.spentWan, num: true },
    { label: '执行率', value: (l) => l.executionRate, num: true },
    { label: '目标同步率', value: (l) => l.goalSyncRate, num: true },
    { label: '自评覆盖率', value: (l) => l.selfEvaluationCoverage, num: true },
    { label: '优/良/中/差', value: (l) => GRADES.map((g) => gradeCount(l.selfEvaluationGrades, g) + gradeCount(l.keyEvaluationGrades, g)).join(' / '), num: true },
    { label: '重点评价', value: (l) => String(l.keyEvaluations), num: true },
    { label: '未纠偏偏差', value: (l) => String(l.deviationsOpen), num: true },
    { label: '合规问题（严重/一般）', value: (l) => el('a', { href: '/districts/' + l.districtCode + '/years/' + l.year + '/findings' }, (l.findingsOpen.FATAL || 0) + ' / ' + (l.findingsOpen.WARNING || 0)), num: true },
  ], rows, { id: 'overview-table' });

  const names = [...latest.values()].map((l) => l.districtName + ' ' + l.year);
  const years = [...new Set(lines.map((l) => l.year))].sort();
  const districts = [...new Set(lines.map((l) => l.districtCode))];
  const nameOf = new Map(lines.map((l) => [l.districtCode, l.districtName]));
  const gradeTotals = GRADES.map((g) => ({ name: g, value: sum((l) => gradeCount(l.selfEvaluationGrades, g) + gradeCount(l.keyEvaluationGrades, g)) }));

  main.replaceChildren(
    el('h1', {}, '预算绩效总览'),
    el('p', { class: 'muted' }, '数据截至 ' + new Date(overview.readAt).toLocaleString('zh-CN', { hour12: false }) + '；金额单位：万元。'),
    tiles,
    el('div', { class: 'charts' },
      section('各区县预算执行率（最近年度）', 'chart-execution', chart({
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 8 ? 45 : 0 } },
        yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
        series: [{ type: 'bar', name: '执行率', data: [...latest.values()].map((l) => ratio(l.executionRate)) }],
      }, 300, 'execution')),
      section('预算与执行（万元，最近年度）', 'chart-budget', chart({
        legend: { top: 0 },
        xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 8 ? 45 : 0 } },
        yAxis: { type: 'value' },
        series: [
          { type: 'bar', name: '预算', data: [...latest.values()].map((l) => ratio(l.budgetWan)) },
          { type: 'bar', name: '执行', data: [...latest.values()].map((l) => ratio(l.spentWan)) }],
      }, 300, 'budget')),
      section('评价等级分布', 'chart-grades', chart({
        tooltip: { trigger: 'item' },
        legend: { top: 0 },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: gradeTotals.filter((g) => g.value > 0), label: { formatter: '{b} {c}' } }],
      }, 300, 'grades')),
      section('执行率年度趋势', 'chart-trend', chart({
        legend: { top: 0, type: 'scroll' },
        xAxis: { type: 'category', data: years.map(String) },
        yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
        series: districts.slice(0, 20).map((d) => ({
          type: 'line', name: nameOf.get(d), connectNulls: true,
          data: years.map((y) => { const l = lines.find((x) => x.districtCode === d && x.year === y); return l ? ratio(l.executionRate) : null; }),
        })),
      }, 300, 'trend'))),
    section('各区县年度', 'districts', grid));
  main.dataset.ready = 'true';
}

async function load() {
  draw(await api('/api/disclosure/overview'));
}

try {
  await start();
  await load();
  // the overview is a projection refreshed from events: read it again every 2 s when something moved
  let last = '';
  setInterval(async () => {
    try {
      const o = await api('/api/disclosure/overview');
      const stamp = o.lines.map((l) => l.districtCode + ':' + l.version).join(',');
      if (last && stamp !== last) draw(o);
      last = stamp;
      document.getElementById('live').textContent = '实时更新：' + new Date().toLocaleTimeString('zh-CN', { hour12: false });
    } catch (e) { /* shown on the next successful read */ }
  }, 2000);
} catch (e) {
  if (e.status !== 401) fail(main, e);
}
