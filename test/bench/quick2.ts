import { kineticExchange } from '../../models/kinetic-exchange/model.js';
const n = Number(process.argv[2] ?? 1e5),
  ticks = Number(process.argv[3] ?? 200);
const params = kineticExchange.params.parse({ agents: n, initialWealth: 1 });
for (let rep = 0; rep < 2; rep++) {
  const inst = kineticExchange.create({
    params,
    seed: 1,
    replicate: 0,
    ticks,
    trace: 0,
    rng: (
      (r) => () =>
        r
    )(new (await import('../../sim/random/streams.js')).Streams(1).get('x')),
    emit: () => {},
  });
  const out = new Float64Array(8);
  let t0 = performance.now();
  for (let t = 1; t <= ticks; t++) inst.step(t);
  const st = performance.now() - t0;
  t0 = performance.now();
  for (let t = 1; t <= ticks; t++) inst.observe(out);
  const ob = performance.now() - t0;
  t0 = performance.now();
  for (let t = 1; t <= ticks; t++) inst.invariants!();
  const inv = performance.now() - t0;
  console.log(
    'step',
    ((n * ticks) / st / 1e3).toFixed(1),
    'M/s; observe ms/tick',
    (ob / ticks).toFixed(3),
    'inv ms/tick',
    (inv / ticks).toFixed(3),
    'step ms/tick',
    (st / ticks).toFixed(3),
  );
}
