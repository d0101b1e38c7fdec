import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AccessGraph } from './graph.js';

/**
 * `meshlint graph --format html`: one self-contained file. The layout is computed in the page by
 * elkjs (Eclipse Layout Kernel, layered algorithm; inlined, no network at view time); what this
 * file adds is drawing ELK's result as SVG and the filters and panels around it.
 */

let elkSource: string | undefined;

/** elkjs's browser bundle (lib/elk.bundled.js), as installed with meshlint. */
function elk(): string {
  if (elkSource === undefined) {
    const require = createRequire(import.meta.url);
    elkSource = readFileSync(require.resolve('elkjs/lib/elk.bundled.js'), 'utf8');
  }
  return elkSource;
}

/** Inline script text: nothing in it may close the script element. */
function inline(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

const STYLE = `
:root { --allow: #1a7f37; --allow-some: #bf8700; --deny: #cf222e; --not-enforced: #8c959f; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: 13px; color: #1f2328; }
body { margin: 0; display: grid; grid-template-columns: 1fr 340px; grid-template-rows: auto 1fr; height: 100vh; }
header { grid-column: 1 / 3; display: flex; flex-wrap: wrap; gap: 14px; align-items: center; padding: 8px 12px; border-bottom: 1px solid #d0d7de; background: #f6f8fa; }
header h1 { font-size: 15px; margin: 0 8px 0 0; }
header label { display: inline-flex; gap: 4px; align-items: center; }
.swatch { display: inline-block; width: 14px; height: 3px; vertical-align: middle; }
#canvas { overflow: auto; position: relative; }
#canvas svg { display: block; }
aside { border-left: 1px solid #d0d7de; overflow: auto; padding: 10px 12px; }
aside h2 { font-size: 14px; margin: 12px 0 6px; }
aside .policy { cursor: pointer; color: #0969da; display: block; margin: 2px 0; }
aside .policy.active { font-weight: 600; }
aside dl { margin: 0; } aside dt { font-weight: 600; margin-top: 6px; } aside dd { margin: 0 0 0 8px; word-break: break-word; }
.ns > rect { fill: #f6f8fa; stroke: #afb8c1; stroke-dasharray: 4 3; rx: 6; }
.ns > text { font-weight: 600; fill: #57606a; }
.node rect { fill: #fff; stroke: #57606a; rx: 4; }
.node.service rect { fill: #ddf4ff; stroke: #0969da; rx: 12; }
.node.others rect, .node.external rect { fill: #fff8c5; stroke: #9a6700; }
.node.assumed rect { stroke-dasharray: 3 2; }
.node text { pointer-events: none; }
path.edge { fill: none; stroke-width: 1.6; cursor: pointer; }
path.edge.allow { stroke: var(--allow); } path.edge.allow-some { stroke: var(--allow-some); }
path.edge.deny { stroke: var(--deny); } path.edge.not-enforced { stroke: var(--not-enforced); stroke-dasharray: 5 3; }
path.edge.selected { stroke-width: 4; }
svg.focus path.edge:not(.hit), svg.focus .elabel:not(.hit) { opacity: 0.12; }
.elabel { font-size: 10px; fill: #57606a; pointer-events: none; }
`;

const APP = `
(function () {
  var G = JSON.parse(document.getElementById('graph-data').textContent);
  var SVGNS = 'http://www.w3.org/2000/svg';
  var WORDS = { allow: 'allowed', 'allow-some': 'allowed for some requests', deny: 'denied', 'not-enforced': 'not enforced' };
  var byId = {}; G.nodes.forEach(function (n) { byId[n.id] = n; });
  var nsOf = function (id) { var n = byId[id]; return n ? (n.kind === 'namespace' ? n.label : n.namespace || '') : ''; };
  var policyKey = function (d) { return d.kind + ' ' + d.namespace + '/' + d.name; };
  var el = function (tag, attrs, parent) { var e = document.createElementNS(SVGNS, tag); for (var k in attrs) e.setAttribute(k, attrs[k]); if (parent) parent.appendChild(e); return e; };
  var html = function (s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); };
  var condText = function (c) {
    var parts = [c.methods && c.methods.join(','), c.paths && c.paths.join(','), c.hosts && 'host ' + c.hosts.join(','), c.ports && 'port ' + c.ports.join(',')].filter(Boolean);
    var nots = [c.notMethods && c.notMethods.join(','), c.notPaths && c.notPaths.join(','), c.notHosts && 'host ' + c.notHosts.join(',')].filter(Boolean);
    if (nots.length) parts.push('not ' + nots.join(' '));
    return (c.effect === 'deny' ? 'except ' : '') + parts.join(' ') + ' (' + c.policy + ' rule ' + c.rule + ')';
  };

  // Filters.
  var nsSel = document.getElementById('f-namespace'), portSel = document.getElementById('f-port');
  var namespaces = {}, ports = {};
  G.nodes.forEach(function (n) { var ns = nsOf(n.id); if (ns) namespaces[ns] = 1; });
  G.edges.forEach(function (e) { ports[e.port] = 1; });
  Object.keys(namespaces).sort().forEach(function (ns) { var o = document.createElement('option'); o.value = ns; o.textContent = ns; nsSel.appendChild(o); });
  Object.keys(ports).map(Number).sort(function (a, b) { return a - b; }).forEach(function (p) { var o = document.createElement('option'); o.value = String(p); o.textContent = String(p); portSel.appendChild(o); });
  var decisionBoxes = Array.prototype.slice.call(document.querySelectorAll('input[name=decision]'));

  // Policies: every one that decides an edge or sets a condition.
  var policies = {};
  G.edges.forEach(function (e, i) {
    if (e.decidedBy) (policies[policyKey(e.decidedBy)] = policies[policyKey(e.decidedBy)] || { ref: e.decidedBy, edges: [] }).edges.push(i);
    (e.conditions || []).forEach(function (c) {
      var k = 'AuthorizationPolicy ' + c.policy;
      var p = policies[k] = policies[k] || { ref: null, edges: [] };
      if (p.edges.indexOf(i) < 0) p.edges.push(i);
    });
  });
  var policyList = document.getElementById('policies');
  var activePolicy = null;
  Object.keys(policies).sort().forEach(function (k) {
    var a = document.createElement('a'); a.className = 'policy'; a.textContent = k.replace(/^AuthorizationPolicy /, '') + ' (' + policies[k].edges.length + ')';
    a.dataset.policy = k; a.addEventListener('click', function () { showPolicy(k); }); policyList.appendChild(a);
  });

  var svg = document.getElementById('graph'), details = document.getElementById('details');
  var visible = [];

  function currentEdges() {
    var ns = nsSel.value, port = portSel.value;
    var want = {}; decisionBoxes.forEach(function (b) { if (b.checked) want[b.value] = 1; });
    var out = [];
    G.edges.forEach(function (e, i) {
      if (!want[e.decision]) return;
      if (port && String(e.port) !== port) return;
      if (ns && nsOf(e.from) !== ns && nsOf(e.to) !== ns) return;
      out.push(i);
    });
    return out;
  }

  var generation = 0;
  function layout() {
    var mine = ++generation;
    var ns = nsSel.value, port = portSel.value;
    visible = currentEdges();
    var shown = {};
    visible.forEach(function (i) { shown[G.edges[i].from] = 1; shown[G.edges[i].to] = 1; });
    if (!ns && !port) G.nodes.forEach(function (n) { if (n.kind !== 'others' && n.kind !== 'external') shown[n.id] = 1; });
    else if (ns) G.nodes.forEach(function (n) { if (nsOf(n.id) === ns && n.kind !== 'others') shown[n.id] = 1; });
    var groups = {}, root = [];
    G.nodes.forEach(function (n) {
      if (!shown[n.id]) return;
      var label = (n.kind === 'service' ? 'svc ' : n.knative ? 'ksvc ' : '') + n.label;
      var node = { id: n.id, width: Math.max(60, label.length * 7 + 16), height: 26, label: label };
      var g = n.kind === 'namespace' ? '' : n.namespace;
      if (g) (groups[g] = groups[g] || []).push(node); else root.push(node);
    });
    Object.keys(groups).sort().forEach(function (g) {
      root.push({ id: 'ns:' + g, label: g, children: groups[g], layoutOptions: { 'elk.padding': '[top=26,left=10,bottom=10,right=10]' } });
    });
    var edges = visible.map(function (i) {
      var e = G.edges[i];
      return { id: 'e' + i, sources: [e.from], targets: [e.to], labels: [{ text: String(e.port), width: String(e.port).length * 6 + 4, height: 12 }] };
    });
    var elk = new ELK();
    return elk.layout({
      id: 'root',
      layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', 'elk.hierarchyHandling': 'INCLUDE_CHILDREN', 'elk.layered.spacing.nodeNodeBetweenLayers': '50', 'elk.spacing.nodeNode': '14', 'elk.edgeRouting': 'SPLINES' },
      children: root,
      edges: edges
    }).then(function (res) { if (mine === generation) draw(res); });
  }

  function draw(res) {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    svg.setAttribute('width', Math.ceil(res.width + 20)); svg.setAttribute('height', Math.ceil(res.height + 20));
    var defs = el('defs', {}, svg);
    ['allow', 'allow-some', 'deny', 'not-enforced'].forEach(function (d) {
      var m = el('marker', { id: 'arrow-' + d, viewBox: '0 0 10 10', refX: '9', refY: '5', markerWidth: '7', markerHeight: '7', orient: 'auto-start-reverse' }, defs);
      el('path', { d: 'M0,0 L10,5 L0,10 z', fill: getComputedStyle(document.documentElement).getPropertyValue('--' + d).trim() }, m);
    });
    var top = el('g', { transform: 'translate(10,10)' }, svg);
    var abs = { root: { x: 0, y: 0 } };
    var nodesLayer = el('g', {}, top);
    (res.children || []).forEach(function (c) {
      abs[c.id] = { x: c.x, y: c.y };
      if (c.children) {
        var g = el('g', { class: 'ns', 'data-namespace': c.label }, nodesLayer);
        el('rect', { x: c.x, y: c.y, width: c.width, height: c.height }, g);
        var t = el('text', { x: c.x + 8, y: c.y + 16 }, g); t.textContent = c.label;
        c.children.forEach(function (n) { abs[n.id] = { x: c.x + n.x, y: c.y + n.y }; drawNode(nodesLayer, n, c.x + n.x, c.y + n.y); });
      } else drawNode(nodesLayer, c, c.x, c.y);
    });
    var edgesLayer = el('g', {}, top);
    (res.edges || []).forEach(function (e) {
      var i = Number(e.id.slice(1)), ge = G.edges[i];
      var off = abs[e.container || 'root'] || abs.root;
      var d = '';
      (e.sections || []).forEach(function (s) {
        var pts = [s.startPoint].concat(s.bendPoints || [], [s.endPoint]);
        d += 'M' + (pts[0].x + off.x) + ',' + (pts[0].y + off.y);
        if (pts.length > 2 && (pts.length - 1) % 3 === 0) {
          for (var k = 1; k < pts.length; k += 3) d += ' C' + [pts[k], pts[k + 1], pts[k + 2]].map(function (p) { return (p.x + off.x) + ',' + (p.y + off.y); }).join(' ');
        } else pts.slice(1).forEach(function (p) { d += ' L' + (p.x + off.x) + ',' + (p.y + off.y); });
      });
      var p = el('path', { class: 'edge ' + ge.decision, d: d, 'data-index': i, 'data-decision': ge.decision, 'marker-end': 'url(#arrow-' + ge.decision + ')' }, edgesLayer);
      var title = el('title', {}, p); title.textContent = ge.from + ' \\u2192 ' + ge.to + ':' + ge.port + ' ' + WORDS[ge.decision];
      p.addEventListener('click', function (ev) { ev.stopPropagation(); showEdge(i); });
      (e.labels || []).forEach(function (l) {
        var t = el('text', { class: 'elabel', x: l.x + off.x, y: l.y + off.y + 10, 'data-index': i }, edgesLayer); t.textContent = l.text;
      });
    });
    if (activePolicy) highlight(policies[activePolicy].edges);
    document.body.dataset.ready = 'true';
  }

  function drawNode(layer, n, x, y) {
    var m = byId[n.id] || {};
    var g = el('g', { class: 'node ' + (m.kind || '') + (m.assumption ? ' assumed' : ''), 'data-id': n.id }, layer);
    el('rect', { x: x, y: y, width: n.width, height: n.height }, g);
    var t = el('text', { x: x + 8, y: y + 17 }, g); t.textContent = n.label;
    var title = el('title', {}, g);
    title.textContent = n.id + (m.dataPlane ? ' (' + [].concat(m.dataPlane).join(', ') + ')' : '') + (m.assumption ? ' \\u2014 assumed: ' + m.assumption.why : '');
  }

  function highlight(list) {
    var hit = {}; list.forEach(function (i) { hit[i] = 1; });
    svg.classList.toggle('focus', list.length > 0);
    Array.prototype.forEach.call(svg.querySelectorAll('[data-index]'), function (p) { p.classList.toggle('hit', !!hit[p.getAttribute('data-index')]); });
  }

  function where(d) { return d.kind + ' ' + d.namespace + '/' + d.name + (d.rule !== undefined ? ' rule ' + d.rule : '') + ' (' + d.file + ':' + d.line + (d.generatedBy ? ', generated by Otterize for ClientIntents ' + d.generatedBy.namespace + '/' + d.generatedBy.name + ' ' + d.generatedBy.entry : '') + ')'; }

  function showEdge(i) {
    var e = G.edges[i];
    Array.prototype.forEach.call(svg.querySelectorAll('path.edge'), function (p) { p.classList.toggle('selected', p.getAttribute('data-index') === String(i)); });
    var rows = [['From', e.from === '*' ? 'any other workload' + (e.fromDataPlanes ? ' (' + e.fromDataPlanes.join(', ') + ')' : '') + (e.callerCount !== undefined ? ', ' + e.callerCount + ' callers' : '') : e.from],
      ['To', e.to + ':' + e.port], ['Decision', WORDS[e.decision]]];
    if (e.conditions) rows.push(['Conditions', e.conditions.map(condText).join('<br>')]);
    rows.push(['Enforcement', e.enforcement.join(' \\u2192 ') || 'none']);
    if (e.decidedBy) rows.push(['Decided by', '<a class="policy" data-policy="' + html(policyKey(e.decidedBy)) + '">' + html(where(e.decidedBy)) + '</a>']);
    rows.push(['Reason', html(e.reason)]);
    if (e.callers) rows.push(['Callers', e.callers.map(html).join(', ')]);
    if (e.assumptions.length) rows.push(['Assumes', e.assumptions.map(function (a) { return html(a.dataPlane + ' in ' + a.namespace + ': ' + a.why); }).join('<br>')]);
    details.innerHTML = '<h2>Edge</h2><dl>' + rows.map(function (r) { return '<dt>' + r[0] + '</dt><dd>' + (r[0] === 'Conditions' || r[0] === 'Decided by' || r[0] === 'Reason' || r[0] === 'Callers' || r[0] === 'Assumes' ? r[1] : html(r[1])) + '</dd>'; }).join('') + '</dl>';
    Array.prototype.forEach.call(details.querySelectorAll('a.policy'), function (a) { a.addEventListener('click', function () { showPolicy(a.dataset.policy); }); });
  }

  function showPolicy(k) {
    activePolicy = activePolicy === k ? null : k;
    Array.prototype.forEach.call(policyList.children, function (a) { a.classList.toggle('active', a.dataset.policy === activePolicy); });
    if (!activePolicy) { highlight([]); details.innerHTML = ''; return; }
    var p = policies[k];
    highlight(p.edges);
    details.innerHTML = '<h2>' + html(k) + '</h2>' + (p.ref ? '<p>' + html(p.ref.file + ':' + p.ref.line) + '</p>' : '') + '<p>' + p.edges.length + ' edge(s):</p><ul>' +
      p.edges.map(function (i) { var e = G.edges[i]; return '<li>' + html(e.from + ' \\u2192 ' + e.to + ':' + e.port + ' ' + WORDS[e.decision]) + '</li>'; }).join('') + '</ul>';
  }

  [nsSel, portSel].concat(decisionBoxes).forEach(function (x) { x.addEventListener('change', function () { document.body.dataset.ready = 'false'; layout(); }); });
  svg.addEventListener('click', function () { details.innerHTML = ''; });
  layout().catch(function (err) { details.textContent = 'layout failed: ' + err; document.body.dataset.ready = 'error'; });
})();
`;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export function formatHtml(g: AccessGraph, title = 'meshlint access graph'): string {
  const data = JSON.stringify(g).replace(/</g, '\\u003c');
  const box = (d: string, word: string, checked = true) =>
    `<label><input type="checkbox" name="decision" value="${d}"${checked ? ' checked' : ''}><span class="swatch" style="background:var(--${d})"></span>${word}</label>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; worker-src blob:">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<label>namespace <select id="f-namespace"><option value="">all</option></select></label>
<label>port <select id="f-port"><option value="">all</option></select></label>
${box('allow', 'allowed')}
${box('allow-some', 'allowed for some')}
${box('deny', 'denied')}
${box('not-enforced', 'not enforced')}
<span>${g.nodes.length} nodes, ${g.edges.length} edges${g.assumptions.length > 0 ? `; assumes the data plane of ${g.assumptions.map((a) => escapeHtml(a.namespace)).join(', ')}` : ''}</span>
</header>
<div id="canvas"><svg id="graph" xmlns="http://www.w3.org/2000/svg"></svg></div>
<aside><div id="details"></div><h2>Policies</h2><div id="policies"></div></aside>
<script type="application/json" id="graph-data">${data}</script>
<script>${inline(elk())}</script>
<script>${inline(APP)}</script>
</body>
</html>
`;
}
