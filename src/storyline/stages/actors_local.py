"""Actors within one article: every mention gets the canonical name of what it names.

Rules, in order (the first that applies wins):
1. the alias lexicon ("Daesh", "ISIL" -> Islamic State; "Al Assad" -> Bashar al-Assad),
   tried on the surface, on its title-stripped form and without loaded labels
   ("Daesh Takfiri" -> Daesh);
2. a person's partial name -> the fullest name in the article that ends with it
   ("Hollande" -> "Francois Hollande"), only when exactly one full name fits;
3. the title-stripped surface ("French President Francois Hollande" -> "Francois Hollande").
Descriptions ("the Syrian president") become mentions labelled ``DESC`` bound to the person
the article itself introduces with that title ("Syrian President Bashar al-Assad"), else to
the lexicon's holder of that role on the publication date. Mentions spaCy runs across a
paragraph break are split; lexicon names spaCy missed ("Lecointre") are added, and replace a
part spaCy tagged ("Islamic" of "the Islamic State"). NER types are corrected before: a
well-known place called a person or group ("in Palmyra") is a place, a demonym the gazetteer
would misplace ("Kazakh") a nationality, "Europe 1 radio" a broadcaster; framing labels are cut
off a mention ("Daesh Takfiri" -> "Daesh"); untagged repeats of the article's places are added.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from storyline.gazetteer import find_place
from storyline.lexicons import load_yaml
from storyline.names import AliasLexicon, fold, load_aliases, load_titles, name_key, name_tokens, strip_title
from storyline.records import Mention
from storyline.stages.document import ArticleDoc

PERSON = "PERSON"
DESCRIPTION = "DESC"
# Words that label rather than name ("Daesh Takfiri terrorist group"): dropped before lookup.
LABEL_WORDS = frozenset(
    {
        "takfiri",
        "takfiris",
        "terrorist",
        "terrorists",
        "group",
        "militants",
        "militant",
        "jihadist",
        "jihadists",
        "outfit",
        "extremist",
        "extremists",
        "regime",
    }
)
# How many words before a person mention are read as its title ("France's Chief of Defense Staff").
MAX_TITLE_WORDS = 6
# A line whose words of this many letters or more all open with a capital, at least
# HEADLINE_MIN_WORDS of them, is a headline in title case ("Trump Calls On Obama To Resign."),
# where spaCy runs names on into the next words; title case leaves short function words
# ("to", "of", "on") in lower case, and a sentence has longer ones ("Gigi Ibrahim there from
# Tahrir Square"). Set from the PolNeAR train headlines whose run-ons lost their cut without it
# ("Trump Calls", "Clinton Probe") and the Timeline17 lines that must not count ("I 'm Eliot
# Spitzer .", two long words).
HEADLINE_WORD_LEN = 4
HEADLINE_MIN_WORDS = 3
# Lexicon names this short ("IS", "SDF", "NTC") are only added when written in capitals.
SHORT_NAME = 3
PLACE_LABELS = ("GPE", "LOC")
# A one-word PERSON or ORG mention that names a country or a GeoNames city of at least this many
# people ("Palmyra", "Hama" in the seeds) is retyped as a place, unless the alias lexicon knows it
# as a person or group or the article gives a person's full name holding that word ("Jordan" in
# "Michael Jordan"). Calibrated on the cached Timeline17 mentions (evaluation/place_retype.py):
# see BENCHMARKS.md, Actors, "Places the NER calls people".
PLACE_RETYPE_MIN_POPULATION = 50_000


def _strip_labels(text: str) -> str:
    return " ".join(w for w in text.split() if fold(w).lower().strip(".,") not in LABEL_WORDS)


def _split_paragraphs(mentions: list[Mention]) -> list[Mention]:
    out = []
    for m in mentions:
        if "\n" not in m.text:
            out.append(m)
            continue
        for part in re.finditer(r"[^\n]+", m.text):
            piece = part.group().strip()
            if piece:
                start = m.start + part.start() + part.group().index(piece)
                out.append(replace(m, start=start, end=start + len(piece), text=piece))
    return out


def _lexicon_gaps(doc: ArticleDoc, mentions: list[Mention], lexicon: AliasLexicon) -> list[Mention]:
    """The mentions with lexicon people and groups spaCy did not tag added ("Lecointre",
    "IS militants"), and a lexicon name spaCy tagged only in part in place of that part
    ("Islamic" of "the Islamic State", which the NER calls a nationality).

    Names match whole-word and case-sensitively; a short all-capital alias ("IS") only
    between words that are not all capitals, so a headline in capitals adds nothing.
    """
    covered = [(m.start, m.end) for m in mentions]
    named = {(m.start, m.end) for m in mentions if lexicon.lookup(m.text)}  # "Islamic State" of "... group"
    kinds = {"person": PERSON, "armed_group": "ORG", "organization": "ORG", "government": "ORG"}
    label_of: dict[str, str] = {}
    for actor in lexicon.actors.values():
        if actor.type not in kinds:
            continue
        for a in (actor.name, *actor.aliases):
            if a[:1].isupper() and (len(a) > SHORT_NAME or a.isupper()):
                label_of[a] = kinds[actor.type]
    if not label_of:
        return mentions
    pattern = _names_pattern(frozenset(label_of))
    found = []
    replaced: set[tuple[int, int]] = set()
    # The mentions by start, so that a hit looks only at those starting less than the longest
    # mention before it (a scan of every mention per hit was the stage's largest cost).
    covered.sort()
    starts = [s for s, _e in covered]
    longest = max((e - s for s, e in covered), default=0)
    for hit in pattern.finditer(doc.text):
        name = hit.group()
        near = covered[
            bisect.bisect_right(starts, hit.start() - longest) : bisect.bisect_left(starts, hit.end())
        ]
        inside = [(s, e) for s, e in near if s < hit.end() and hit.start() < e]
        if inside and (
            label_of[name] == PERSON  # "President Obama": the title is stripped from the mention anyway
            or any(span in named for span in inside)
            or not all(hit.start() <= s and e <= hit.end() and e - s < len(name) for s, e in inside)
        ):
            continue  # a mention as long as the name or running past it stays
        if len(name) <= SHORT_NAME and _in_capitals(doc.text, hit.start(), hit.end()):
            continue
        replaced.update(inside)
        found.append(Mention(doc.id, hit.start(), hit.end(), label_of[name], name))
    return [m for m in mentions if (m.start, m.end) not in replaced] + found


@functools.lru_cache(maxsize=8)
def _names_pattern(names: frozenset[str]) -> re.Pattern[str]:
    """Any of the names as a whole word, longest first (built once per lexicon, not per article)."""
    alts = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    # The lookahead on the names' first letters changes no match; it lets the regex engine skip
    # to those letters instead of trying every name at every character (3.6x faster).
    initials = re.escape("".join(sorted({n[0] for n in names})))
    return re.compile(r"(?=[" + initials + r"])(?<![\w-])(?:" + alts + r")(?![\w-])")


def _in_capitals(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 20) : start].split()
    after = text[end : end + 20].split()
    near = [w for w in (before[-1:] + after[:1]) if any(c.isalpha() for c in w)]
    return any(w.isupper() for w in near)


def _lookup(text: str, lexicon: AliasLexicon) -> str | None:
    return lexicon.lookup(text) or lexicon.lookup(_strip_labels(strip_title(text)) or text)


def _fullest(names: Iterable[str]) -> str:
    """The spelling to show for a name: the longest, then not all capitals ("Carl Azuz" over
    "CARL AZUZ"), then the first in alphabetical order. The order is total, so the choice never
    depends on a set's iteration order, which varies with PYTHONHASHSEED (two runs on one Timeline17
    sample named 5 actors differently)."""
    return max(sorted(names), key=lambda n: (len(n), not n.isupper()))


def _full_names(mentions: list[Mention], lexicon: AliasLexicon) -> dict[str, str]:
    """Last-name key -> the one full person name in the article with it (ambiguous ones dropped)."""
    candidates: dict[str, set[str]] = {}
    for m in mentions:
        if m.label != PERSON:
            continue
        bare = strip_title(m.text)
        canonical = _lookup(m.text, lexicon)
        full = canonical if canonical and lexicon.actors[canonical].type == "person" else bare
        tokens = name_tokens(full)
        if len(tokens) >= 2:
            candidates.setdefault(tokens[-1], set()).add(full)
    out = {}
    for last, fulls in candidates.items():
        by_key = {name_key(f) for f in fulls}
        if len(by_key) == 1:
            out[last] = _fullest(fulls)
    return out


def _title_before(text: str, start: int) -> str:
    """The title words right before a person mention, lower case ("syrian president")."""
    window = fold(text[max(0, start - 80) : start]).split("\n")[-1]
    words = window.split()[-MAX_TITLE_WORDS:]
    # Keep the trailing run of capitalized words (and "of") before the name.
    run: list[str] = []
    for w in reversed(words):
        if w[:1].isupper() or w in ("of", "'s"):
            run.insert(0, w)
        else:
            break
    return re.sub(r"'s\b", "'s", " ".join(run)).lower().strip(" ,")


def _role_bindings(doc: ArticleDoc, mentions: list[Mention]) -> dict[str, str]:
    """Role phrase (lower case) -> person, from titled mentions in this article."""
    roles = load_titles().roles
    bound: dict[str, Counter[str]] = {}
    for m in mentions:
        if m.label != PERSON or not m.actor:
            continue
        title = _title_before(doc.text, m.start)
        for role in _suffix_role(title, roles):
            if title.endswith(role):
                prefix = title[: -len(role)].strip()
                for phrase in {
                    role,
                    f"{prefix} {role}".strip(),
                    f"{prefix.split()[-1]} {role}" if prefix else role,
                }:
                    bound.setdefault(phrase, Counter())[m.actor] += 1
                break
    return {phrase: c.most_common(1)[0][0] for phrase, c in bound.items() if len(c) == 1}


@functools.lru_cache(maxsize=4)
def _role_set(roles: tuple[str, ...]) -> frozenset[str]:
    return frozenset(roles)


def _suffix_role(title: str, roles: tuple[str, ...]) -> tuple[str, ...]:
    """The first of ``roles`` (longest first) that ``title`` ends with, as a one-role tuple, or
    none: the title's suffixes looked up in a set instead of every role tried per mention."""
    known = _role_set(roles)
    return next(((title[k:],) for k in range(len(title) + 1) if title[k:] in known), ())


