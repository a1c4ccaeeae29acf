// The part's public face (re-exported by the module's index.ts).
export {};
