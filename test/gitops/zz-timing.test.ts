import { it } from 'vitest';
import { domainYaml, OFFICE, officeSeed } from '/work/main/test/helpers';
import { startWorld } from '/work/main/test/gitops/world';
it('timing', async () => {
  const w = await startWorld(officeSeed(), { 'domains/acme.yaml': domainYaml({ users: OFFICE }) });
  const head1 = w.repo.commit('b', { 'domains/acme.yaml': domainYaml({ users: OFFICE.slice(0,2) }) }, 'x');
  const t0 = Date.now();
  const ev = w.openPullRequest('b', head1).event;
  console.log('event', Date.now() - t0);
  const orig = (w.runner as any).runJob.bind(w.runner);
  (w.runner as any).runJob = async (...a: any[]) => { const t = Date.now(); const r = await orig(...a); console.log('job', a[0], Date.now() - t, r.steps.map((s: any) => s.name.slice(0,20)).join('|')); return r; };
  const t1 = Date.now();
  await w.plan(ev);
  console.log('plan', Date.now() - t1);
  await w.close();
});
