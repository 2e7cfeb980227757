import adapter from "@sveltejs/adapter-node";
import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig } from "vite";

// SvelteKit 3 takes its configuration here; nothing in it is for certpolicy.
export default defineConfig({ plugins: [sveltekit({ adapter: adapter() })] });
