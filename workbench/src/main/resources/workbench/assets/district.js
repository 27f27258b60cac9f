// 区县年度: the district report of a year (GET /api/reports/districts/{d}/years/{y}, optionally asOf) as charts and
// tables, the compliance findings with their history, the downloads, and an as-of date that redraws the page.
import { api, start, el, num, ratio, change, tile, table, section, chart, disposeCharts, follow, fail, canReadHistory, canReadNarrativeChecks } from './common.js';

const main = document.getElementById('main');
const [, , district, , yearText] = location.pathname.split('/');
const year = Number(yearText);
const params = new URLSearchParams(location.search);
let asOf = params.get('asOf') || '';
let session;
const GOAL_STATUS = { DECLARED: '已申报', APPROVED: '已批复', RETURNED: '已退回' };

function reportPath(format) {
  const q = new URLSearchParams();
  if (format && format !== 'json') q.set('format', format);
  if (asOf) q.set('asOf', asOf);
  const s = q.toString();
  return '/api/reports/districts/' + district + '/years/' + year + (s ? '?' + s : '');
}

function projectLink(projectId, name) {
  const text = name ? name + '（' + projectId + '）' : projectId;
  return canReadHistory(session) ? el('a', { href: '/districts/' + district + '/projects/' + encodeURIComponent(projectId) }, text) : text;
}

function threePublic(r) {
  const tp = r.threePublic;
  const lines = [...tp.lines, tp.total];
  if (!tp.recorded) return section('“三公”经费', 'three-public', el('p', { class: 'muted' }, '本年度未记录“三公”经费预算或支出。'));
  return section('“三公”经费', 'three-public',
    r.narrative.threePublic.map((s) => el('p', { class: 'narrative' }, s)),
    el('div', { class: 'split' },
      table([
        { label: '项目', value: (l) => (l.subLine ? '　其中：' : '') + l.category },
        { label: '预算数', value: (l) => l.budgetWan, num: true },
        { label: '决算数', value: (l) => l.spentWan, num: true },
        { label: '较预算', value: (l) => change(l.vsBudget), num: true },
        { label: '上年决算数', value: (l) => l.lastYearWan, num: true },
        { label: '较上年', value: (l) => change(l.vsLastYear), num: true },
      ], lines.map((l) => Object.assign({ __attrs: { 'data-line': l.id } }, l)), { id: 'three-public-table' }),
      chart({
        legend: { top: 0 },
        xAxis: { type: 'category', data: lines.filter((l) => !l.subLine).map((l) => l.category) },
        yAxis: { type: 'value', name: '万元' },
        series: [
          { type: 'bar', name: '预算数', data: lines.filter((l) => !l.subLine).map((l) => ratio(l.budgetWan)) },
          { type: 'bar', name: '决算数', data: lines.filter((l) => !l.subLine).map((l) => ratio(l.spentWan)) },
          { type: 'bar', name: '上年决算数', data: lines.filter((l) => !l.subLine).map((l) => ratio(l.lastYearWan)) }],
      }, 280, 'three-public')));
}

function transfers(r) {
  const t = r.transfers;
  if (!t.recorded) return section('税收返还和转移支付', 'transfers', el('p', { class: 'muted' }, '本年度未记录税收返还和转移支付。'));
  return section('税收返还和转移支付', 'transfers',
    r.narrative.transfers.map((s) => el('p', { class: 'narrative' }, s)),
    el('div', { class: 'split' },
      table([
        { label: '类别', value: (l) => l.kind },
        { label: '本年（万元）', value: (l) => l.amountWan, num: true },
        { label: '上年（万元）', value: (l) => l.lastYearWan, num: true },
        { label: '同比', value: (l) => change(l.vsLastYear), num: true },
      ], [...t.lines, t.total], { id: 'transfers-table' }),
      chart({
        legend: { top: 0 },
        xAxis: { type: 'category', data: t.lines.map((l) => l.kind) },
        yAxis: { type: 'value', name: '万元' },
        series: [
          { type: 'bar', name: '上年', data: t.lines.map((l) => ratio(l.lastYearWan)) },
          { type: 'bar', name: '本年', data: t.lines.map((l) => ratio(l.amountWan)) }],
      }, 280, 'transfers')));
}

