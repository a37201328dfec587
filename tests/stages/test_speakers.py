"""Speaker resolution within an article: names, surnames, pronouns, descriptions, organizations."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from tests.conftest import seed_path, speaker_of

from storyline.pipeline import ArticlePipeline
from storyline.records import ArticleFacts, RawDocument
from storyline.stages.attributions import extract_attributions
from storyline.stages.speaker_names import canonical_person, longer_org_names, surname_key
from storyline.stages.speaker_titles import load_titles
from storyline.stages.speakers import SpeakerResolver
from storyline.testing import article_doc


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Bashar Al-Assad", "assad"),
        ("Al Assad", "assad"),
        ("Assad", "assad"),
        ("Mr. Trump's", "trump"),
        ("President Bashar al-Assad", "assad"),
    ],
)
def test_surname_key(name: str, key: str) -> None:
    assert surname_key(name, load_titles()) == key


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Bashar Al-Assad", "Bashar al-Assad"),
        ("President Francois Hollande", "Francois Hollande"),
        ("Mr. Trump", "Trump"),
        ("Al Assad", "Al Assad"),
    ],
)
def test_canonical_person(name: str, canonical: str) -> None:
    assert canonical_person(name, load_titles()) == canonical


# (text, speaker words, which occurrence, expected canonical speaker or None)
RESOLVE = [
    # a surname after the full name
    (
        "Syrian President Bashar al-Assad spoke on Monday. Assad said the war was over.",
        "Assad",
        1,
        "Bashar al-Assad",
    ),
    # a pronoun: the nearest person in subject position
    ("Francois Hollande spoke in Paris on Thursday. He said France would act.", "He", 0, "Francois Hollande"),
    # gender tells two people apart
    (
        "Hillary Clinton met Bernie Sanders on Monday. Later she said the meeting went well.",
        "she",
        0,
        "Hillary Clinton",
    ),
    # a description by role and nationality
    (
        "Syrian President Bashar al-Assad met French President Francois Hollande. "
        "The Syrian president said talks would go on.",
        "The Syrian president",
        0,
        "Bashar al-Assad",
    ),
    (
        "Syrian President Bashar al-Assad met French President Francois Hollande. "
        "The French president said talks would go on.",
        "The French president",
        0,
        "Francois Hollande",
    ),
    # a country's possessive matches a title by its demonym ("France’s" and "French President")
    (
        "French President Francois Hollande arrived. Syrian President Bashar al-Assad arrived. "
        "France’s president said he rejected any cooperation.",
        "France’s president",
        0,
        "Francois Hollande",
    ),
    (
        "Syrian Foreign Minister Walid Muallem met Russian Foreign Minister Sergei Lavrov. "
        "Syria’s foreign minister said the talks failed.",
        "Syria’s foreign minister",
        0,
        "Walid Muallem",
    ),
    # a role the article never gives the person: the alias lexicon's role holder among its persons
    (
        "France’s president rejected Thursday any cooperation with Bashar Assad. "
        "Francois Hollande spoke in Paris.",
        "France’s president",
        0,
        "Francois Hollande",
    ),
    # "the Syrian leader" for a person introduced as president
    (
        "President Bashar al-Assad gave an interview on Thursday. The Syrian leader said the war was over.",
        "The Syrian leader",
        0,
        "Bashar al-Assad",
    ),
    # an organization, its short form resolved to the full one
    (
        "The Syrian Observatory for Human Rights counted the dead. The Observatory said 48 people died.",
        "The Observatory",
        0,
        "Syrian Observatory for Human Rights",
    ),
    # a relative pronoun resolves through the noun it describes
    ("The vote was called by Senator John Doe, who said it was urgent.", "who", 0, "John Doe"),
    # "his French counterpart": the person with that role from the modifier's country
    (
        "Syrian President Bashar al-Assad met Russian President Vladimir Putin. French President Francois "
        "Hollande spoke in Paris. Assad said his French counterpart had no say in Syria.",
        "his French counterpart",
        0,
        "Francois Hollande",
    ),
    # an organization described by its kind ("the influential US daily")
    (
        "The New York Times endorsed Hillary Clinton on Saturday. The influential US daily said she was the best choice.",
        "The influential US daily",
        0,
        "New York Times",
    ),
    # unresolvable stays unresolved
    ("An official said the talks went well.", "An official", 0, None),
    ("The talks failed on Monday. They said nothing more.", "They", 0, None),
    ("Officials met in Geneva. Officials said the talks failed.", "Officials", 1, None),
    # "Assad's regime" is not Assad
    (
        "Bashar al-Assad spoke on Monday. Assad’s regime said it was willing to talk.",
        "Assad’s regime",
        0,
        None,
    ),
    # Timeline17 audit (evaluation/quote_audit.py): a plural description is a group, never the
    # one person or organization named in or near it
    (
        "The UN says the disaster is historic. Aid agencies say supplies are stuck at the airport.",
        "Aid agencies",
        0,
        None,
    ),
    (
        "Hosni Mubarak spoke on Friday. Opponents of the Mubarak regime say the law muzzles critics.",
        "Opponents of the Mubarak regime",
        0,
        None,
    ),
    (
        "Gaddafi's forces attacked. Witnesses in Misrata and Zawiyah said tanks were on the outskirts.",
        "Witnesses in Misrata and Zawiyah",
        0,
        None,
    ),
    # a group named in apposition is named by its first member
    (
        "Two objectors, Lawrence Joyce and William Graham, said the petitions were invalid.",
        "Two objectors, Lawrence Joyce and William Graham,",
        0,
        "Lawrence Joyce",
    ),
    # an indefinite description is someone new, never the organization named last (Timeline17
    # audit: "a large trucking company told ..." was given TARP, "a US court" Geneva)
    (
        "Banks sought shelter under the Troubled Asset Relief Program. A large trucking company "
        "told regulators it will seek $1 billion.",
        "A large trucking company",
        0,
        None,
    ),
    # a description with its own modifiers is not the organization named last unless they match
    (
        "Protesters gathered in Tajoura. Morocco's Quryna newspaper reported that several were killed.",
        "Morocco's Quryna newspaper",
        0,
        None,
    ),
    # an organization named in apposition to the description is the speaker
    (
        "Adrian Edwards of the UNHCR spoke. A UK-based activist group, the Syrian Observatory for "
        "Human Rights, said government forces bombed Sakhur.",
        "A UK-based activist group, the Syrian Observatory for Human Rights,",
        0,
        "Syrian Observatory for Human Rights",
    ),
    # a bare definite description still takes the organization named last
    (
        "The Syrian Observatory for Human Rights counted 80 dead. The monitor said shelling went on.",
        "The monitor",
        0,
        "Syrian Observatory for Human Rights",
    ),
    # a conjunction of names is still named by its first name
    (
        "Randy Jackson and Jermaine Jackson said the timing was wrong.",
        "Randy Jackson and Jermaine Jackson",
        0,
        "Randy Jackson",
    ),
    # an honorific inside the name's own mention ("Ms Byrs") gives the gender, so "he" is the other man
    (
        "UN spokesman Elisabeth Byrs spoke in Geneva. Jean Chauzy of the IOM said Haiti was complex. "
        "He said aid was slow. Ms Byrs said the capital was calm. He said roads were blocked.",
        "He",
        1,
        "Jean Chauzy",
    ),
]


@pytest.mark.parametrize(("text", "words", "occurrence", "expected"), RESOLVE)
def test_resolve(text: str, words: str, occurrence: int, expected: str | None) -> None:
    assert speaker_of(text, words, occurrence) == expected


def test_lexicon_role_holds_only_at_the_articles_date() -> None:
    # Hollande was France's president 2012-2017 (aliases.yaml): not in a 2019 article
    text = "France’s president rejected any cooperation with Bashar Assad. Francois Hollande spoke in Paris."
    start = text.index("France’s president")
    for published, expected in (("2014-08-28", "Francois Hollande"), ("2019-03-01", None)):
        doc = article_doc(text, published=published)
        assert SpeakerResolver(doc).resolve(start, start + len("France’s president")) == expected


def test_first_person_inside_a_quote_is_the_quotes_speaker() -> None:
    text = "“I think we will win,” Francois Hollande said on Thursday."
    attrs = extract_attributions(article_doc(text))
    assert any(a.speaker == "Francois Hollande" for a in attrs)
    for a in attrs:
        if a.speaker_span is not None and a.speaker_span.text(text) in ("I", "we"):
            assert a.speaker == "Francois Hollande"


# Every speaker span in the four seeds that names or points to an actor, with the actor it
# means (hand-labelled). The resolver's accuracy on them is measured, and pinned, here.
SEED_SPEAKERS = {
    "000": {
        "Al Assad": "Bashar al-Assad",
        "Assad": "Bashar al-Assad",
        "he": "Bashar al-Assad",
        "He": "Bashar al-Assad",
        "The Syrian leader": "Bashar al-Assad",
        "the Syrian president": "Bashar al-Assad",
        "Hollande": "Francois Hollande",
    },
    "001": {
        "Assad": "Bashar al-Assad",
        "The Syrian president": "Bashar al-Assad",
        "Mariani": "Thierry Mariani",
        "One of the visiting French lawmakers, Thierry Mariani,": "Thierry Mariani",
        "The Britain-based Syrian Observatory for Human Rights": "Syrian Observatory for Human Rights",
    },
    "002": {
        "he": "Francois Hollande",
        "Hollande": "Francois Hollande",
        "France’s president": "Francois Hollande",
    },
    "003": {
        "Lecointre": "Francois Lecointre",
        "He": "Francois Lecointre",
        "The French military chief": "Francois Lecointre",
        "France’s Chief of Defense Staff Francois Lecointre": "Francois Lecointre",
    },
}
# Measured: 47 of the 47 labelled speaker spans the extractor finds in the seeds resolve right.
# The seeds were looked at while building the resolver, so this is a regression floor, not a
# held-out figure; PolNeAR has no coreference gold to measure it at scale.
SEED_RESOLUTION_FLOOR = 0.95


def test_seed_speaker_resolution_accuracy() -> None:
    right = total = 0
    misses = []
    for seed, expected in SEED_SPEAKERS.items():
        text = seed_path(seed).read_text(encoding="utf-8")
        for a in extract_attributions(article_doc(text)):
            if a.speaker_span is None:
                continue
            words = a.speaker_span.text(text)
            if words not in expected:
                continue
            total += 1
            if a.speaker == expected[words]:
                right += 1
            else:
                misses.append((seed, words, a.speaker))
    assert total >= 40, total
    assert right / total >= SEED_RESOLUTION_FLOOR, misses


# ---- which span is the source (stages/cue_sources.py: cue_subject and its helpers) ----------

# (text, words of the content, expected source span text or None, expected canonical speaker)
SOURCES = [
    # a cue under a preposition takes the subject of the verb the preposition hangs on
    (
        "Donald Trump responded by saying he should not have called Rubio a lightweight.",
        "he should not have called Rubio a lightweight",
        "Donald Trump",
        "Donald Trump",
    ),
    (
        "Besides attacking the former president, Mr. Trump asserted that Planned Parenthood did good work.",
        "the former president",
        "Mr. Trump",
        "Trump",
    ),
    # ... and through the noun the preposition modifies ("took the step of criticizing")
    (
        "Clinton's campaign took the unusual step of criticizing the intelligence community.",
        "the intelligence community",
        "Clinton's campaign",
        None,
    ),
    # an adjective between the cue and the subject ("is likely to remind")
    (
        "Speaker Paul Ryan is also likely to remind voters that he backed the bill.",
        "that he backed the bill",
        "Speaker Paul Ryan",
        "Paul Ryan",
    ),
    # a subject-less parse: the mislabelled noun phrase before the cue, or the one after it
    (
        "Less than a third agreed with the President that Britain would have to wait its turn.",
        "that Britain would have to wait its turn",
        "Less than a third",
        None,
    ),
    (
        '"Our political revolution has already forced a change," read the email.',
        '"Our political revolution has already forced a change,"',
        "the email",
        None,
    ),
    # a name the parser hung on a fronted phrase ("In a statement ..., X, said")
    (
        "In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: "
        "“Hillary Clinton believes that cooperation is essential.”",
        "“Hillary Clinton believes that cooperation is essential.”",
        "Jake Sullivan",
        "Jake Sullivan",
    ),
    # "Asked about X, Y said": who asked is not named
    ("Asked about the new poll, Reince Priebus said the party was united.", "the new poll", None, None),
    # what a statement, an ad or a resolution says, the one who issued it says
    (
        "The St. Paul City Council approved a resolution condemning the remarks.",
        "the remarks",
        "The St. Paul City Council",
        "St. Paul City Council",
    ),
    # of two subjects the parser gave one verb, the nearest (a dateline is never a speaker)
    (
        "Washington (AFP) – Democrat Hillary Clinton has taken a swipe at Donald Trump’s stance on Brexit, "
        "saying that bombastic comments do more harm than good.",
        "that bombastic comments do more harm than good",
        "Democrat Hillary Clinton",
        "Hillary Clinton",
    ),
    # a conjunct of a passive verb takes its subject, not the agent
    (
        "FBI officials were angered by the deal and predicted it would affect other cases.",
        "it would affect other cases",
        "FBI officials",
        None,
    ),
    # a quote that ends its own sentence takes the cue of the next one
    (
        "“Who do they think they are?” Donald Trump said.",
        "“Who do they think they are?”",
        "Donald Trump",
        "Donald Trump",
    ),
    # a headline's subtitle the parser hung on the headline: its own line's name is the source
    (
        "France rules out cooperation with Syria against Islamic State\n\nFrancois Hollande says Assad "
        "cannot be a partner against terrorism, as he is a 'de facto ally of jihadists'\n\nPARIS, France — "
        "France’s president rejected Thursday any cooperation with Bashar Assad.",
        "Assad cannot be a partner against terrorism, as he is a 'de facto ally of jihadists'",
        "Francois Hollande",
        "Francois Hollande",
    ),
    # the speaker's own next cue ends the content of the first ("..., telling X that ...")
    (
        "Ben Carson said he saw no need to change anything about his campaign, telling George "
        "Stephanopoulos that his team tells the truth.",
        "he saw no need to change anything about his campaign",
        "Ben Carson",
        "Ben Carson",
    ),
]


@pytest.mark.parametrize(("text", "content", "source", "speaker"), SOURCES)
def test_source_span(text: str, content: str, source: str | None, speaker: str | None) -> None:
    attrs = [
        a for a in extract_attributions(article_doc(text)) if any(s.text(text) == content for s in a.content)
    ]
    assert attrs, [[s.text(text) for s in a.content] for a in extract_attributions(article_doc(text))]
    a = attrs[0]
    assert (a.speaker_span.text(text) if a.speaker_span else None) == source
    assert a.speaker == speaker


# ---- content boundaries (stages/cue_contents.py: clause_span, object_span) --------------

# (text, the content expected, exactly)
BOUNDARIES = [
    # an object cue's content keeps the prepositional phrase that completes the object ...
    (
        "Maria Lopez expressed her stance in support of the new law during the rally.",
        "her stance in support of the new law",
    ),
    # a trailing non-restrictive relative clause is left out
    (
        "Jane Smith said the plan was dropped by Tom Brown, who was her chief of staff at the time.",
        "the plan was dropped by Tom Brown",
    ),
    ("Bashar al-Assad criticized the report, which had been in the works since the summer.", "the report"),
    # a second "that" clause the parser hung on the cue is reported too
    (
        "Rubio said he would secure the border and create a guest-worker program, but that he would not "
        "support mass deportation.",
        "that he would not support mass deportation",
    ),
    # ... and the speaker's own next cue ends a reported clause
    (
        "Ben Carson said he saw no need to change anything about his campaign, telling George "
        "Stephanopoulos that his team tells the truth.",
        "he saw no need to change anything about his campaign",
    ),
]


@pytest.mark.parametrize(("text", "content"), BOUNDARIES)
def test_content_boundary(text: str, content: str) -> None:
    attrs = extract_attributions(article_doc(text))
    assert any(content in [s.text(text) for s in a.content] for a in attrs), [
        [s.text(text) for s in a.content] for a in attrs
    ]


# A role only a user's alias file knows ("the mayor of Paris" is no role of aliases.yaml), in
# the bundled file's format; the holder is never titled in the article, so only the lexicon binds.
USER_ROLES = (
    "actors:\n"
    "  - name: Anne Hidalgo\n"
    "    type: person\n"
    "    aliases: [Hidalgo]\n"
    "    roles:\n"
    "      - {role: mayor of paris, from: 2014-04-05}\n"
)
MAYOR_TEXT = (
    "Seine swim\n\nThe mayor of Paris said on Monday that the river would be clean by July. "
    "Anne Hidalgo swam in the Seine last summer."
)


def _speakers(facts: ArticleFacts) -> dict[str, str | None]:
    text = facts.article.text
    return {a.speaker_span.text(text): a.speaker for a in facts.attributions if a.speaker_span}


def test_a_user_alias_file_gives_the_role_holder_to_the_speakers(tmp_path: Path) -> None:
    user = tmp_path / "mine.yaml"
    user.write_text(USER_ROLES)
    doc = RawDocument(text=MAYOR_TEXT, source="t.txt", published="2024-07-01", published_how="given")
    # the pipeline ships pickled to workers: the user file must travel with it
    pipeline = pickle.loads(pickle.dumps(ArticlePipeline(aliases=str(user))))
    assert _speakers(pipeline(doc)) == {"The mayor of Paris": "Anne Hidalgo"}
    assert _speakers(ArticlePipeline()(doc)) == {"The mayor of Paris": None}


def test_the_bundled_role_holders_need_no_user_file() -> None:
    text = (
        "France visit\n\nFrance’s president said on Thursday that talks would go on. Francois Hollande spoke."
    )
    doc = RawDocument(text=text, source="t.txt", published="2014-08-28", published_how="given")
    assert _speakers(ArticlePipeline()(doc)) == {"France’s president": "Francois Hollande"}


def test_a_short_org_name_takes_the_first_of_equally_long_longer_names() -> None:
    # both orders of the same names: the text decides, not the order of a set
    assert longer_org_names(["Time’s Person", "Time Magazine", "Time"])["Time"] == "Time’s Person"
    assert longer_org_names(["Time Magazine", "Time’s Person", "Time"])["Time"] == "Time Magazine"
    assert longer_org_names(["Time", "Time Magazine Group", "Time Magazine"]) == {
        "Time": "Time Magazine Group",
        "Time Magazine": "Time Magazine Group",
    }
    assert longer_org_names(["Timex", "Time Magazine"]) == {}
