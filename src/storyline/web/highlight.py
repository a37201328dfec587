"""Article text with its facts highlighted, as escaped HTML.

A pure function over the text and a list of spans. Spans may nest or cross
(a date inside a quote, a quote across two sentences): the renderer keeps one
stack of open elements and, when a span closes under others, closes those and
reopens them after it, so the output is always well formed. The article text
is hostile input: every piece of it, and every attribute, goes through
``markupsafe.escape``; no text is ever emitted raw.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Mark:
    """One highlighted span: rendered as a link when it has ``href`` and sits in no other link."""

    start: int
    end: int
    css: str  # space-separated classes
    href: str | None = None
    title: str | None = None
    id: str | None = None  # emitted on the first piece only
    marker: str | None = None  # a small clickable tag placed before the span (e.g. the speaker)
    marker_href: str | None = None


@dataclass(slots=True)
class _Open:
    mark: Mark
    tag: str


def _open_tag(mark: Mark, tag: str, first: bool) -> str:
    attrs = [f'class="{escape(mark.css)}"']
    if first and mark.id:
        attrs.append(f'id="{escape(mark.id)}"')
    if tag == "a" and mark.href:
        attrs.append(f'href="{escape(mark.href)}"')
    if mark.title:
        attrs.append(f'title="{escape(mark.title)}"')
    return f"<{tag} {' '.join(attrs)}>"


def render(text: str, marks: list[Mark]) -> Markup:
    """Return ``text`` as HTML with each mark wrapped around its characters."""
    n = len(text)
    marks = [
        Mark(max(0, m.start), min(n, m.end), m.css, m.href, m.title, m.id, m.marker, m.marker_href)
        for m in marks
        if m.start < n and (m.end > m.start or m.id)
    ]
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    for group in starts.values():
        group.sort(key=lambda m: -m.end)  # longer spans open first and so sit outside
    points = sorted({0, n, *(m.start for m in marks), *(m.end for m in marks)})

    out: list[str] = []
    stack: list[_Open] = []

    def links_open() -> bool:
        return any(o.tag == "a" for o in stack)

    def push(mark: Mark, first: bool) -> None:
        tag = "a" if mark.href and not links_open() else "span"
        if first and mark.marker:
            if mark.marker_href and not links_open():
                out.append(f'<a class="marker" href="{escape(mark.marker_href)}">{escape(mark.marker)}</a>')
            else:
                out.append(f'<span class="marker">{escape(mark.marker)}</span>')
        out.append(_open_tag(mark, tag, first))
        stack.append(_Open(mark, tag))

    for i, p in enumerate(points):
        # Close everything that ends here; reopen what was closed only to keep nesting.
        if any(o.mark.end == p for o in stack):
            reopen: list[Mark] = []
            while any(o.mark.end == p for o in stack):
                top = stack.pop()
                out.append(f"</{top.tag}>")
                if top.mark.end != p:
                    reopen.append(top.mark)
            for mark in reversed(reopen):
                push(mark, first=False)
        for mark in starts.get(p, []):
            if mark.end == mark.start:  # an anchor only
                out.append(f'<span id="{escape(mark.id or "")}" class="{escape(mark.css)}"></span>')
            else:
                push(mark, first=True)
        if i + 1 < len(points):
            out.append(str(escape(text[p : points[i + 1]])))
    while stack:
        out.append(f"</{stack.pop().tag}>")
    return Markup("".join(out))
