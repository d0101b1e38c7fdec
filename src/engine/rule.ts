import type { RuleContext, RuleDefinition, RulesMeta, RulesMetaDocs, RuleVisitor, SourceLocation, SourceRange, TextSourceCode, TraversalStep, ViolationReport } from '@eslint/core';
import type { JSONSchema4 } from 'json-schema';
import type { DataplaneAssumption } from '../model/dataplane.js';
import type { K8sGateway, AuthorizationPolicy, DestinationRule, PeerAuthentication, SelectingPolicy, Service } from '../model/kinds.js';
import type { MeshSettings } from '../model/mesh.js';
import type { ClientIntents } from '../model/intents.js';
import type { Model, NamespaceInfo } from '../mesh/model.js';
import type { At, Resource } from '../model/resource.js';
import type { Workload } from '../model/workloads.js';
import type { Location, SuggestionSource } from '../types.js';

export const DOCS_BASE = 'https://github.com/meshlint/meshlint/blob/main/rules';

export function docsUrl(id: string): string {
  return `${DOCS_BASE}/${id}/README.md`;
}

/** meshlint's additions to `@eslint/core`'s rule docs. */
export interface MeshRuleDocs {
  /** Equivalent `istioctl analyze` (ISTnnnn) and Kiali (KIAnnnn) codes, for migrating suppressions. */
  aliases?: readonly string[];
  /** Tags for SARIF and `--list-rules`. */
  tags?: readonly string[];
}

/** A rule's `meta`: `@eslint/core`'s `RulesMeta`, with the fields meshlint requires. */
export interface MeshRuleMeta<MessageIds extends string = string, Options extends unknown[] = unknown[]> extends RulesMeta<MessageIds, Options, MeshRuleDocs> {
  type: 'problem' | 'suggestion';
  docs: RulesMetaDocs & MeshRuleDocs & { description: string };
  messages: Record<MessageIds, string>;
  /** JSON Schema of the options (an array, one schema per option, as ESLint's). */
  schema: JSONSchema4[];
  /** Severity when the configuration says nothing; with `docs.recommended: false`, the severity once turned on (the rule is off by default). */
  defaultSeverity: 'warn' | 'error';
  /**
   * What the rule's findings depend on besides the object a visitor is given (and, with a
   * `Mesh:exit`, every object it visits): the kinds of model objects it reads through the model,
   * as visitors name them (`AuthorizationPolicy`, `Workload`, `Service`…) or, for resources no
   * visitor gets, by their `kind` (`ServiceAccount`). What every rule may read — the mesh
   * settings, namespaces and their labels, the data plane evidence — need not be named. Left out,
   * the rule depends on everything. The language server uses it to run the rule again after an
   * edit only when the edit touches a kind it reads, and then only on the objects edited.
   */
  reads?: readonly string[];
  /** Set when reports carry a `fix` that `--fix` may apply unasked (ESLint's `meta.fixable`). */
  fixable?: 'code';
}

/** A fix: the scalar at `at` becomes `value`. */
export interface MeshFix {
  at: At;
  value: string | number | boolean;
}

/** What a rule can point at: a node of a resource, or a model object (its resource). */
export type ModelNode = { resource: Resource };

/** One finding, as a rule reports it. */
export interface MeshReport<MessageIds extends string = string> {
  /** The narrowest node (`at`), or a model object whose resource is meant (`node`). */
  at?: At;
  node?: ModelNode;
  messageId: MessageIds;
  /** Values for the message's `{{placeholders}}`. */
  data?: Record<string, string | number | boolean | undefined>;
  /** Downgrade this one report (never upgrade past the configured severity). */
  severity?: 'warn';
  /** The YAML to add or change, with what it does (or a function that builds it, called only when a report shows it). */
  suggest?: SuggestionSource[];
  /**
   * The change `--fix` applies unasked (the rule sets `meta.fixable`): only when it makes the YAML
   * say what it plainly meant and nothing else; anything that needs a choice is a suggestion.
   */
  fix?: MeshFix;
  related?: Array<{ at: At; message: string }>;
  /**
   * What the finding rests on that the input does not show (`model.assumptionsOf(workloads)`): the
   * runner ends the message with one clause saying so and carries them in JSON and SARIF.
   */
  assumptions?: readonly DataplaneAssumption[];
}

/**
 * The "source code" of a mesh rule: the whole input as one tree (`ast`, the unist tree the
 * processor parsed: root → file → document → resource) with the model built from it.
 */
export interface MeshSourceCode extends TextSourceCode<{ LangOptions: Record<string, unknown>; RootNode: unknown; SyntaxElementWithLoc: ModelNode | At; ConfigNode: unknown }> {
  readonly model: Model;
  getLoc(node: ModelNode | At): SourceLocation;
  getRange(node: ModelNode | At): SourceRange;
  traverse(): Iterable<TraversalStep>;
}

