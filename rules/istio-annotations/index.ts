// Istio's annotations on Kubernetes objects, as istioctl analyze's annotation analyzers check them
// (istio pkg/config/analysis/analyzers/annotations/annotations.go, maturity/maturity.go) against
// istio/api's registry (src/model/istio-annotations.gen.ts) and the injector's value checks
// (pkg/kube/inject/validate.go). See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import { invalidAnnotationValue } from '../../src/model/annotation-values.js';
import { ISTIO_ANNOTATIONS } from '../../src/model/istio-annotations.gen.js';
import type { Labels, Resource } from '../../src/model/resource.js';
import type { Path } from '../../src/types.js';
import { closest, listText } from '../../src/util/text.js';

const KNOWN = Object.keys(ISTIO_ANNOTATIONS);
const INJECT = 'sidecar.istio.io/inject';
/** The label istiod puts on the Deployment, Service and ServiceAccount it generates for a Gateway (pilot/pkg/config/kube/gatewaycommon). */
const MANAGED_BY_ISTIOD = 'gateway.istio.io/managed';

/** Set by istiod or its controllers, never by users: analyze skips them (maturity.AlwaysIgnoredAnnotations). */
const SET_BY_ISTIO = new Set(['sidecar.istio.io/status', 'gateway.istio.io/controller-version', 'istio.io/rev']);

/** Alpha annotations the injector writes onto pods itself, unless istio-cni does the capture (maturity.go). */
const SET_BY_INJECTOR = new Set([
  'sidecar.istio.io/interceptionMode',
  'traffic.sidecar.istio.io/includeInboundPorts',
  'traffic.sidecar.istio.io/excludeInboundPorts',
  'traffic.sidecar.istio.io/includeOutboundIPRanges',
]);

/** An annotation in Istio's namespaces, plus the one Kubernetes annotation Istio documents. */
function isIstioAnnotation(name: string): boolean {
  return name === 'kubernetes.io/ingress.class' || name.split('/')[0]!.endsWith('istio.io');
}

interface Annotated {
  resource: Resource;
  /** The path of the metadata holding the annotations. */
  metadata: Path;
  /** The kind the annotations are read as: `Pod` for a pod template. */
  kind: string;
  /** How the message names the object. */
  subject: string;
  annotations: Labels;
  labels: Labels;
  /** A Pod without istio-init, so istio-cni sets up its capture: then the injector writes SET_BY_INJECTOR itself. */
  cniCapture?: boolean;
}

function hasIstioInit(raw: Record<string, unknown>): boolean {
  const init = (raw.spec as { initContainers?: unknown } | undefined)?.initContainers;
  return Array.isArray(init) && init.some((c) => (c as { name?: unknown } | null)?.name === 'istio-init');
}

type MessageIds = 'unknownAnnotation' | 'unknownAnnotationNear' | 'misplacedAnnotation' | 'invalidAnnotation' | 'deprecatedAnnotation' | 'alphaAnnotation';

