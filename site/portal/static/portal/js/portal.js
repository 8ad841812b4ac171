// Progressive enhancement only: every page works without this file.
import { initAll } from "../vendor/govuk/govuk-frontend.min.js";

initAll();

// Stop a second click on a submit button sending the form twice (the server also
// refuses duplicates; this just spares people a confusing second page).
document.addEventListener("submit", (event) => {
  const form = event.target;
  if (form.dataset.submitted === "true") {
    event.preventDefault();
    return;
  }
  form.dataset.submitted = "true";
  window.setTimeout(() => { form.dataset.submitted = "false"; }, 5000);
});