function debt(r) {
  const d = r.debt;
  if (!d.recorded) return section('地方政府债务', 'debt', el('p', { class: 'muted' }, '本年度未记录地方政府债务。'));
  return section('地方政府债务', 'debt',
    r.narrative.debt.map((s) => el('p', { class: 'narrative' }, s)),
    el('div', { class: 'split' },
      table([
        { label: '类型', value: (l) => l.label },
        { label: '年初余额', value: (l) => l.openingWan, num: true },
        { label: '新增债券', value: (l) => l.newBondsWan, num: true },
        { label: '再融资债券', value: (l) => l.refinancingWan, num: true },
        { label: '偿还本金', value: (l) => l.principalRepaidWan, num: true },
        { label: '付息', value: (l) => l.interestWan, num: true },
        { label: '年末余额', value: (l) => l.balanceWan, num: true },
        { label: '限额', value: (l) => l.limitWan, num: true },
        { label: '限额内空间', value: (l) => l.headroomWan, num: true },
      ], [...d.byType, d.total].map((l) => Object.assign({ __attrs: { 'data-line': l.type } }, l)), { id: 'debt-table' }),
      chart({
        legend: { top: 0 },
        xAxis: { type: 'category', data: d.byType.map((l) => l.label) },
        yAxis: { type: 'value', name: '万元' },
        series: [
          { type: 'bar', name: '限额', data: d.byType.map((l) => ratio(l.limitWan)) },
          { type: 'bar', name: '余额', data: d.byType.map((l) => ratio(l.balanceWan)) }],
      }, 280, 'debt')));
}