@functools.lru_cache(maxsize=4)
def _description_pattern(roles: tuple[str, ...]) -> re.Pattern[str]:
    """'the (former) (Syrian) president': built once per roles list, not once per article."""
    return re.compile(
        r"\b[Tt]he ((?:former |[A-Z][\w'\u2019-]+ ){0,3}(?:" + "|".join(re.escape(r) for r in roles) + r"))\b"
    )


@functools.lru_cache(maxsize=4)
def _role_words(roles: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w for r in roles for w in r.split())


def _descriptions(doc: ArticleDoc, mentions: list[Mention], lexicon: AliasLexicon) -> list[Mention]:
    roles = load_titles().roles
    pattern = _description_pattern(roles)
    bindings = _role_bindings(doc, mentions)
    date = doc.published.date if doc.published else doc.article.published
    # A nationality adjective inside the description ("Syrian") may be a mention of its own, and
    # spaCy's "State" in "the former secretary of state" is part of the role, not a name.
    role_words = _role_words(roles)
    covered = [
        (m.start, m.end)
        for m in mentions
        if m.label not in ("NORP", "GPE") and not set(name_tokens(m.text)) <= role_words
    ]
    out = []
    for hit in pattern.finditer(doc.text):
        phrase = fold(hit.group(1)).lower()
        if " " not in phrase:
            # A bare "the president" binds only to the one president the article titles.
            person = bindings.get(phrase)
        else:
            person = bindings.get(phrase) or lexicon.role_holder(phrase, date)
        if person is None or any(s < hit.end() and hit.start() < e for s, e in covered):
            continue
        out.append(
            Mention(doc.id, hit.start(), hit.end(), DESCRIPTION, doc.text[hit.start() : hit.end()], person)
        )
    return out


