#!/usr/bin/env node
// Deterministic synthetic mesh for benchmarks: `node scripts/gen-mesh.mjs <namespaces> <outdir> [--seed N]`.
//
// One folder per namespace, a handful of files each, about 20 resources and 4.8 KB of YAML per
// namespace (5,000 namespaces ≈ 100k resources, ≈ 24 MB): Namespace, ServiceAccounts, Services,
// Deployments, AuthorizationPolicies, PeerAuthentications, DestinationRules, waypoints (Gateway
// API), Knative Services, plus a few mesh-wide objects in istio-system and knative-serving.
// Namespaces mix sidecar, ambient (with and without waypoint) and unmeshed data planes; a share of
// them carry findings (L7 policies enforced by ztunnel, a schema typo), as a real platform repo
// does. The YAML varies its style (flow sequences, quoted strings, comments, multi-document files)
// so that a benchmark exercises the parser, not one happy path. Same arguments, same bytes.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: small, fast, and the same everywhere. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const APPS = ['cart', 'checkout', 'billing', 'catalog', 'search', 'users', 'orders', 'payments', 'reviews', 'ratings', 'inventory', 'shipping'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE'];

/**
 * Write a mesh of `namespaces` namespaces under `outDir` (emptied first). Returns counts.
 * @param {number} namespaces
 * @param {string} outDir
 * @param {{ seed?: number }} [opts]
 */
