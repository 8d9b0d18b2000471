// The few WebAssembly globals the migrator uses (Node has them; @types/node 20 does not declare them).
declare namespace WebAssembly {
  type Exports = Record<string, unknown>;
  type ModuleImports = Record<string, unknown>;
  class Module {
    constructor(bytes: Uint8Array);
  }
  class Instance {
    constructor(module: Module, imports?: Record<string, ModuleImports>);
    readonly exports: Exports;
  }
}
