"""Adding articles from the browser: checked uploads, a queue, one background writer, progress.

Uploads are checked here (type, size, count, text encoding) and written into a
private temporary folder under names this module makes up (``upload-0001.txt``);
the names a browser sends are kept for display only, so no request chooses a
path. One worker thread builds the jobs one after another (the store has a
single writer) through :func:`build_files`, the one adapter to the library.
"""

from __future__ import annotations

import json
import queue
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ALLOWED_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
MAX_FILE_BYTES = 5 * 1024 * 1024  # one upload file
MAX_TOTAL_BYTES = 20 * 1024 * 1024  # one request, all files together (also the request body limit)
MAX_FILES = 20
MAX_PASTE_CHARS = 500_000  # a very long article is ~100k characters
MAX_JOBS_KEPT = 50  # finished jobs remembered for their progress pages


class UploadError(ValueError):
    """An upload that is refused; the message says why and what is accepted."""


@dataclass
class Job:
    id: str
    files: list[str]  # names as the browser sent them, for display
    state: str = "queued"  # queued | running | done | failed
    stored: int = 0  # articles stored so far
    message: str = "waiting for the writer"
    report: dict[str, Any] = field(default_factory=dict)
    created: float = field(default_factory=time.time)
    finished: float | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


Builder = Callable[[list[Path], Path, Callable[[int], None]], dict[str, Any]]


def build_files(paths: list[Path], db: Path, progress: Callable[[int], None]) -> dict[str, Any]:
    """The adapter to the library: build ``paths`` into the dossier ``db``, return a JSON-able summary."""
    from storyline.build import build

    report = build(paths, db, progress=progress)
    return {
        "read": report.read,
        "stored": report.stored,
        "reextracted": report.reextracted,  # stored by an older storyline: extracted again
        "already": report.already,
        "failures": report.failures,
        "seconds": round(report.seconds, 2),
        "skipped": [
            {"source": Path(s.source).name, "code": s.code, "reason": s.reason} for s in report.skipped
        ],
    }


def display_source(source: str, files: list[str]) -> str:
    """``upload-0002.jsonl#3`` as the user knows it: ``their-name.jsonl#3``."""
    stem, hash_, member = source.partition("#")
    for i, name in enumerate(files, 1):
        if stem.startswith(f"upload-{i:04d}."):
            return name + (f"#{member}" if hash_ else "")
    return source


def check_upload(name: str, data: bytes) -> str:
    """Refuse what the builder should not see; return the file's accepted suffix."""
    display = name or "(unnamed)"
    suffix = Path(name).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        raise UploadError(
            f"{display}: files of type {suffix or '(none)'} are not accepted; upload {', '.join(ALLOWED_SUFFIXES)}"
        )
    if len(data) > MAX_FILE_BYTES:
        raise UploadError(
            f"{display}: {len(data):,} bytes is over the {MAX_FILE_BYTES:,}-byte limit per file"
        )
    if not data.strip():
        raise UploadError(f"{display}: the file is empty")
    if b"\x00" in data[:8192]:
        raise UploadError(f"{display}: looks binary (NUL bytes); upload text, HTML or JSON")
    if suffix != ".html" and suffix != ".htm":
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise UploadError(
                f"{display}: not UTF-8 text (byte {exc.start}); save it as UTF-8 and retry"
            ) from exc
    return suffix


def pasted_document(text: str, title: str = "", outlet: str = "", date: str = "", url: str = "") -> bytes:
    """A pasted article as one JSONL line in the reader's input format."""
    text = text.strip()
    if not text:
        raise UploadError("the pasted text is empty")
    if len(text) > MAX_PASTE_CHARS:
        raise UploadError(f"the pasted text has {len(text):,} characters; the limit is {MAX_PASTE_CHARS:,}")
    if date:
        from datetime import date as _date

        try:
            _date.fromisoformat(date)
        except ValueError as exc:
            raise UploadError(f"date {date!r} is not YYYY-MM-DD") from exc
    record = {"text": text, "title": title.strip() or None, "outlet": outlet.strip() or None}
    if date:
        record["date"] = date
    if url.strip():
        record["url"] = url.strip()
    return (json.dumps({k: v for k, v in record.items() if v}, ensure_ascii=False) + "\n").encode("utf-8")


