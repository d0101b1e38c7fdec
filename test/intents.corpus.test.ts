import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyConfig } from '../src/config.js';
import { lint } from '../src/engine/lint.js';
import { RULES } from '../src/generated/rules.js';
import { formatLine } from './helpers/fixtures.js';

// The Otterize examples of otterize/intents-operator (its CRDs and CI manifests), kept beside the project.
const CORPUS = join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'otterize-intents-operator');
const OTTERIZE_RULES = new Set(['intent-denied', 'intent-unknown-target', 'intent-shared-service-account', 'undeclared-access']);

describe.skipIf(!existsSync(CORPUS))('the Otterize corpus', () => {
  it('lints with no finding of the Otterize rules but the one Service target the corpus lacks', async () => {
    const config = { ...emptyConfig(CORPUS), rules: { 'undeclared-access': 'warn' as const } };
    const result = await lint({ cwd: CORPUS, patterns: ['.'], config, rules: RULES });
    const lines = result.results.flatMap((r) => r.messages.filter((m) => OTTERIZE_RULES.has(m.ruleId)).map((m) => formatLine(CORPUS, m)));
    // kind-intents.yaml (v1alpha3) calls `{name: server, kind: Service}` in otterize-tutorial-npol, a
    // namespace the corpus declares with its workloads and Services (prometheus-test-deployment.yaml),
    // none called "server": its CI job applies that Service from the Otterize tutorial's URL.
    expect(lines).toEqual([
      '.github/workflow-helpers/kind-intents.yaml:11:13: ClientIntents "otterize-tutorial-npol/client" declares a call to Service "server" in namespace otterize-tutorial-npol, which is not in the input: the operator generates no policy for it, and the call has no server. Name an existing Service. [intent-unknown-target]',
    ]);
  });

  it('reads both ClientIntents, and generates nothing for clients without a sidecar', async () => {
    const result = await lint({ cwd: CORPUS, patterns: ['.'], config: emptyConfig(CORPUS), rules: [] });
    const model = result.model!;
    expect(model.clientIntents.map((c) => `${c.resource.version} ${c.namespace}/${c.name} -> ${c.targets.map((t) => `${t.type}:${t.name}.${t.namespace}`).join(',')}`).sort()).toEqual([
      'v1alpha3 otterize-tutorial-npol/client -> service:server.otterize-tutorial-npol',
      'v2beta1 otterize-tutorial-npol/client -> service:simple-server-service.otterize-tutorial-npol',
    ]);
    expect(model.authorizationPolicies.filter((p) => p.generatedBy)).toEqual([]);
    expect(new Set(model.intentOutcomes.map((o) => o.nothing))).toEqual(
      new Set(['the client Deployment otterize-tutorial-npol/client has no sidecar (no sidecar injection and no ambient enrolment), so the operator generates nothing for it']),
    );
  });
});
