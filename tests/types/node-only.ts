// A project without the DOM library ("lib": ["ES2022"], skipLibCheck off):
// the package's types compile there too.
import { createEngine } from "certpolicy";

void createEngine().then((engine) => {
  const r = engine.evaluate({ type: "working_day", date: "2026-10-01" });
  return r.ok ? r.working_day : r.error.message;
});