def article_units(mentions: list[Mention], text: str | None = None) -> list[str | None]:
    """For each mention, the fullest surface name the article gives it, before any lexicon.

    "Hollande" -> "Francois Hollande" when the article names him in full; "French President
    Francois Hollande" -> "Francois Hollande"; "Daesh Takfiri" -> "Daesh"; with the article
    ``text``, "Mrs. Clinton" keeps its honorific when the lexicon knows that form. The
    cross-article resolver joins these units (with the lexicon among its rules, so a user can
    undo a join). Description mentions keep the actor they were bound to.
    """
    fulls: dict[str, set[str]] = {}
    for m in mentions:
        if m.label == PERSON:
            bare = strip_title(m.text)
            tokens = name_tokens(bare)
            if len(tokens) >= 2:
                fulls.setdefault(tokens[-1], set()).add(bare)
    by_key = {name_key(f): f for fs in fulls.values() for f in fs}
    # Lone surnames the article uses on their own ("Obama" in "Mr. Obama") also cut headlines.
    for m in mentions:
        bare = strip_title(m.text)
        if m.label == PERSON and len(name_tokens(bare)) == 1:
            by_key.setdefault(name_key(bare), bare)
    units: list[str | None] = []
    for m in mentions:
        if m.label == DESCRIPTION:
            units.append(m.actor)
            continue
        unit = _strip_labels(strip_title(m.text))
        tokens = name_tokens(unit)
        honorific = _honorific_form(text, m, unit) if text is not None else None
        prefix = _name_prefix(tokens, by_key, text, m.start) if m.label == PERSON else None
        if honorific:
            unit = honorific
        elif prefix:
            unit = prefix
        elif tokens and (m.label == PERSON or len(tokens) == 1):
            candidates = {f for f in fulls.get(tokens[-1], ()) if set(tokens) <= set(name_tokens(f))}
            if len({name_key(f) for f in candidates}) == 1:
                unit = _fullest(candidates)
        units.append(unit or None)
    return units


