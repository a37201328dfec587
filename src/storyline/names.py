"""Actor names: normalization, title stripping and the bundled alias lexicon.

Shared by the per-article resolver (``stages.actors_local``) and the cross-article
one (``crossdoc.actors``), so both read a name the same way.
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from storyline.lexicons import load_yaml

LEXICONS = Path(__file__).parent / "lexicons"

# Arabic articles and the English article: "Bashar Al-Assad", "Al Assad" and "Assad" share a key.
PARTICLES = frozenset({"al", "el", "the"})
# Aliases this short and all capital ("IS", "UN", "US") match only in that exact case,
# so "is" or "us" in running text never become actors.
SHORT_ALIAS_LEN = 3

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00a0": " "})
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_PAREN = re.compile(r"\s*\([^)]*\)")
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)  # compiled once: lookup runs per mention


def fold(text: str) -> str:
    """Accents off, typographic apostrophes and no-break spaces made plain."""
    text = text.translate(_APOSTROPHES)
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def name_tokens(name: str) -> list[str]:
    """Lower-case word tokens of a name without particles, dots or hyphens."""
    return list(_name_tokens(name))


# Names repeat across mentions and articles; memoizing these pure functions makes resolving
# 10x the articles cost 10x, not more (benchmarks/actors_scale.py).
@functools.lru_cache(maxsize=1 << 16)
def _name_tokens(name: str) -> tuple[str, ...]:
    text = re.sub(r"'s\b", "", fold(name).lower().replace(".", ""))
    text = re.sub(r"[-'\u2010-\u2015/]", " ", text)
    return tuple(t for t in re.findall(r"[a-z0-9]+", text) if t not in PARTICLES)


def name_key(name: str) -> str:
    """The comparison key: "Bashar Al-Assad" and "bashar al assad" -> "bashar assad"."""
    return " ".join(_name_tokens(name))


def phonetic(token: str) -> str:
    """A coarse consonant skeleton that survives transliteration.

    "kadhafi", "gaddafi" and "qaddafi" all give "ktf"; "nikolas" and "nicolas" give "nkls".
    Used for blocking and as evidence, never alone as proof of identity.
    """
    t = token.lower()
    for a, b in (("ph", "f"), ("dh", "d"), ("th", "t"), ("kh", "k"), ("gh", "g"), ("ch", "k"), ("sh", "s")):
        t = t.replace(a, b)
    table = str.maketrans("cgqdzjvw", "kkktsjfu")
    t = t.translate(table)
    out = [t[0]] if t else []
    for ch in t[1:]:
        if ch in "aeiouyh":
            continue
        if out and out[-1] == ch:
            continue
        out.append(ch)
    if out and out[0] in "aeiouyh" and len(out) > 1:
        out = out[1:]
    return "".join(out)


def given_names_agree(a: str, b: str) -> bool:
    """Whether two given-name tokens (lower case, as ``name_tokens`` gives them) can name one
    person: the same name, the same sounds ("nikolas"/"nicolas", "moammar"/"muammar"), an
    initial of it ("j"/"james") or a short form of it (``lexicons/nicknames.yaml``: "mike"/"michael",
    "bob"/"robert"). "Hosni"/"Gamal" and "bill"/"hillary" cannot."""
    if a == b or phonetic(a) == phonetic(b):
        return True
    if (len(a) == 1 or len(b) == 1) and a[0] == b[0]:
        return True
    return is_short_form(a, b)


def is_short_form(a: str, b: str) -> bool:
    """Whether one given-name token is a short form of the other ("bob"/"robert", "mike"/"michael";
    ``lexicons/nicknames.yaml``). Two short forms of one name ("bill"/"will", "ted"/"ned") are not
    taken as one: on Timeline17 that joined "Will Young" to "Bill Young", two people."""
    short_forms = nicknames()
    return b in short_forms.get(a, ()) or a in short_forms.get(b, ())


@functools.lru_cache(maxsize=1)
def nicknames() -> dict[str, frozenset[str]]:
    """``lexicons/nicknames.yaml``: each formal given name (lower case) -> its short forms."""
    data = load_yaml("nicknames.yaml")
    return {formal.lower(): frozenset(s.lower() for s in short) for formal, short in data.items()}


@dataclass(frozen=True)
class Titles:
    honorifics: frozenset[str]
    roles: tuple[str, ...]  # lower case, longest first
    role_words: frozenset[str]  # every word of every role
    modifiers: frozenset[str] = frozenset()  # "outgoing", "former": qualify a name, never part of it


@functools.lru_cache(maxsize=1)
def load_titles() -> Titles:
    data = load_yaml("titles.yaml")
    hon = {h.lower() for h in data["honorifics"] + data["abbreviated_titles"]}
    roles = tuple(sorted((r.lower() for r in data["roles"]), key=lambda r: -len(r)))
    modifiers = frozenset(m.lower() for m in data.get("modifiers", []))
    return Titles(frozenset(hon), roles, frozenset(w for r in roles for w in r.split()), modifiers)


@functools.lru_cache(maxsize=1 << 16)
def strip_title(name: str) -> str:
    """The bare name in a titled form.

    "French President Francois Hollande" -> "Francois Hollande", "Mr. Trump" -> "Trump",
    "Sen. Bernie Sanders (I-Vt.)" -> "Bernie Sanders", "Outgoing Hollande" -> "Hollande" (the
    spaCy model often takes a capitalised sentence-opening modifier into the name), "the Syrian Democratic Forces" ->
    "Syrian Democratic Forces", "Assad's" -> "Assad". A name that is all title stays as is.
    """
    titles = load_titles()
    text = _PAREN.sub("", name).strip()
    text = (
        _POSSESSIVE.sub("", text.translate(_APOSTROPHES).strip())
        if text.endswith(("'s", "\u2019s", "'", "\u2019"))
        else text
    )
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    while len(words) > 1 and words[0].lower() in titles.modifiers:  # "Outgoing Hollande", "Late Hugo Chavez"
        words = words[1:]
    role_words = titles.role_words
    # The name is the run of words after the last title word or honorific.
    cut = 0
    for i, w in enumerate(words[:-1]):
        bare = w.rstrip(".,").lower()
        if bare in titles.honorifics or bare in role_words:
            cut = i + 1
    rest = words[cut:]
    return " ".join(rest) if rest else " ".join(words)


@dataclass(frozen=True)
class LexiconActor:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    roles: tuple[tuple[str, str | None, str | None], ...] = ()  # (role key, from, to)
    country: str | None = None


@dataclass
class AliasLexicon:
    """Known actors by name key; short acronyms by exact surface."""

    actors: dict[str, LexiconActor] = field(default_factory=dict)  # canonical name -> actor
    by_key: dict[str, str] = field(default_factory=dict)  # name key -> canonical name
    by_exact: dict[str, str] = field(default_factory=dict)  # exact short alias -> canonical name
    by_role: dict[str, list[tuple[str, str | None, str | None]]] = field(default_factory=dict)

    def add(self, actor: LexiconActor) -> None:
        self.actors[actor.name] = actor
        for alias in (actor.name, *actor.aliases):
            bare = _LEADING_THE.sub("", alias.strip())
            if len(bare.replace(".", "")) <= SHORT_ALIAS_LEN and bare.replace(".", "").isupper():
                self.by_exact[bare] = actor.name
                self.by_exact[bare.replace(".", "")] = actor.name
            elif len(name_key(bare)) > SHORT_ALIAS_LEN:
                self.by_key[name_key(bare)] = actor.name
        for role, start, end in actor.roles:
            self.by_role.setdefault(role, []).append((actor.name, start, end))

    def lookup(self, surface: str) -> str | None:
        """The canonical name for a surface form, or None."""
        bare = surface.strip()
        if bare in self.by_exact:
            return self.by_exact[bare]
        if len(bare.replace(".", "")) <= SHORT_ALIAS_LEN and bare.replace(".", "").isupper():
            return self.by_exact.get(bare.replace(".", ""))
        bare = _LEADING_THE.sub("", bare)
        if bare in self.by_exact:
            return self.by_exact[bare]
        return self.by_key.get(name_key(bare)) or self.by_key.get(name_key(strip_title(bare)))

    def role_holder(self, role: str, date: str | None) -> str | None:
        """The one person who held ``role`` on ``date`` (ISO), if the lexicon knows exactly one."""
        if date is None:
            return None
        holders = self.role_holders(role, date)
        return holders.pop() if len(holders) == 1 else None

    def role_holders(self, role: str, date: str | None) -> set[str]:
        """Everyone who held ``role`` on ``date`` (ISO); with no date, everyone who ever held it."""
        return {
            name
            for name, start, end in self.by_role.get(role, [])
            if date is None or ((start is None or start <= date) and (end is None or date < end))
        }


def _parse_actor(item: dict) -> LexiconActor:
    roles = tuple(
        (str(r["role"]).lower(), _iso(r.get("from")), _iso(r.get("to"))) for r in item.get("roles", [])
    )
    return LexiconActor(
        name=str(item["name"]),
        type=str(item.get("type", "other")),
        aliases=tuple(str(a) for a in item.get("aliases", []) or []),
        roles=roles,
        country=item.get("country"),
    )


def _iso(value: object) -> str | None:
    return None if value is None else str(value)


def read_alias_file(path: Path) -> list[LexiconActor]:
    """Actors from an alias YAML file (the bundled one or a user's extension)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"cannot read alias file {path}: {exc}") from exc
    items = data.get("actors", []) if isinstance(data, dict) else []
    out = []
    for item in items:
        if not isinstance(item, dict) or "name" not in item:
            raise ValueError(f"{path}: every entry needs a 'name' (got {item!r})")
        out.append(_parse_actor(item))
    return out


# A user's alias file for runs that cannot pass one (the pipeline's stages take only the document).
ALIASES_ENV = "STORYLINE_ALIASES"


def load_aliases(user_file: str | None = None) -> AliasLexicon:
    """The bundled alias lexicon, with a user's file loaded on top (its entries win).

    Without ``user_file``, the file named by the ``STORYLINE_ALIASES`` environment variable, if any.
    """
    return _load_aliases(user_file or os.environ.get(ALIASES_ENV) or None)


@functools.lru_cache(maxsize=8)
def _load_aliases(user_file: str | None) -> AliasLexicon:
    lexicon = AliasLexicon()
    for actor in read_alias_file(LEXICONS / "aliases.yaml"):
        lexicon.add(actor)
    if user_file:
        for actor in read_alias_file(Path(user_file)):
            lexicon.add(actor)
    return lexicon
