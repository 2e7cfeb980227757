// When a page writes its calendar file: at the click of its export button,
// with what the page shows then (the .ics writer is loaded on the first click).

/** Wires an "export to calendar" button: `events()` lists what the page shows now. */
export function setupIcsExport(button, filename, events) {
  button.addEventListener("click", async () => {
    const list = events().filter(Boolean);  // what is shown at the click
    const { buildCalendar, download } = await import("./ics.js");
    download(filename, buildCalendar(list));
  });
}
