// Decides which Chromium the browser files share: runs a command (the browser
// suite) with one Chromium started for it, its address in
// CERTPOLICY_CHROMIUM_WS, and closes it when the command ends, with its status.
// Each file then connects instead of launching its own (~2–3 CPU s a launch,
// 16 files; docs/DESIGN.md, "The test suite's time").
// Usage: node browser/with_chromium.mjs node --test browser/
import { spawn } from "node:child_process";
import { constants } from "node:os";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./harness.mjs";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: node browser/with_chromium.mjs <command> [args…]");
  process.exit(2);
}
// The signals go to the command; Chromium is closed once the command has ended.
const server = await chromium.launchServer({
  executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
});
const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, CERTPOLICY_CHROMIUM_WS: server.wsEndpoint() } });
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
const status = await new Promise((resolve) => {
  child.on("error", (error) => { console.error(`with_chromium: ${command}: ${error.message}`); resolve(127); });
  child.on("exit", (code, signal) => resolve(code ?? 128 + (constants.signals[signal] ?? 0)));
});
// A Chromium that does not close within 30 s is killed (Playwright's exit handler also kills its group).
await Promise.race([server.close(), new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);
process.exit(status);
