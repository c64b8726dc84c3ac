// autocannon ships no types; the benchmarks use a few fields of its instance and result.
declare module "autocannon";