_HONORIFIC_BEFORE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr)\.?\s+$")


def _honorific_form(text: str, m: Mention, bare: str) -> str | None:
    """ "Mrs. Clinton" when the text says so and the lexicon knows that form (not plain "Clinton")."""
    hit = _HONORIFIC_BEFORE.search(text[max(0, m.start - 6) : m.start])
    if not hit or len(name_tokens(bare)) != 1:
        return None
    form = f"{hit.group(1)}. {bare}"
    return form if load_aliases().by_key.get(name_key(form)) else None


def _name_prefix(
    tokens: list[str], by_key: dict[str, str], text: str | None = None, at: int = 0
) -> str | None:
    """A full name this mention starts with, when spaCy ran on into a headline
    ("Ted Cruz Refuses" -> "Ted Cruz", "Obama Says" -> "Barack Obama", given those full
    names elsewhere in the article; a surname must fit exactly one of them).

    A cut at a single word reads that word as a surname; with the article ``text`` (the
    mention at offset ``at``) it is made only in a headline or when the words after it are
    words of the article ("says" in "he says"), not a name: "Frank Sesno" is not "Frank"
    (Barney Frank), "Katherine Jackson" not "Michael Katherine".
    """
    own = " ".join(tokens)
    for n in range(len(tokens) - 1, 0, -1):
        full = by_key.get(" ".join(tokens[:n]))
        if full and n > 1:
            return full
        if full:  # a lone name cuts only when the rest is no name ("Obama Says", not "Donald Trump")
            rest = set(tokens[n:])
            if not any(rest & set(k.split()) for k in by_key if k != own) and _run_on(rest, text, at):
                return full
    if len(tokens) >= 2 and " ".join(tokens) not in by_key and _run_on(tokens[1:], text, at):
        fits = {f for k, f in by_key.items() if k.split()[-1] == tokens[0]}
        if len(fits) == 1 and not any(k.split()[0] == tokens[0] for k in by_key):
            return fits.pop()
    return None


