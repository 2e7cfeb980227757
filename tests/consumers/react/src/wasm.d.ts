// esbuild's file loader gives a .wasm import as its URL.
declare module "*.wasm" {
  const url: string;
  export default url;
}