export default defineRule<MessageIds, [{ alpha: boolean }]>({
  meta: {
    type: 'problem',
    docs: {
      description: 'An Istio annotation that Istio does not know, that belongs on another kind of object, whose value the sidecar injector refuses, or that is deprecated (or alpha, on request).',
      url: docsUrl('istio-annotations'),
      recommended: true,
      aliases: ['IST0107', 'IST0108', 'IST0125', 'IST0135', 'IST0136'],
      tags: ['sidecar', 'annotations'],
    },
    messages: {
      unknownAnnotation: '{{subject}} has annotation "{{annotation}}", which Istio does not know: nothing reads it, so it has no effect. Check its name against Istio\'s annotation reference, or remove it.',
      unknownAnnotationNear: '{{subject}} has annotation "{{annotation}}", which Istio does not know: nothing reads it, so it has no effect. Did you mean "{{near}}"?',
      misplacedAnnotation: '{{subject}} has annotation "{{annotation}}", which Istio reads only on {{kinds}}: here it has no effect. {{fix}}',
      invalidAnnotation: '{{subject}} has annotation "{{annotation}}" with a value the sidecar injector refuses: {{reason}}. Injecting a sidecar into such a pod fails, and since the injection webhook fails closed, the pod is not created. Fix the value.',
      deprecatedAnnotation: '{{subject}} has annotation "{{annotation}}", which Istio has deprecated: it may stop working in a future release. {{fix}}',
      alphaAnnotation: '{{subject}} has annotation "{{annotation}}", an alpha feature of Istio: it may change or go away in a future release, and may not be suitable for production.',
    },
    schema: [
      {
        type: 'object',
        properties: { alpha: { type: 'boolean', description: 'Also report alpha annotations (istioctl analyze leaves its AlphaAnalyzer out of the default run, as most annotations are alpha).' } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ alpha: false }],
    defaultSeverity: 'warn',
    reads: [],
  },
  create(context) {
    const reportAlpha = context.options[0].alpha;

    function check(o: Annotated): void {
      // istiod's gateway controller writes these objects and copies the Gateway's annotations onto them.
      if (o.resource.labels[MANAGED_BY_ISTIOD] !== undefined) return;
      for (const [annotation, value] of Object.entries(o.annotations)) {
        if (!isIstioAnnotation(annotation) || SET_BY_ISTIO.has(annotation)) continue;
        const at = { resource: o.resource, path: [...o.metadata, 'annotations', annotation], part: 'key' as const };
        const data = { subject: o.subject, annotation };
        const def = ISTIO_ANNOTATIONS[annotation];
        if (!def) {
          const near = closest(annotation, KNOWN);
          context.report(near ? { at, messageId: 'unknownAnnotationNear', data: { ...data, near } } : { at, messageId: 'unknownAnnotation', data });
          continue;
        }
        if (reportAlpha && def.featureStatus === 'Alpha' && !(o.cniCapture && SET_BY_INJECTOR.has(annotation))) {
          context.report({ at, messageId: 'alphaAnnotation', data });
        }
        // Someone who keeps the deprecated annotation beside its label knows (annotations.go).
        if (def.deprecated && !(annotation === INJECT && o.labels[INJECT] !== undefined)) {
          const fix = annotation === INJECT ? `Set the pod label "${INJECT}" instead.` : "Look up what replaces it in Istio's annotation reference, or remove it.";
          context.report({ at, messageId: 'deprecatedAnnotation', data: { ...data, fix } });
        }
        if (def.resources.includes('Any')) continue;
        if (!def.resources.includes(o.kind)) {
          const fix = o.kind === 'Deployment' && def.resources.includes('Pod') ? 'Move it to the pod template (spec.template.metadata.annotations).' : `Move it to the ${listText([...def.resources])} it is meant for, or remove it.`;
          context.report({ at, messageId: 'misplacedAnnotation', data: { ...data, kinds: listText([...def.resources]), fix } });
          continue;
        }
        const reason = invalidAnnotationValue(annotation, value);
        if (reason) context.report({ at, messageId: 'invalidAnnotation', data: { ...data, reason } });
      }
    }

    return {
      Namespace(ns) {
        if (ns.resource) check({ resource: ns.resource, metadata: ['metadata'], kind: 'Namespace', subject: `Namespace "${ns.name}"`, annotations: ns.resource.annotations, labels: ns.labels });
      },
      Service(s) {
        check({ resource: s.resource, metadata: ['metadata'], kind: 'Service', subject: `Service "${s.resource.name}"`, annotations: s.resource.annotations, labels: s.resource.labels });
      },
      Workload(w) {
        const r = w.resource;
        const subject = `${w.kind} "${w.name}"`;
        if (w.kind === 'Pod') {
          check({ resource: r, metadata: w.podMetadataPath, kind: 'Pod', subject, annotations: w.podAnnotations, labels: w.podLabels, cniCapture: !hasIstioInit(r.raw) });
          return;
        }
        // analyze reads a Deployment's own annotations; the injector reads its pod template's.
        if (r.kind === 'Deployment') check({ resource: r, metadata: ['metadata'], kind: 'Deployment', subject, annotations: r.annotations, labels: r.labels });
        check({ resource: r, metadata: w.podMetadataPath, kind: 'Pod', subject: `The pod template of ${subject}`, annotations: w.podAnnotations, labels: w.podLabels });
      },
    };
  },
});
