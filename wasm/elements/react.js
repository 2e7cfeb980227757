// certpolicy/elements/react: types only (react.d.ts); importing it does nothing.
export {};
