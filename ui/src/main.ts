import { mount } from "svelte";

import App from "./App.svelte";
import "./app.css";

// WebKit's own context menu (Reload, Inspect Element) is for developers: only the dev server
// (`npm run dev`) keeps it; the built app has none.
if (!import.meta.env.DEV) {
  window.addEventListener("contextmenu", (event) => event.preventDefault());
}

const target = document.getElementById("app");
if (!target) throw new Error("index.html has no #app element");

export default mount(App, { target });
