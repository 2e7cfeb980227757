// Runs the native CLI (`certpolicy eval`) built by scripts/build.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot } from "./case_files.mjs";

export const cliPath = process.env.CERTPOLICY_CLI || path.join(repoRoot, "build/native/core/certpolicy");

export function haveCli() {
  return existsSync(cliPath);
}

/** stdin text → stdout text without the trailing newline. */
export function runCli(input, policy = "") {
  const args = ["eval"];
  if (policy) {
    const dir = mkdtempSync(path.join(tmpdir(), "certpolicy-"));
    const file = path.join(dir, "policy.json");
    writeFileSync(file, policy);
    args.push("--policy", file);
  }
  const out = execFileSync(cliPath, args, { input, maxBuffer: 1 << 30 });
  const text = out.toString("utf8");
  if (!text.endsWith("\n")) throw new Error("CLI output must end with a newline");
  return text.slice(0, -1);
}
