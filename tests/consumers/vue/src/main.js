// A Vue consumer of the packed tarball: the app is mounted before
// certpolicy/elements is imported (a lazily loaded chunk), so the element
// gets its order as a property before it is defined and keeps it.
import { createApp } from "vue";
import App from "./App.vue";

createApp(App).mount("#app");
import("certpolicy/elements");
