// 项目（审计视图）: a project's funding timeline from budget-service's history (budget and spent as step lines, one
// marker per event), its evaluation events on the same timeline, the history table, and an as-of slider whose
// figures are those GET …/history?asOf= answers for the chosen instant.
import { api, apiAllPages, start, el, num, ratio, tile, table, section, chart, disposeCharts, follow, fail } from './common.js';

const main = document.getElementById('main');
const [, , district, , projectText] = location.pathname.split('/');
const project = decodeURIComponent(projectText);
const base = '/api/budget/districts/' + district + '/projects/' + encodeURIComponent(project);
const TYPES = {
  ProjectRegistered: '项目登记', BudgetAppropriated: '年初预算', BudgetAdjusted: '预算调整', FundsCarriedOver: '结转',
  ExpenditureRecorded: '支出', ProjectClosed: '项目关闭',
  PerformanceGoalDeclared: '绩效目标申报', PerformanceGoalApproved: '绩效目标批复', PerformanceGoalReturned: '绩效目标退回',
  PerformanceGoalRevised: '绩效目标调整', MonitoringObservationRecorded: '绩效监控', DeviationFlagged: '偏差预警',
  CorrectiveActionRecorded: '纠偏措施', SelfEvaluationSubmitted: '单位自评', KeyEvaluationCommissioned: '重点评价立项',
  KeyEvaluationCompleted: '重点评价完成', EvaluationResultApplied: '评价结果应用',
};
const typeName = (t) => TYPES[t] || t;
const time = (t) => new Date(t).toLocaleString('zh-CN', { hour12: false });
let state;
let history;
let evaluations;
let sliderTimer;

function figuresTiles(f, id) {
  return el('div', { class: 'tiles', id },
    tile('全年预算数（元）', num(f.budget), '年初 ' + num(f.appropriated) + ' · 结转 ' + num(f.carriedOver) + ' · 调整 ' + num(f.adjusted), 'budget'),
    tile('支出（元）', num(f.spent), null, 'spent'),
    tile('可用（元）', num(f.available), null, 'available'));
}

function causeLink(entry) {
  if (!entry.causeEventId) return '—';
  const cause = evaluations.find((e) => e.eventId === entry.causeEventId);
  if (!cause) return entry.causeEventId;
  return el('a', { href: '#evaluation-event-' + cause.eventId, class: 'cause' }, '评价 ' + (cause.evaluationId || cause.eventId));
}

async function showAsOf(instant) {
  const h = await api(base + '/history?asOf=' + encodeURIComponent(instant.toISOString()));
  document.getElementById('as-of-figures').replaceWith(figuresTiles(h.stateAsOf, 'as-of-figures'));
  const label = document.getElementById('as-of-label');
  label.textContent = '截至 ' + time(instant) + '（' + instant.toISOString() + '）：' + h.eventCount + ' 个事件';
  label.dataset.instant = instant.toISOString();
  label.dataset.budget = h.stateAsOf.budget;
  label.dataset.spent = h.stateAsOf.spent;
}

function timeline() {
  const entries = history.events;
  const budgetLine = entries.map((e) => [e.occurredAt, ratio(e.figuresAfter.budget)]);
  const spentLine = entries.map((e) => [e.occurredAt, ratio(e.figuresAfter.spent)]);
  const now = new Date().toISOString();
  if (entries.length) {
    budgetLine.push([now, budgetLine[budgetLine.length - 1][1]]);
    spentLine.push([now, spentLine[spentLine.length - 1][1]]);
  }
  const markers = entries.map((e) => ({
    value: [e.occurredAt, ratio(e.figuresAfter.budget)],
    entry: e,
  }));
  const evalMarkers = evaluations.map((e) => ({ value: [e.occurredAt, 0], evaluation: e }));
  return chart({
    legend: { top: 0 },
    tooltip: {
      trigger: 'item',
      formatter: (p) => {
        const d = p.data || {};
        const box = document.createElement('div');
        const lines = [];
        if (d.entry) {
          const e = d.entry;
          lines.push(typeName(e.type) + '（#' + e.sequence + '）', '金额：' + (e.amount ? num(e.amount) + ' 元' : '—'),
            '操作人：' + who(e), '原因：' + (e.reason || e.basis || (e.causeEventId ? '评价结果应用 ' + e.causeEventId : '—')),
            '关联号：' + (e.correlationId || '—'), '时间：' + time(e.occurredAt));
        } else if (d.evaluation) {
          const e = d.evaluation;
          lines.push(typeName(e.type), '评价：' + (e.evaluationId || '—') + (e.grade ? '，等级 ' + e.grade : ''),
            '操作人：' + (e.actor || '—'), '关联号：' + (e.correlationId || '—'), '时间：' + time(e.occurredAt));
        } else {
          lines.push(p.seriesName + '：' + num(String(p.value[1])));
        }
        lines.forEach((l) => box.append(el('div', {}, l)));
        return box;
      },
    },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', name: '元' },
    series: [
      { type: 'line', name: '全年预算数', step: 'end', data: budgetLine, symbol: 'none' },
      { type: 'line', name: '支出', step: 'end', data: spentLine, symbol: 'none' },
      { type: 'scatter', name: '资金事件', data: markers, symbolSize: 9 },
      { type: 'scatter', name: '评价事件', data: evalMarkers, symbol: 'diamond', symbolSize: 12 },
    ],
  }, 340, 'timeline');
}

