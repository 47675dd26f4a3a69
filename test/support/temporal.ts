// The harness lives in dev/harness (benchmarks use it too); tests import it from here.
export * from '../../dev/harness/temporal';
