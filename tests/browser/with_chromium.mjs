// Decides which Chromium the browser files share: runs a command (the browser
// suite) with one Chromium started for it, its address in
// CERTPOLICY_CHROMIUM_WS, and closes it when the command ends, with its status.
// Each file then connects instead of launching its own (~2–3 CPU s a launch,
// 16 files; docs/DESIGN.md, "The test suite's time").
// Usage: node browser/with_chromium.mjs node --test browser/
import { spawn } from "node:child_process";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./harness.mjs";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: node browser/with_chromium.mjs <command> [args…]");
  process.exit(2);
}
const server = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, CERTPOLICY_CHROMIUM_WS: server.wsEndpoint() } });
const stop = (signal) => child.kill(signal);
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
const [code, signal] = await new Promise((resolve) => child.on("exit", (c, s) => resolve([c, s])));
await server.close();
process.exit(code ?? (signal ? 1 : 0));