class Jobs:
    """The upload queue and its single worker thread."""

    def __init__(
        self, db: Path, builder: Builder = build_files, on_done: Callable[[], None] | None = None
    ) -> None:
        self.db = db
        self.builder = builder
        self.on_done = on_done
        self._jobs: dict[str, Job] = {}
        self._queue: queue.Queue[tuple[Job, Path]] = queue.Queue()
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None

    def submit(self, files: list[tuple[str, bytes]]) -> Job:
        """Check every file (all or nothing), store them privately and queue one job."""
        if not files:
            raise UploadError("nothing to add: choose files or paste a text")
        if len(files) > MAX_FILES:
            raise UploadError(f"{len(files)} files is over the limit of {MAX_FILES} per upload")
        total = sum(len(d) for _, d in files)
        if total > MAX_TOTAL_BYTES:
            raise UploadError(f"{total:,} bytes in all is over the {MAX_TOTAL_BYTES:,}-byte limit per upload")
        suffixes = [check_upload(name, data) for name, data in files]
        folder = Path(tempfile.mkdtemp(prefix="storyline-upload-"))
        for i, ((_, data), suffix) in enumerate(zip(files, suffixes, strict=True), 1):
            (folder / f"upload-{i:04d}{suffix}").write_bytes(data)
        job = Job(id=uuid.uuid4().hex, files=[name or "(pasted)" for name, _ in files])
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old()
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._work, name="storyline-uploads", daemon=True)
                self._worker.start()
        self._queue.put((job, folder))
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def list(self) -> list[Job]:
        with self._lock:
            return sorted(self._jobs.values(), key=lambda j: -j.created)

    def wait(self, timeout: float = 60.0) -> None:
        """Block until the queue is empty (tests and clean shutdown)."""
        deadline = time.time() + timeout
        while (
            self._queue.unfinished_tasks or any(j.state == "running" for j in self.list())
        ) and time.time() < deadline:
            time.sleep(0.05)

    def _forget_old(self) -> None:
        finished = [j for j in self._jobs.values() if j.finished]
        for job in sorted(finished, key=lambda j: j.created)[: max(0, len(finished) - MAX_JOBS_KEPT)]:
            del self._jobs[job.id]

    def _work(self) -> None:
        while True:
            job, folder = self._queue.get()
            try:
                self._run(job, folder)
            finally:
                shutil.rmtree(folder, ignore_errors=True)
                self._queue.task_done()

    def _run(self, job: Job, folder: Path) -> None:
        job.state, job.message = "running", "reading and analysing the articles"

        def progress(n: int) -> None:
            job.stored += n
            job.message = f"{job.stored} article(s) analysed and stored"

        try:
            job.report = self.builder(sorted(folder.iterdir()), self.db, progress)
            for item in job.report.get("skipped", []):  # report the names the user gave, not ours
                item["source"] = display_source(str(item.get("source", "")), job.files)
            job.state = "done"
            skipped = len(job.report.get("skipped", []))
            again = job.report.get("reextracted", 0)
            job.message = (
                f"{job.report.get('stored', job.stored)} stored, "
                + (f"{again} extracted again (an older storyline had stored them), " if again else "")
                + f"{job.report.get('already', 0)} already in the dossier, {skipped} skipped"
            )
        except Exception as exc:  # the job fails with its reason; the server goes on
            job.state = "failed"
            job.message = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
        finally:
            job.finished = time.time()
        if self.on_done:
            try:
                self.on_done()
            except Exception as exc:
                job.message += f" (search index not refreshed: {exc})"