function execution(r) {
  return section('预算执行', 'execution',
    r.narrative.execution.map((s) => el('p', { class: 'narrative' }, s)),
    el('h3', {}, '按单位'),
    table([
      { label: '单位', value: (u) => u.name || u.unitId },
      { label: '项目数', value: (u) => String(u.projects), num: true },
      { label: '年初预算数', value: (u) => u.initialBudgetWan, num: true },
      { label: '全年预算数', value: (u) => u.fullYearBudgetWan, num: true },
      { label: '基本支出', value: (u) => u.basicSpentWan, num: true },
      { label: '项目支出', value: (u) => u.projectSpentWan, num: true },
      { label: '全年执行数', value: (u) => u.executedWan, num: true },
      { label: '执行率', value: (u) => u.executionRate, num: true },
    ], r.units.map((u) => Object.assign({ __attrs: { 'data-unit': u.unitId } }, u)), { id: 'units-table' }),
    r.units.length ? chart({
      xAxis: { type: 'category', data: r.units.map((u) => u.name || u.unitId), axisLabel: { interval: 0, rotate: r.units.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      series: [{ type: 'bar', name: '执行率', data: r.units.map((u) => ratio(u.executionRate)) }],
    }, 260, 'units') : null,
    el('h3', {}, '按项目类别'),
    table([
      { label: '类别', value: (c) => c.category },
      { label: '项目数', value: (c) => String(c.count), num: true },
      { label: '预算（万元）', value: (c) => c.budgetWan, num: true },
      { label: '执行（万元）', value: (c) => c.spentWan, num: true },
      { label: '执行率', value: (c) => c.executionRate, num: true },
    ], r.projects.byCategory, { id: 'categories-table' }),
    el('h3', {}, '项目（' + r.projects.count + ' 个）'),
    table([
      { label: '项目', value: (p) => projectLink(p.projectId, p.name) },
      { label: '单位', value: (p) => p.unitId },
      { label: '类别', value: (p) => p.category },
      { label: '预算（万元）', value: (p) => p.budgetWan, num: true },
      { label: '执行（万元）', value: (p) => p.spentWan, num: true },
      { label: '执行率', value: (p) => p.executionRate, num: true },
      { label: '绩效目标', value: (p) => GOAL_STATUS[p.goalStatus] || p.goalStatus || '无' },
    ], r.projects.items.slice(0, 300), { id: 'projects-table' }));
}

function monitoring(r) {
  const m = r.performance.monitoring;
  const c = m.checkpoint;
  return section('绩效监控', 'monitoring',
    el('div', { class: 'tiles' },
      tile('监控项目', String(m.projectsMonitored), '财政重点 ' + m.financeKey + ' · 单位自行 ' + m.self),
      tile('偏差', String(m.deviationsRaised), '已纠偏 ' + m.deviationsCorrected + ' · 未纠偏 ' + m.deviationsOpen, 'deviations'),
      c ? tile('监控时点', c.date, '时间进度 ' + c.timeProgress + '，容差 ' + c.tolerancePoints + ' 个百分点', 'checkpoint') : null),
    c ? el('div', {},
      el('p', { id: 'behind' }, '执行进度落后于时间进度的项目：' + (c.behind.length ? c.behind.join('、') : '无')),
      el('p', { id: 'key-monitoring' }, '财政重点监控候选（预算 ≥ ' + num(c.keyMonitoringMinBudgetWan) + ' 万元且执行率 < ' + c.keyMonitoringMaxExecution + '，截至 ' + c.keyMonitoringDate + '）：'
        + (c.keyMonitoringCandidates.length ? c.keyMonitoringCandidates.join('、') : '无')),
      table([
        { label: '项目', value: (p) => projectLink(p.projectId) },
        { label: '预算（万元）', value: (p) => p.budgetWan, num: true },
        { label: '截至时点执行（万元）', value: (p) => p.spentToDateWan, num: true },
        { label: '执行率', value: (p) => p.executionRate, num: true },
        { label: '落后（百分点）', value: (p) => p.trailingPoints, num: true },
        { label: '状态', value: (p) => (p.behind ? '落后' : '正常') },
      ], c.projects.map((p) => Object.assign({ __attrs: { 'data-project': p.projectId, class: p.behind ? 'behind' : null } }, p)), { id: 'checkpoint-table' }),
      c.projects.length === 0 ? null : chart({
        xAxis: { type: 'category', data: c.projects.map((p) => p.projectId), axisLabel: { interval: 0, rotate: c.projects.length > 6 ? 30 : 0 } },
        yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
        series: [{
          type: 'bar', name: '执行率', data: c.projects.map((p) => ({ value: ratio(p.executionRate), itemStyle: { color: p.behind ? '#c23531' : '#1f5fa8' } })),
          markLine: { symbol: 'none', data: [{ yAxis: ratio(c.timeProgress), name: '时间进度' }], label: { formatter: '时间进度 {c}%' } },
        }],
      }, 260, 'checkpoint')) : null);
}

function performance(r) {
  const p = r.performance;
  const g = p.goals;
  const s = p.selfEvaluations;
  const k = p.keyEvaluations;
  const a = p.resultApplications;
  return section('预算绩效管理', 'performance',
    r.narrative.performance.map((t) => el('p', { class: 'narrative' }, t)),
    el('div', { class: 'tiles' },
      tile('绩效目标', '申报 ' + g.declared + ' · 批复 ' + g.approved, '退回 ' + g.returned + ' · 公开 ' + g.published, 'goals'),
      tile('目标同步率', num(g.syncRate), g.budgetedWithApprovedGoal + ' / ' + g.budgetedProjects + ' 个有预算项目', 'sync'),
      tile('自评覆盖率', num(s.coverage), s.goalsCovered + ' / ' + s.approvedGoals + ' 个批复目标', 'coverage'),
      tile('重点评价', String(k.count) + ' 项', '覆盖 ' + k.projectsCovered + ' 个项目 · ' + num(k.amountWan) + ' 万元', 'key-evaluations'),
      tile('结果应用', String(a.count) + ' 项', '预算调整 ' + num(a.budgetChangeWan) + ' 万元', 'applications')),
    el('div', { class: 'split' },
      el('div', {}, el('h3', {}, '自评等级'), s.grades.every((x) => x.count === 0) ? el('p', { class: 'muted' }, '无自评等级') : chart({
        tooltip: { trigger: 'item' },
        series: [{ type: 'pie', radius: ['35%', '65%'], data: s.grades.filter((x) => x.count > 0).map((x) => ({ name: x.grade, value: x.count })), label: { formatter: '{b} {c}' } }],
      }, 240, 'self-grades')),
      el('div', {}, el('h3', {}, '重点评价类型'), table([
        { label: '类型', value: (t) => t.type },
        { label: '项数', value: (t) => String(t.count), num: true },
        { label: '项目数', value: (t) => String(t.projectCount), num: true },
        { label: '金额（万元）', value: (t) => t.amountWan, num: true },
      ], k.types, { id: 'key-types-table' }))),
    el('h3', {}, '重点评价'),
    table([
      { label: '评价', value: (e) => el('span', { id: 'evaluation-' + e.evaluationId }, e.evaluationId) },
      { label: '类型', value: (e) => e.type },
      { label: '评价机构', value: (e) => e.evaluator },
      { label: '项目数', value: (e) => String(e.projectCount), num: true },
      { label: '金额（万元）', value: (e) => e.amountWan, num: true },
      { label: '得分', value: (e) => e.score, num: true },
      { label: '等级', value: (e) => e.grade || '—' },
    ], k.items, { id: 'key-evaluations-table' }),
    el('h3', {}, '单位自评'),
    table([
      { label: '评价', value: (e) => el('span', { id: 'evaluation-' + e.evaluationId }, e.evaluationId) },
      { label: '范围', value: (e) => e.scope },
      { label: '单位', value: (e) => e.unitId },
      { label: '项目', value: (e) => (e.projectId ? projectLink(e.projectId) : '—') },
      { label: '得分', value: (e) => e.totalScore, num: true },
      { label: '等级', value: (e) => e.grade },
    ], s.items, { id: 'self-evaluations-table' }),
    el('h3', {}, '结果应用'),
    table([
      { label: '评价', value: (x) => x.evaluationId },
      { label: '项目', value: (x) => projectLink(x.projectId) },
      { label: '等级', value: (x) => x.grade },
      { label: '措施', value: (x) => x.measure },
      { label: '调整比例', value: (x) => x.changeRatio, num: true },
      { label: '预算调整（万元）', value: (x) => x.budgetChangeWan, num: true },
      { label: '已调整（万元）', value: (x) => x.adjustedWan, num: true },
    ], a.items, { id: 'applications-table' }));
}

function findings(f) {
  return section('合规检查', 'findings',
    el('p', {}, '未解决 ' + f.open + ' 项（其中严重 ' + f.openFatal + ' 项）。', el('a', { href: '/districts/' + district + '/years/' + year + '/findings' }, '筛选全部问题')),
    table([
      { label: '规则', value: (x) => x.ruleId },
      { label: '严重程度', value: (x) => (x.severity === 'FATAL' ? '严重' : '一般') },
      { label: '单位', value: (x) => x.unitName || x.unitId || '—' },
      { label: '问题', value: (x) => x.message },
      { label: '发现时间', value: (x) => new Date(x.raisedAt).toLocaleString('zh-CN', { hour12: false }) },
      { label: '解决时间', value: (x) => (x.resolvedAt ? new Date(x.resolvedAt).toLocaleString('zh-CN', { hour12: false }) : '未解决') },
    ], f.findings, { id: 'findings-table' }));
}

const CHECKS = '/api/disclosure/districts/' + district + '/years/' + year + '/narrative-checks';

/** The kept narrative checks of the year: who checked which draft when, the verdicts, a link to each check's page. */
function narrativeChecks(checks) {
  const when = (instant) => (instant ? new Date(instant).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—');
  return section('文稿数字核对', 'narrative-checks',
    el('p', { class: 'muted' }, '发布前，财政部门将报告文稿（文本或 .docx）提交 POST ' + CHECKS
      + '，逐一核对文稿中的数字与记录；每次核对都留存。审计可在此查看。'),
    checks.length === 0
      ? el('p', { id: 'narrative-checks-none' }, '本年度尚无文稿核对记录。')
      : table([
        { label: '核对时间', value: (c) => when(c.checkedAt) },
        { label: '核对人', value: (c) => c.checkedBy },
        { label: '文稿', value: (c) => c.draftFormat + ' · SHA-256 ' + c.draftSha256.slice(0, 12) + '…' },
        { label: '数据截至', value: (c) => when(c.asOf) },
        { label: '一致', value: (c) => String(c.consistent), num: true },
        { label: '与记录不符', value: (c) => String(c.contradicted), num: true },
        { label: '自相矛盾', value: (c) => String(c.inconsistent), num: true },
        { label: '无法核实', value: (c) => String(c.unverifiable), num: true },
        { label: '', value: (c) => el('a', { href: CHECKS + '/' + encodeURIComponent(c.checkId) + '?format=html', target: '_blank', rel: 'noopener' }, '查看核对结果') },
      ], checks.map((c) => Object.assign({ __attrs: { 'data-check': c.checkId } }, c)), { id: 'narrative-checks-table' }));
}

let drawing = 0;

async function draw() {
  const turn = ++drawing;
  const findingsRead = api('/api/disclosure/districts/' + district + '/years/' + year + '/findings').catch(() => null);
  const r = await api(reportPath('json'));
  if (turn !== drawing) return;
  disposeCharts();
  document.title = r.districtName + ' ' + year + ' 年 · 绩效';
  const asOfInput = el('input', { type: 'date', id: 'as-of', value: asOf || '' });
  const header = el('div', { class: 'page-head' },
    el('h1', {}, r.districtName + ' ' + year + ' 年度预算绩效'),
    el('form', { class: 'as-of', id: 'as-of-form', onsubmit: (e) => { e.preventDefault(); asOf = asOfInput.value; history.replaceState(null, '', asOf ? '?asOf=' + asOf : location.pathname); draw(); } },
      el('label', { for: 'as-of' }, '截至日期 '), asOfInput, el('button', { type: 'submit' }, '查看'),
      asOf ? el('button', { type: 'button', onclick: () => { asOf = ''; history.replaceState(null, '', location.pathname); draw(); } }, '回到当前') : null),
    el('div', { class: 'downloads' }, '下载：',
      el('a', { href: reportPath('json'), download: district + '-' + year + '.json' }, 'JSON'),
      el('a', { href: reportPath('csv') }, 'CSV'),
      el('a', { href: reportPath('html'), target: '_blank', rel: 'noopener' }, 'HTML')));
  const s = r.summary;
  main.replaceChildren(header,
    el('p', { class: 'muted', id: 'as-of-text' }, (asOf ? '截至 ' + asOf + '（历史视图）' : '当前数据') + '；事件 ' + r.provenance.eventsFolded + ' 条；规则 ' + r.ruleVersion + '；金额单位：万元。'),
    el('div', { class: 'tiles' },
      tile('全年预算数', num(s.budgetWan), null, 'budget'),
      tile('全年执行数', num(s.spentWan), null, 'spent'),
      tile('预算执行率', num(s.executionRate), null, 'execution'),
      tile('项目', String(r.projects.count), num(r.projects.budgetWan) + ' 万元', 'projects'),
      el('div', { id: 'findings-tile' })),
    threePublic(r), transfers(r), debt(r), execution(r), monitoring(r), performance(r), el('div', { id: 'findings-section' }),
    el('div', { id: 'narrative-checks-section' }));
  main.dataset.ready = String(Date.now());
  // the kept narrative checks are read once the figures are drawn, so that they never delay a live redraw
  const checksRead = canReadNarrativeChecks(session) ? api(CHECKS).catch(() => null) : Promise.resolve(null);
  // the findings come after the report: reading them re-evaluates the rules, which need not delay the figures
  const f = await findingsRead;
  if (turn !== drawing || !f) return;
  document.getElementById('findings-tile').replaceWith(tile('未解决合规问题', String(f.open), '严重 ' + f.openFatal, 'findings'));
  document.getElementById('findings-section').replaceWith(findings(f));
  main.dataset.findings = 'true';
  const checks = await checksRead;
  if (turn !== drawing || !checks) return;
  document.getElementById('narrative-checks-section').replaceWith(narrativeChecks(checks));
  main.dataset.narrativeChecks = 'true';
}

try {
  session = await start((s) => [{ href: '/districts/' + district + '/years/' + year, text: '区县年度' },
    { href: '/districts/' + district + '/years/' + year + '/findings', text: '合规问题' },
    ...(canReadNarrativeChecks(s) ? [{ href: '#narrative-checks', text: '文稿核对' }] : [])]);
  await draw();
  follow([district], () => (asOf ? Promise.resolve() : draw()));
} catch (e) {
  if (e.status !== 401) fail(main, e);
}