export function generateMesh(namespaces, outDir, opts = {}) {
  const rand = rng(opts.seed ?? 42);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const chance = (p) => rand() < p;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  let resources = 0;
  let files = 0;
  let bytes = 0;
  const write = (dir, name, docs) => {
    const text = docs.join('---\n');
    writeFileSync(join(dir, name), text);
    resources += docs.length;
    files++;
    bytes += Buffer.byteLength(text);
  };

  // Mesh-wide objects.
  const sys = join(outDir, 'istio-system');
  mkdirSync(sys);
  write(sys, 'mesh.yaml', [
    ns('istio-system', {}),
    `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: istio-system
spec:
  mtls:
    mode: STRICT
`,
    `# Mesh-wide deny of debug endpoints: enforced by sidecars and by ztunnel (which drops the paths).
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: no-debug-paths
  namespace: istio-system
spec:
  action: DENY
  rules:
  - to:
    - operation:
        paths: ["/debug/*", "/admin/*"]
`,
    `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: deny-blocked-ranges
  namespace: istio-system
spec:
  action: DENY
  rules:
  - from:
    - source:
        ipBlocks: ["203.0.113.0/24"]
`,
    `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: default
  namespace: istio-system
spec:
  host: "*.local"
  trafficPolicy:
    tls:
      mode: ISTIO_MUTUAL
`,
  ]);
  const kn = join(outDir, 'knative-serving');
  mkdirSync(kn);
  write(kn, 'knative.yaml', [
    ns('knative-serving', { 'istio-injection': 'enabled' }),
    sa('controller', 'knative-serving'),
    sa('activator', 'knative-serving'),
    deployment('activator', 'knative-serving', 'activator', 8012, 'gcr.io/knative-releases/activator:v1.15', {}),
    `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: knative-serving
spec:
  mtls:
    mode: PERMISSIVE
`,
  ]);

  for (let i = 0; i < namespaces; i++) {
    const name = `team-${String(i).padStart(5, '0')}`;
    const dir = join(outDir, name);
    mkdirSync(dir);
    // Data plane of the namespace: 45% sidecar, 40% ambient (half of them with a waypoint), 15% none.
    const r = rand();
    const mode = r < 0.45 ? 'sidecar' : r < 0.85 ? 'ambient' : 'none';
    const hasWaypoint = mode === 'ambient' && chance(0.5);
    const nsLabels = { team: name, env: pick(['prod', 'staging', 'dev']) };
    if (mode === 'sidecar') nsLabels['istio-injection'] = 'enabled';
    if (mode === 'ambient') nsLabels['istio.io/dataplane-mode'] = 'ambient';
    if (hasWaypoint) nsLabels['istio.io/use-waypoint'] = 'waypoint';
    const nsDocs = [ns(name, nsLabels)];
    if (hasWaypoint) nsDocs.push(waypoint(name));
    write(dir, 'namespace.yaml', nsDocs);

    const first = Math.floor(rand() * APPS.length);
    const apps = [0, 1, 2].map((k) => APPS[(first + k) % APPS.length]);
    for (const app of apps) {
      const port = pick([8080, 8080, 9000, 3000]);
      const podLabels = { app, version: 'v1' };
      if (mode === 'ambient' && chance(0.05)) podLabels['istio.io/dataplane-mode'] = 'none';
      write(dir, `${app}.yaml`, [
        sa(app, name),
        deployment(app, name, app, port, `registry.example.com/${name}/${app}:${1 + Math.floor(rand() * 9)}.${Math.floor(rand() * 20)}`, podLabels),
        service(app, name, port, chance(0.3)),
      ]);
    }

    const pol = [];
    // Deny-all-by-default plus explicit allows, as the Istio docs teach.
    pol.push(`apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: allow-nothing
  namespace: ${name}
spec: {}
`);
    const [front, back, third] = apps;
    pol.push(l4Allow(name, back, front));
    // L7 allow: on a sidecar or a waypoint it works; in an ambient namespace without a waypoint
    // ztunnel drops it (ztunnel-l7-policy fires). With a waypoint, half of them use targetRefs.
    const useTargetRef = hasWaypoint && chance(0.5);
    pol.push(l7Allow(name, third, front, pick(METHODS), useTargetRef, chance(0.5)));
    if (chance(0.4)) pol.push(denyPaths(name, front));
    // A typo a schema check catches: about 1% of namespaces.
    if (chance(0.01)) {
      pol.push(`apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: typo
  namespace: ${name}
spec:
  action: ALOW
  rules:
  - {}
`);
    }
    pol.push(`apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: ${name}
spec:
  mtls:
    mode: ${pick(['STRICT', 'STRICT', 'PERMISSIVE'])}
`);
    if (chance(0.7)) {
      // A workload that must also accept plain text on its metrics port.
      pol.push(`apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: ${back}-metrics
  namespace: ${name}
spec:
  selector:
    matchLabels:
      app: ${back}
  portLevelMtls:
    "9090":
      mode: PERMISSIVE
`);
    }
    write(dir, 'security.yaml', pol);

    write(
      dir,
      'traffic.yaml',
      apps.map((app) => destinationRule(app, name, chance(0.1))),
    );

    if (chance(0.4)) write(dir, 'knative.yaml', [knativeService(`${front}-fn`, name, chance(0.5))]);
    const batch = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: `${front}-batch`, namespace: name } };
    // Some repos keep JSON next to YAML.
    if (chance(0.3)) write(dir, 'batch.json', [`${JSON.stringify(batch, null, 2)}\n`]);
    else write(dir, 'batch.yaml', [sa(batch.metadata.name, name)]);
  }
  return { resources, files, bytes };

  function ns(n, labels) {
    const keys = Object.keys(labels);
    return `apiVersion: v1
kind: Namespace
metadata:
  name: ${n}
${keys.length ? `  labels:\n${keys.map((k) => `    ${k}: ${labels[k]}\n`).join('')}` : ''}`;
  }

  function sa(n, namespace) {
    return `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${n}
  namespace: ${namespace}
`;
  }

  function deployment(n, namespace, serviceAccount, port, image, labels) {
    const extra = Object.entries(labels)
      .filter(([k]) => k !== 'app')
      .map(([k, v]) => `        ${k.includes('/') ? `"${k}"` : k}: ${v}\n`)
      .join('');
    return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${n}
  namespace: ${namespace}
  labels:
    app: ${n}
spec:
  replicas: ${1 + Math.floor(rand() * 3)}
  selector:
    matchLabels:
      app: ${n}
  template:
    metadata:
      labels:
        app: ${n}
${extra}      annotations:
        prometheus.io/scrape: "true"
    spec:
      serviceAccountName: ${serviceAccount}
      containers:
      - name: ${n}
        image: ${image}
        ports:
        - containerPort: ${port}
          name: http
        resources:
          requests: {cpu: 100m, memory: 128Mi}
          limits: {memory: 256Mi}
`;
  }

  function service(n, namespace, port, grpc) {
    return `apiVersion: v1
kind: Service
metadata:
  name: ${n}
  namespace: ${namespace}
spec:
  selector:
    app: ${n}
  ports:
  - name: ${grpc ? 'grpc' : 'http'}
    port: 80
    targetPort: ${port}
    protocol: TCP
`;
  }

  function waypoint(namespace) {
    return `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: waypoint
  namespace: ${namespace}
  labels:
    istio.io/waypoint-for: service
spec:
  gatewayClassName: istio-waypoint
  listeners:
  - name: mesh
    port: 15008
    protocol: HBONE
`;
  }

  function l4Allow(namespace, to, from) {
    return `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: ${to}-from-${from}
  namespace: ${namespace}
spec:
  selector:
    matchLabels:
      app: ${to}
  action: ALLOW
  rules:
  - from:
    - source:
        principals:
        - cluster.local/ns/${namespace}/sa/${from}
    to:
    - operation:
        ports: ["8080", "9000", "3000"]
`;
  }

  function l7Allow(namespace, to, from, method, targetRef, quoted) {
    const q = (s) => (quoted ? `"${s}"` : s);
    const attach = targetRef
      ? `  targetRefs:
  - kind: Service
    group: ""
    name: ${to}
`
      : `  selector:
    matchLabels:
      app: ${to}
`;
    return `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: ${to}-api
  namespace: ${namespace}
  annotations:
    owner: ${q(`${from}@example.com`)}
spec:
${attach}  rules:
  - from:
    - source:
        principals: [${q(`cluster.local/ns/${namespace}/sa/${from}`)}]
    to:
    - operation:
        methods: [${q(method)}, "HEAD"]
        paths: ["/api/v1/*", "/health"]
  - from:
    - source:
        namespaces: ["istio-system"]
`;
  }

  function denyPaths(namespace, app) {
    return `# Keep internal endpoints private.
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: ${app}-deny-internal
  namespace: ${namespace}
spec:
  selector:
    matchLabels:
      app: ${app}
  action: DENY
  rules:
  - to:
    - operation:
        paths:
        - /internal/*
        - /metrics
    when:
    - key: request.headers[x-internal]
      notValues: ["true"]
`;
  }

  function destinationRule(app, namespace, disableTls) {
    return `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ${app}
  namespace: ${namespace}
spec:
  host: ${app}.${namespace}.svc.cluster.local
  trafficPolicy:
    loadBalancer: {simple: LEAST_REQUEST}
    tls:
      mode: ${disableTls ? 'DISABLE' : 'ISTIO_MUTUAL'}
`;
  }

  function knativeService(n, namespace, scaleToZero) {
    return `apiVersion: serving.knative.dev/v1
kind: Service
metadata:
  name: ${n}
  namespace: ${namespace}
spec:
  template:
    metadata:
      annotations:
        autoscaling.knative.dev/min-scale: "${scaleToZero ? 0 : 1}"
    spec:
      containers:
      - image: registry.example.com/${namespace}/${n}:latest
        ports:
        - containerPort: 8080
        env:
        - name: LOG_LEVEL
          value: info
        - name: TARGET
          value: |
            multi-line
            value
`;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : 42;
  const [count, out] = args;
  const n = Number(count);
  if (!Number.isInteger(n) || n < 0 || !out) {
    process.stderr.write('usage: node scripts/gen-mesh.mjs <namespaces> <outdir> [--seed N]\n');
    process.exit(2);
  }
  const r = generateMesh(n, out, { seed });
  process.stdout.write(`${r.resources} resources, ${r.files} files, ${(r.bytes / 1048576).toFixed(1)} MiB in ${out}\n`);
}
