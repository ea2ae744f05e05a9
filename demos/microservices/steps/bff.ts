/** Step 5: a web and a mobile backend-for-frontend over the same services, their answers measured. */
import { hopsOf, inside } from '../hops.js';
import type { MicroStep } from '../step.js';

export const bffStep: MicroStep = {
  id: 'bff',
  spares: [
    { service: 'bff-web', as: 'bff-web' },
    { service: 'bff-mobile', as: 'bff-mobile' },
  ],
  async run({ session, lesson: t, items }) {
    await Promise.all([session.start('bff-web', 'bff-web'), session.start('bff-mobile', 'bff-mobile')]);
    const screens = [];
    for (const bff of ['bff-web', 'bff-mobile']) {
      const trace = session.newTrace();
      const reply = await session.client(bff).send({ path: '/screens/book/1', headers: trace.headers });
      const hops = hopsOf(items(), trace.traceId);
      const outer = hops.find((e) => e.hop?.from === 'client');
      screens.push({
        bff,
        bytes: outer?.response?.contentBytes ?? 0,
        fields: Object.keys((reply.json ?? {}) as object).join(', '),
        inside: inside(hops).length,
      });
    }
    const [web, mobile] = screens as [(typeof screens)[0], (typeof screens)[0]];
    return [
      t.facts.bffShape({ ...web }),
      t.facts.bffShape({ ...mobile }),
      t.facts.bffSaved({ web: web.bytes, mobile: mobile.bytes }),
    ];
  },
};