type MeshContextTypes<MessageIds extends string, Options extends unknown[]> = {
  LangOptions: Record<string, unknown>;
  Code: MeshSourceCode;
  RuleOptions: Options;
  Node: ModelNode;
  MessageIds: MessageIds;
};

/**
 * What `create` gets: `@eslint/core`'s context (`id`, `options` merged with `defaultOptions`,
 * `settings`…) with the mesh: `model` (read-only), `mesh` settings, `report` and `locate`.
 * `report` also takes ESLint's own shape (`node` or `loc`, `messageId`, `data`).
 */
export interface MeshRuleContext<MessageIds extends string = string, Options extends unknown[] = unknown[]> extends RuleContext<MeshContextTypes<MessageIds, Options>> {
  readonly model: Model;
  readonly mesh: MeshSettings;
  report(report: MeshReport<MessageIds> | ViolationReport<ModelNode, MessageIds>): void;
  /** File, line and column of a node, for messages that name another place. */
  locate(at: At): Location;
}

/**
 * Visitors keyed by model kind, called in input order; `Mesh:exit` once the whole mesh has been
 * visited, for checks that compare objects.
 */
export interface MeshVisitor extends RuleVisitor {
  AuthorizationPolicy?(policy: AuthorizationPolicy): void;
  PeerAuthentication?(policy: PeerAuthentication): void;
  RequestAuthentication?(policy: SelectingPolicy): void;
  DestinationRule?(rule: DestinationRule): void;
  Sidecar?(sidecar: SelectingPolicy): void;
  Telemetry?(telemetry: SelectingPolicy): void;
  Service?(service: Service): void;
  Workload?(workload: Workload): void;
  Namespace?(namespace: NamespaceInfo): void;
  /** A Gateway API `Gateway` (waypoints, Istio gateways). */
  Gateway?(gateway: K8sGateway): void;
  /** Istio's own `networking.istio.io` Gateway, as the resource. */
  IstioGateway?(gateway: Resource): void;
  /** An Otterize ClientIntents of any served version, in one form (src/model/intents.ts). */
  ClientIntents?(intents: ClientIntents): void;
  'Mesh:exit'?(): void;
}

/** A meshlint rule: an `@eslint/core` `RuleDefinition` whose language is the whole mesh. */
export interface MeshRule<MessageIds extends string = string, Options extends unknown[] = unknown[]>
  extends RuleDefinition<{
    LangOptions: Record<string, unknown>;
    Code: MeshSourceCode;
    RuleOptions: Options;
    Visitor: MeshVisitor;
    Node: ModelNode;
    MessageIds: MessageIds;
    ExtRuleDocs: MeshRuleDocs;
  }> {
  meta: MeshRuleMeta<MessageIds, Options>;
  create(context: MeshRuleContext<MessageIds, Options>): MeshVisitor;
}

/** Identity helper that types a rule module. */
export function defineRule<MessageIds extends string, Options extends unknown[] = []>(rule: MeshRule<MessageIds, Options>): MeshRule<MessageIds, Options> {
  return rule;
}

/** What lists, reports and configuration need to know of a rule, whatever defined it. */
export interface RuleMeta {
  /** One line: what the rule finds. */
  description: string;
  /** `off` for a rule whose `docs.recommended` is false: it runs only when the configuration turns it on. */
  severity: 'off' | 'warn' | 'error';
  aliases?: readonly string[];
  tags?: readonly string[];
}

/** A rule as the engine runs it: its id (`plugin/name` for a plugin's rule) and its definition. */
export interface Rule {
  readonly id: string;
  readonly meta: RuleMeta;
  readonly url: string;
  readonly definition: MeshRule<string, unknown[]>;
}

/** A rule definition under an id. */
export function registerRule(id: string, definition: MeshRule<string, any>, url = definition.meta.docs.url ?? docsUrl(id)): Rule {
  const m = definition.meta;
  return {
    id,
    url,
    definition: definition as MeshRule<string, unknown[]>,
    meta: { description: m.docs.description, severity: m.docs.recommended === false ? 'off' : m.defaultSeverity, aliases: m.docs.aliases, tags: m.docs.tags },
  };
}

/** The JSON Schema of a list of namespace names: rules' `ignoreNamespaces` and the like. */
export const NAMESPACE_LIST: JSONSchema4 = { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true };

/** The options schema of a rule whose one option is `ignoreNamespaces`: what it skips there, in words. */
export function ignoreNamespacesSchema(description: string): JSONSchema4[] {
  return [{ type: 'object', properties: { ignoreNamespaces: { ...NAMESPACE_LIST, description } }, additionalProperties: false }];
}
