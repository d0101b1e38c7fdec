import { loadInput } from '../../src/engine/lint.js';
import type { MeshSettings } from '../../src/model/mesh.js';
import { Model } from '../../src/mesh/model.js';

/** Build the model of a YAML text (as if read from stdin). */
export async function modelOf(yaml: string, mesh: Partial<MeshSettings> = {}): Promise<Model> {
  const input = await loadInput({ cwd: process.cwd(), patterns: ['-'], stdin: { text: yaml, filename: 'test.yaml' } });
  return new Model(input.resources, mesh);
}

export function ns(name: string, labels: Record<string, string> = {}): string {
  const l = Object.entries(labels).map(([k, v]) => `\n    ${k}: "${v}"`).join('');
  return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n${l ? `  labels:${l}\n` : ''}---\n`;
}

export function deployment(name: string, namespace: string, opts: { sa?: string; port?: number; labels?: Record<string, string> } = {}): string {
  const labels = { app: name, ...(opts.labels ?? {}) };
  const l = Object.entries(labels).map(([k, v]) => `\n        ${k}: "${v}"`).join('');
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:${l}
    spec:
      serviceAccountName: ${opts.sa ?? name}
      containers:
      - name: main
        image: example/${name}
        ports:
        - containerPort: ${opts.port ?? 8080}
---
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  selector:
    app: ${name}
  ports:
  - name: http
    port: 80
    targetPort: ${opts.port ?? 8080}
  - name: tcp-raw
    port: 9000
    targetPort: 9000
---
`;
}

export function policy(name: string, namespace: string, spec: string): string {
  return `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
${spec.replace(/^/gm, '  ')}
---
`;
}

/** `ns/name` of each item, for readable assertions. */
export function names(items: ReadonlyArray<{ name: string; namespace: string }>): string[] {
  return items.map((i) => `${i.namespace}/${i.name}`);
}