const HISTORY_SHOWN = 100;

/** Who acted: the name (已删除 once erased) with the subject id, or the subject id alone when the event has no name. */
function who(e) {
  return e.actorName ? e.actorName + '（' + e.actor + '）' : (e.actor || '—');
}

/** The history table, newest first: the latest `shown` events, with a button for all of them. */
function historySection(entries, shown) {
  const rows = entries.slice().reverse().slice(0, shown)
    .map((e) => Object.assign({ __attrs: { 'data-sequence': String(e.sequence) } }, e));
  const more = entries.length > shown
    ? el('button', { type: 'button', id: 'history-all', onclick: () => document.getElementById('history').replaceWith(historySection(entries, entries.length)) },
      '显示全部 ' + entries.length + ' 个事件')
    : null;
  return section('资金历史（' + entries.length + ' 个事件' + (more ? '，显示最近 ' + shown + ' 个' : '') + '）', 'history',
    table([
      { label: '序号', value: (e) => String(e.sequence), num: true },
      { label: '事件', value: (e) => typeName(e.type) },
      { label: '记录时间', value: (e) => time(e.occurredAt) },
      { label: '业务日期', value: (e) => e.date || '—' },
      { label: '金额（元）', value: (e) => e.amount, num: true },
      { label: '操作人', value: who },
      { label: '原因/依据', value: (e) => [e.reason, e.basis, e.docNo].filter(Boolean).join('；') || '—' },
      { label: '起因', value: causeLink },
      { label: '关联号', value: (e) => e.correlationId || '—' },
      { label: '预算（元）', value: (e) => e.figuresAfter.budget, num: true },
      { label: '支出（元）', value: (e) => e.figuresAfter.spent, num: true },
    ], rows, { id: 'history-table' }), more);
}

async function draw() {
  [state, history, evaluations] = await Promise.all([api(base), apiAllPages(base + '/history', 'events'),
    api('/api/disclosure/districts/' + district + '/projects/' + encodeURIComponent(project) + '/evaluation-events').then((r) => r.events).catch(() => [])]);
  disposeCharts();
  document.title = state.name + ' · 项目 · 绩效';
  const entries = history.events;
  const first = entries.length ? new Date(entries[0].occurredAt).getTime() : Date.now();
  const last = Math.max(Date.now(), entries.length ? new Date(entries[entries.length - 1].occurredAt).getTime() : 0);
  const slider = el('input', { type: 'range', id: 'as-of-slider', min: String(first), max: String(last), step: '1', value: String(last) });
  const onSlide = () => {
    clearTimeout(sliderTimer);
    sliderTimer = setTimeout(() => showAsOf(new Date(Number(slider.value))), 150);
  };
  slider.addEventListener('input', onSlide);
  slider.addEventListener('change', onSlide);
  main.replaceChildren(
    el('div', { class: 'page-head' },
      el('h1', {}, state.name),
      el('p', { class: 'muted' }, '项目 ' + project + ' · 单位 ' + state.unitId + ' · ' + state.category + ' · ' + state.fiscalYear + ' 年度 · ',
        el('a', { href: '/districts/' + district + '/years/' + state.fiscalYear }, '返回区县年度'))),
    figuresTiles(history.stateAsOf, 'current-figures'),
    section('资金时间线', 'timeline', timeline()),
    section('按时点查看', 'as-of',
      el('div', { class: 'slider' }, slider),
      el('p', { id: 'as-of-label', class: 'muted' }, '拖动滑块查看任一时点的数字'),
      figuresTiles(history.stateAsOf, 'as-of-figures')),
    section('评价事件', 'evaluations', table([
      { label: '时间', value: (e) => el('span', { id: 'evaluation-event-' + e.eventId }, time(e.occurredAt)) },
      { label: '事件', value: (e) => typeName(e.type) },
      { label: '评价', value: (e) => e.evaluationId || '—' },
      { label: '等级', value: (e) => e.grade || '—' },
      { label: '操作人', value: (e) => e.actor || '—' },
      { label: '关联号', value: (e) => e.correlationId || '—' },
    ], evaluations, { id: 'evaluations-table' })),
    historySection(entries, HISTORY_SHOWN));
  main.dataset.ready = String(Date.now());
  main.dataset.events = String(entries.length);
}

try {
  await start([{ href: '/', text: '区县年度' }]);
  await draw();
  const nav = document.getElementById('nav');
  nav.replaceChildren(el('a', { href: '/' }, '总览'), el('a', { href: '/districts/' + district + '/years/' + state.fiscalYear }, '区县年度'),
    el('a', { href: '/districts/' + district + '/years/' + state.fiscalYear + '/findings' }, '合规问题'));
  follow([district], draw);
} catch (e) {
  if (e.status !== 401) fail(main, e);
}
