// storyline: the little JavaScript the pages use. Everything works without it except live job progress.
"use strict";

function pollJob(box) {
  const id = box.dataset.job;
  const state = document.getElementById("job-state");
  const message = document.getElementById("job-message");
  const bar = document.getElementById("job-progress");
  const skipped = document.getElementById("job-skipped");
  const tick = async () => {
    let job;
    try {
      const response = await fetch("/api/jobs/" + encodeURIComponent(id), { headers: { Accept: "application/json" } });
      if (!response.ok) throw new Error(response.status);
      job = await response.json();
    } catch (err) {
      message.textContent = "lost contact with the server (" + err.message + "); reload to retry";
      return;
    }
    state.textContent = job.state;
    message.textContent = job.message;
    box.dataset.state = job.state;
    if (job.state === "done" || job.state === "failed") {
      bar.max = 1;
      bar.value = 1;
      skipped.replaceChildren(...(job.report.skipped || []).map((s) => {
        const li = document.createElement("li");
        li.className = "error";
        li.textContent = s.source + ": " + s.reason; // textContent: server text is never parsed as HTML
        return li;
      }));
      if (job.state === "done") document.getElementById("job-done").hidden = false;
      return;
    }
    setTimeout(tick, 1000);
  };
  tick();
}

document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("job");
  if (box && box.dataset.state !== "done" && box.dataset.state !== "failed") pollJob(box);
});
