// How the workflow bundle is built, shared by the worker, the tests' harness and `dondoc
// simulate`, so all three run the same code the same way.
//
// With the reused V8 context (the SDK's default) every workflow gets its own instance of
// every module in the bundle: the module scope runs again for each workflow the worker
// creates, and stays in memory while the workflow is cached. zod builds a large graph of
// objects when its module loads, so each cached workflow carried its own copy of zod (and
// creating one re-ran it). `preloadModules` loads a module once, before any workflow, and
// shares it (deep-frozen) between workflows. Only modules that keep no per-workflow state
// may be listed: zod keeps none (its schemas are ours, built in our modules; its global
// registry is used only by `.meta()`/`.register()`, which workflow code does not call).
// luxon is not listed: it caches formatters in module-level objects, which a frozen copy
// would refuse. Measured effect: README "Scale and cost" (worker memory).
export const PRELOADED_WORKFLOW_MODULES = ['zod', 'async-mutex'];

export const workflowBundlerOptions = { preloadModules: PRELOADED_WORKFLOW_MODULES };
