/** The welcome e-mails of a plan as lines for text and Markdown (issue 14 #2). PURE. */
import type { DomainPlan } from './compute-plan';
import type { PlanDocument } from './plan-document';

const plural = (n: number) => `${n} welcome e-mail${n === 1 ? '' : 's'}`;

/** One line per welcome e-mail of a domain, then one warning per send that was cut off. */
export function welcomeLines(d: DomainPlan): string[] {
  return [
    ...(d.welcomes ?? []).map((ext) => `✉ welcome e-mail → ${ext}`),
    ...(d.welcomesUncertain ?? []).map(
      (ext) =>
        `‼ welcome e-mail → ${ext} may not have been sent (an earlier apply was cut off while sending it); not re-sent — check with the user, or send it with \`pbxctl welcome --domain ${d.domain} ${ext}\``,
    ),
  ];
}

export function welcomeCount(plan: PlanDocument): number {
  return plan.domains.reduce((n, d) => n + (d.welcomes?.length ?? 0), 0);
}

/** `3 welcome e-mails will be sent.`, or nothing. */
export function welcomeSummary(plan: PlanDocument): string | undefined {
  const n = welcomeCount(plan);
  return n === 0 ? undefined : `${plural(n)} will be sent.`;
}

/** Markdown: every welcome e-mail, per domain, capped at `max` lines with a count of the rest. */
export function welcomeMarkdown(plan: PlanDocument, max = 200): string[] {
  const lines = plan.domains.flatMap((d) => welcomeLines(d).map((l) => `- ${d.domain}: ${l}`));
  if (lines.length === 0) return [];
  const shown = lines.slice(0, max);
  const rest = lines.length - shown.length;
  return [`**${plural(welcomeCount(plan))}**`, '', ...shown, ...(rest > 0 ? [`- … and ${rest} more`] : []), ''];
}