def _run_on(words: Iterable[str], text: str | None, at: int) -> bool:
    """Whether ``words`` after a name at offset ``at`` read as words the NER ran on into, not as
    the rest of a name: the line is a headline in title case ("Trump Calls ..."), or each word
    is written in lower case somewhere in the text ("Obama Did" beside "he did"), which a
    name ("Sesno", "Musa") is not. Without a text every cut passes (the other checks decide)."""
    if text is None:
        return True
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end >= 0 else len(text)]
    long_words = [w for w in re.findall(r"[^\W\d_][\w'\u2019-]*", line) if len(w) >= HEADLINE_WORD_LEN]
    if len(long_words) >= HEADLINE_MIN_WORDS and all(w[0].isupper() for w in long_words):
        return True
    return all(_standalone(w, text) for w in words)


_WORD_OR_HYPHEN = re.compile(r"[\w-]")


def _standalone(word: str, text: str) -> bool:
    """Whether ``word`` occurs in ``text`` with no word character or hyphen either side, as
    ``re.search(r"(?<![\\w-])" + re.escape(word) + r"(?![\\w-])", text)`` finds it (a search led
    by a lookbehind tries every position of the text; str.find goes to each occurrence)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _WORD_OR_HYPHEN.match(text[at - 1])) and (
            end == len(text) or not _WORD_OR_HYPHEN.match(text[end])
        ):
            return True
        at = text.find(word, at + 1)
    return False


def resolve_mentions(doc: ArticleDoc, user_aliases: str | None = None) -> list[Mention]:
    """The article's mentions with ``actor`` set to a canonical name, in text order.

    Also returns description mentions (label ``DESC``) and lexicon names spaCy missed.
    ``user_aliases`` is the path of a user alias YAML file loaded over the bundled one.
    """
    lexicon = load_aliases(user_aliases)
    # Descriptions are found again below; dropping earlier ones keeps a second run identical.
    mentions = _split_paragraphs([m for m in doc.mentions if m.label != DESCRIPTION])
    mentions = [_trim_labels(m, lexicon) for m in mentions]
    mentions = _lexicon_gaps(doc, mentions, lexicon)
    mentions = _retype_places(mentions, lexicon, doc.text)
    mentions = sorted(mentions + _place_repeats(doc, mentions), key=lambda m: (m.start, m.end))
    fulls = _full_names(mentions, lexicon)
    prefixes = {name_key(f): f for f in fulls.values()}
    resolved = []
    for m in mentions:
        bare = strip_title(m.text)
        tokens = name_tokens(bare)
        canonical = None
        honorific = _honorific_form(doc.text, m, bare)
        prefix = _name_prefix(tokens, prefixes, doc.text, m.start) if m.label == PERSON else None
        if honorific or prefix:
            canonical = _lookup(honorific or prefix or "", lexicon) or prefix
        elif tokens and (m.label == PERSON or len(tokens) == 1) and tokens[-1] in fulls:
            full = fulls[tokens[-1]]
            # "Hollande" or "Francois Hollande": every token of the mention is in the full name.
            if set(tokens) <= set(name_tokens(full)):
                canonical = _lookup(full, lexicon) or full
        if canonical is None:
            canonical = _lookup(m.text, lexicon)
        if canonical is None:
            stripped = _strip_labels(bare)
            canonical = stripped if stripped else None
        resolved.append(replace(m, actor=canonical))
    descriptions = _descriptions(doc, resolved, lexicon)
    resolved = [m for m in resolved if not any(d.start <= m.start and m.end <= d.end for d in descriptions)]
    return sorted(resolved + descriptions, key=lambda m: (m.start, m.end))


@functools.lru_cache(maxsize=1)
def _trim_words() -> frozenset[str]:
    """Label words cut off a mention's ends: the framing lexicon's one-word labels that
    ``LABEL_WORDS`` also drops before lookup ("Takfiri", "terrorist"; not "group")."""
    forms = {
        f.lower() for x in load_yaml("framing_labels.yaml")["labels"] for f in x["forms"] if " " not in f
    }
    return frozenset(forms & LABEL_WORDS)


def _trim_labels(m: Mention, lexicon: AliasLexicon) -> Mention:
    """The mention without framing labels at its ends ("Daesh Takfiri" -> "Daesh"): the label is
    the framing stage's, and the name alone is what the actor is called. A lexicon name that
    holds such a word ("Assad regime") and a mention of labels alone ("Takfiri") stay."""
    words = list(re.finditer(r"\S+", m.text))
    trim = _trim_words()
    lo, hi = 0, len(words)
    while hi - lo > 1 and fold(words[hi - 1].group()).lower().strip(".,") in trim:
        hi -= 1
    while hi - lo > 1 and fold(words[lo].group()).lower().strip(".,") in trim:
        lo += 1
    if (lo, hi) == (0, len(words)) or lexicon.lookup(m.text):
        return m
    start, end = words[lo].start(), words[hi - 1].end()
    return replace(m, start=m.start + start, end=m.start + end, text=m.text[start:end])


def is_demonym(name: str) -> bool:
    """A people's name of the countries lexicon that the gazetteer would geocode as some town,
    through that town's alternate names ("Kazakh" -> Petropavl, "Thai" -> Alor Setar, "Turk" ->
    Angren): never a place. Short country names there ("UK", "Britain") and names that are a
    place's own ("Washington") are not; the gazetteer finds no place for the other demonyms."""
    from storyline.crossdoc.storycountries import demonym_country

    if demonym_country(name) is None:
        return False
    place = find_place(name)
    return place is not None and place.kind != "country" and name_key(place.name) != name_key(name)


