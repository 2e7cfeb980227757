// Inside the Emscripten glue's factory (emcc --pre-js): Jest's jsdom
// environment has no TextDecoder global; Node's own then, taken by name at
// run time (a browser bundle meets no node: import).
var TextDecoder = globalThis.TextDecoder || (typeof process === "object" && process && process.getBuiltinModule ? process.getBuiltinModule("util").TextDecoder : undefined);
