import { setupLocale } from "./app.js";

setupLocale(() => {});
document.body.dataset.ready = "true";