def _retype_places(mentions: list[Mention], lexicon: AliasLexicon, text: str = "") -> list[Mention]:
    """A place mention that starts a broadcaster's name ("Europe 1 radio") becomes that name (ORG),
    a demonym the NER calls a place ("the Kazakh capital") a nationality (NORP), and a
    one-word PERSON/ORG mention naming a well-known place ("in Palmyra", "province of Hama") a
    place (GPE); see ``PLACE_RETYPE_MIN_POPULATION`` for the guards."""
    in_full_names: set[str] = set()
    for m in mentions:
        tokens = name_tokens(strip_title(m.text))
        if m.label == PERSON and len(tokens) >= 2:
            in_full_names.update(tokens)
    places = [m for m in mentions if m.label in PLACE_LABELS]
    place_texts = {m.text for m in places}
    out = []
    for m in mentions:
        broadcaster = _broadcaster(text, m) if m.label in PLACE_LABELS else None
        if broadcaster:
            m = replace(m, end=m.start + len(broadcaster), text=broadcaster, label="ORG")
        elif m.label in PLACE_LABELS and is_demonym(strip_title(m.text)):
            m = replace(m, label="NORP")
        elif (
            m.label in (PERSON, "ORG")
            and _names_place(m.text, lexicon, in_full_names)
            and (m.text in place_texts or _place_context(text, m, places))
        ):
            m = replace(m, label="GPE")
        out.append(m)
    return out


