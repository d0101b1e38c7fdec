import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The HTML graph as a person sees it: rendered by headless Chromium (Debian's `chromium`, which
 * .ci/run installs), with no network. Skipped, with a message, where Chromium is absent.
 * `UPDATE_SCREENSHOTS=1` also writes the README's picture, docs/access-graph.png.
 */
const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const CHROMIUM = process.env.MESHLINT_CHROMIUM ?? '/usr/bin/chromium';
const OUT = join(ROOT, 'test', '.output');
const present = existsSync(CHROMIUM);
if (!present) console.warn(`test/graph.html.test.ts: skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; .ci/run does)`);

describe.skipIf(!present)('meshlint graph --format html in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('draws namespaces, nodes and coloured edges; the decision filter hides edges; clicking shows the policy', async () => {
    const r = spawnSync(process.execPath, [CLI, 'graph', 'examples', '--format', 'html'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(spawnSync(process.execPath, [CLI, 'graph', 'examples', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' }).stdout);
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (q) => {
      if (!q.url().startsWith('data:') && !q.url().startsWith('about:')) requests.push(q.url());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(r.stdout, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);

    const namespaces = await page.$$eval('svg g.ns', (gs) => gs.map((g) => g.getAttribute('data-namespace')));
    expect(namespaces).toEqual(['acme-shop', 'bookstore', 'hello', 'payments', 'shop']);
    const nodes = await page.$$eval('svg g.node', (gs) => gs.map((g) => g.getAttribute('data-id')));
    for (const id of ['shop/deployment/frontend', 'shop/service/orders', 'payments/service/payments', 'hello/ksvc/hello']) expect(nodes).toContain(id);
    // Every edge is drawn, as a path with a real shape, in its decision's colour.
    const edges = await page.$$eval('svg path.edge', (ps) => ps.map((p) => ({ d: p.getAttribute('d') ?? '', decision: p.getAttribute('data-decision'), stroke: getComputedStyle(p).stroke, box: ((b) => ({ width: b.width, height: b.height }))((p as SVGPathElement).getBBox()) })));
    expect(edges).toHaveLength(json.edges.length);
    for (const e of edges) {
      expect(e.d).toMatch(/^M[\d.]+,[\d.]+ [LC]/);
      expect(e.box.width + e.box.height).toBeGreaterThan(10);
    }
    expect(edges.find((e) => e.decision === 'deny')!.stroke).toBe('rgb(207, 34, 46)');
    expect(edges.find((e) => e.decision === 'allow')!.stroke).toBe('rgb(26, 127, 55)');
    // Node boxes do not overlap (the layout library placed them).
    const boxes = await page.$$eval('svg g.node rect', (rs) => rs.map((x) => (x as SVGRectElement).getBBox()).map((b) => ({ x: b.x, y: b.y, w: b.width, h: b.height })));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        expect(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y, `nodes ${i} and ${j} overlap`).toBe(true);
      }
    }
    // Click an edge: its decision, reason and policy location.
    // The GET-only edge to shop/orders (examples/ has other allow-some edges, e.g. in bookstore).
    const orders = json.edges.findIndex((e: { decision: string }) => e.decision === 'allow-some' && JSON.stringify(e).includes('shop/service/orders'));
    expect(orders).toBeGreaterThanOrEqual(0);
    const at = await page.$eval(`svg path.edge[data-index="${orders}"]`, (p) => {
      const path = p as SVGPathElement;
      const pt = path.getPointAtLength(path.getTotalLength() / 2);
      const m = path.getScreenCTM()!;
      return { x: pt.x * m.a + pt.y * m.c + m.e, y: pt.x * m.b + pt.y * m.d + m.f };
    });
    await page.mouse.click(at.x, at.y);
    const details = await page.textContent('#details');
    expect(details).toContain('allowed for some requests');
    expect(details).toContain('GET');
    expect(details).toMatch(/AuthorizationPolicy shop\/orders-read-only.*\(examples\/ambient-shop\/policies\.yaml:\d+\)/);

    // The picture, with the clicked edge's panel open.
    mkdirSync(OUT, { recursive: true });
    const png = await page.screenshot({ fullPage: true });
    writeFileSync(join(OUT, 'access-graph.png'), png);
    if (process.env.UPDATE_SCREENSHOTS) writeFileSync(join(ROOT, 'docs', 'access-graph.png'), png);

    // Click a policy: every edge it decides is highlighted.
    await page.click('#policies a.policy[data-policy="AuthorizationPolicy shop/cart-get-only"]');
    const hit = await page.$$eval('svg path.edge.hit', (ps) => ps.map((p) => p.getAttribute('data-index')));
    const decidedByCart = json.edges.filter((e: { decidedBy?: { name: string } }) => e.decidedBy?.name === 'cart-get-only').length;
    expect(hit.length).toBe(decidedByCart);
    expect(hit.length).toBeGreaterThan(0);

    // Filter: only denied edges remain.
    for (const d of ['allow', 'allow-some', 'not-enforced']) await page.uncheck(`input[name=decision][value="${d}"]`);
    await page.waitForSelector('body[data-ready="true"]');
    const left = await page.$$eval('svg path.edge', (ps) => ps.map((p) => p.getAttribute('data-decision')));
    expect(left.length).toBe(json.edges.filter((e: { decision: string }) => e.decision === 'deny').length);
    expect(new Set(left)).toEqual(new Set(['deny']));
    // Filter by namespace: only edges touching payments.
    await page.selectOption('#f-namespace', 'payments');
    await page.waitForSelector('body[data-ready="true"]');
    const nsEdges = await page.$$eval('svg path.edge', (ps) => ps.length);
    expect(nsEdges).toBe(json.edges.filter((e: { decision: string; from: string; to: string }) => e.decision === 'deny' && (e.to.startsWith('payments/') || e.from.startsWith('payments/'))).length);
    expect(await page.$$eval('svg g.ns', (gs) => gs.map((g) => g.getAttribute('data-namespace')))).toContain('payments');
    await page.close();
  }, 120_000);
});
