/** Renders a plan as versioned JSON for machines. PURE. */
import type { ComparableValue } from '../kinds/kind';
import type { Registry } from '../kinds/registry';
import { MASK, SecretValue } from '../kinds/secret';
import type { Change, DomainPlan } from './compute-plan';
import type { PlanDocument } from './plan-document';
import { label, type RenderOptions, registryOf } from './render-common';
import { redactCallFlows } from './render-call-flows';
import { REDACTED, redactId, redactKey, redactValue } from './redact';

/** Versioned JSON: every change with fields before/after; secrets masked; optional PII redaction. */
export function renderJson(plan: PlanDocument, opts: RenderOptions = {}): string {
  const doc = opts.redactPii ? redactDocument(plan, registryOf(opts)) : plan;
  return `${JSON.stringify(doc, (_k, v) => (v instanceof SecretValue ? MASK : v), 2)}\n`;
}

function redactDocument(plan: PlanDocument, registry: Registry): PlanDocument {
  const redactContent = (kind: string, content: Record<string, ComparableValue> | undefined) => {
    if (!content) return content;
    const out: Record<string, ComparableValue | undefined> = {};
    for (const [k, v] of Object.entries(content)) out[k] = redactValue(kind, k, v, registry);
    return out;
  };
  const redactObjects = (objects: Readonly<Record<string, string>>) => {
    // Masked ids can collide (several shared contacts): number them so every digest survives.
    const out: Record<string, string> = {};
    for (const [id, digest] of Object.entries(objects)) {
      const masked = redactId(id, registry);
      let name = masked;
      for (let n = 2; name in out; n++) name = `${masked} #${n}`;
      out[name] = digest;
    }
    return out;
  };
  return {
    ...plan,
    inputs: Object.fromEntries(
      Object.entries(plan.inputs).map(([d, v]) => [d, { ...v, objects: redactObjects(v.objects) }]),
    ),
    domains: plan.domains.map((d: DomainPlan) => ({
      ...d,
      changes: d.changes.map((c) => ({
        ...c,
        id: redactId(c.id, registry),
        key: redactKey(c.kind, c.key, registry),
        label: label(c, { redactPii: true, registry }),
        before: redactContent(c.kind, c.before as Record<string, ComparableValue>) as Change['before'],
        after: redactContent(c.kind, c.after as Record<string, ComparableValue>) as Change['after'],
        fields: c.fields.map((f) => ({
          ...f,
          before: redactValue(c.kind, f.path, f.before, registry),
          after: redactValue(c.kind, f.path, f.after, registry),
        })),
        references: c.references.map((r) => ({ ...r, from: r.from.replace(/\d{5,}/g, REDACTED) })),
        losses: c.losses.map((l) => ({ what: l.what, count: l.count })),
        dependsOn: c.dependsOn.map((id) => redactId(id, registry)),
      })),
      unmanaged: d.unmanaged.map((u) => ({
        ...u,
        key: redactKey(u.kind, u.key, registry),
        label: redactKey(u.kind, u.key, registry),
      })),
      ...(d.callFlows ? { callFlows: redactCallFlows(d.callFlows) } : {}),
    })),
  };
}