def _names_place(name: str, lexicon: AliasLexicon, in_full_names: set[str]) -> bool:
    tokens = name_tokens(name)
    if len(tokens) != 1 or tokens[0] in in_full_names or not name[:1].isupper() or is_demonym(name):
        return False
    canonical = lexicon.lookup(name)
    if canonical is not None and lexicon.actors[canonical].type not in ("place", "country"):
        return False
    place = find_place(name)
    return place is not None and (place.kind == "country" or place.population >= PLACE_RETYPE_MIN_POPULATION)


@functools.lru_cache(maxsize=1)
def _place_cues() -> tuple[frozenset[str], frozenset[str]]:
    data = load_yaml("place_cues.yaml")
    return frozenset(data["prepositions"]), frozenset(data["place_nouns"])


def _broadcaster(text: str, m: Mention) -> str | None:
    """The name of a broadcaster a place mention starts ("Europe 1" of "Europe 1 radio")."""
    hit = re.match(r"[ \t]+(\d{1,3})[ \t]+([A-Za-z]+)", text[m.end : m.end + 30])
    if hit and hit.group(2).lower() in _broadcast_words():
        return f"{m.text} {hit.group(1)}"
    return None


@functools.lru_cache(maxsize=1)
def _broadcast_words() -> frozenset[str]:
    return frozenset(load_yaml("place_cues.yaml")["broadcast_words"])


def _place_context(text: str, m: Mention, places: list[Mention]) -> bool:
    """Whether the words around a mention make it a place: a locative preposition before it
    ("in Palmyra"), a place noun and "of" ("the province of Hama"), or a place mention beside it
    in a list ("Homs, Hama, Deraa")."""
    if not text:
        return False
    prepositions, nouns = _place_cues()
    before = re.findall(r"[\w'-]+", text[max(0, m.start - 40) : m.start].lower())
    if before and before[-1] in prepositions:
        return True
    if len(before) >= 2 and before[-1] == "of" and before[-2] in nouns:
        return True
    for p in places:
        gap = text[p.end : m.start] if p.end <= m.start else text[m.end : p.start]
        if len(gap) <= 6 and re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*", gap):
            return True
    return False


# A capitalized word or a number right after a place name ("Raqqa Province").
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z0-9]")
_NAME_CHAR = re.compile(r"[\w'-]")


def _capitalized_before(text: str, at: int) -> bool:
    """Whether ``text[:at]`` ends in a capitalized word and spaces or tabs ("Free Raqqa"), as
    ``re.search(r"[A-Z][\\w'-]*[ \\t]+$", text[:at])`` finds, read backwards from ``at`` (that
    search of the whole text before each repeat was quadratic in the article's length); ``$``
    also matches before a new line that ends the string."""
    return _ends_capitalized(text, at) or (
        at > 0 and text[at - 1] == "\n" and _ends_capitalized(text, at - 1)
    )


def _ends_capitalized(text: str, at: int) -> bool:
    i = at
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == at:
        return False
    j = i
    while j > 0 and _NAME_CHAR.match(text[j - 1]):
        j -= 1
    return any("A" <= c <= "Z" for c in text[j:i])


def _place_repeats(doc: ArticleDoc, mentions: list[Mention]) -> list[Mention]:
    """Untagged repeats of a place the article's own mentions name ("Raqqa is a symbol" after
    "Raqqa" was tagged elsewhere): whole word, same case, not beside another capitalized word
    ("Raqqa Province", "Free Raqqa"), in the gazetteer and no demonym."""
    names = {
        m.text
        for m in mentions
        if m.label in PLACE_LABELS and m.text[:1].isupper() and find_place(m.text) and not is_demonym(m.text)
    }
    if not names:
        return []
    covered = [(m.start, m.end) for m in mentions]
    text = doc.text
    found = []
    for hit in _names_pattern(frozenset(names)).finditer(text):
        if any(s < hit.end() and hit.start() < e for s, e in covered):
            continue
        if _CAPITAL_AFTER.match(text, hit.end()) or _capitalized_before(text, hit.start()):
            continue
        found.append(Mention(doc.id, hit.start(), hit.end(), "GPE", hit.group()))
    return found
