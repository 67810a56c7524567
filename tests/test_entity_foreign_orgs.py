"""On a page in German (every noun capitalised), an organization's name the rules find
loses the nouns that govern it ("Nutzung der ...", "Die ..."), and a lone organization
word left ("von Office", "Das Radio") is no name; a phrase opening with a German function
word ("Im Gegensatz") is no person. English texts are not touched. Fictional names
throughout."""

from __future__ import annotations

from builder.extract.entities import extract_entities

GERMAN = (
    "Die Absolventen der Velmora University haben nicht mit der Presse gesprochen. Laut der "
    "Ostrakan Energy Agency ist die Nutzung von Office in der Schule ein Problem, und das "
    "ist nicht neu. Das Radio hat es auch gesagt, wie die Zeitung schreibt. Die Brannock "
    "GmbH ist mit dem Ergebnis nicht zufrieden und will es auch nicht sein."
)


def test_german_nouns_before_a_name_are_no_part_of_it() -> None:
    organizations = extract_entities(GERMAN, {}).organizations
    assert "Velmora University" in organizations
    assert "Ostrakan Energy Agency" in organizations
    assert "Brannock GmbH" in organizations
    assert not any(name.startswith(("Absolventen", "Laut", "Die ", "Das ", "Nutzung"))
                   for name in organizations)
    assert "Office" not in organizations
    assert "Radio" not in organizations


def test_an_english_text_keeps_the_names_it_writes() -> None:
    organizations = extract_entities(
        "The Museum der Velmora Foundation said on Monday that it would close, and the "
        "city was sad about it.", {}).organizations
    assert organizations == ["Museum der Velmora Foundation"]


def test_german_phrases_are_no_people() -> None:
    people = extract_entities(
        "Im Gegensatz zu Ilse Varnholt hat der Verein nicht gewonnen. Eine Maske ist in der "
        "Stadt Pflicht, und das Ende des Jahres ist nah. Ursula von der Velmora sagt, dass "
        "es nicht so ist.", {}).people
    assert not any(name.startswith(("Im ", "Eine ", "Ende ")) for name in people)
    assert "Ilse Varnholt" in people


def test_german_nouns_that_spell_a_town_are_no_places() -> None:
    # the rule is for the gazetteer's places, so real town names show it
    places = extract_entities(
        "Das Essen war gut, und wir waren in den Bergen. Ilse Varnholt wohnt in der Mitte "
        "des Dorfes, aber sie fährt oft nach Hamburg, und das ist nicht weit.", {}).places
    assert "Essen" not in places
    assert "Bergen" not in places
    assert "Mitte" not in places
    assert "Hamburg" in places


#: A fictional page in German whose nouns look like names: possessives and demonstratives
#: before a noun ("Mein Ziel", "Deren Ehemann"), nouns the text writes after an article
#: ("der Tod", "die Gelegenheit", "die Welt").
GERMAN_NOUNS = (
    "Mein Ziel war es, die Welt zu verändern, sagte Ilse Varnholt in Velmora. Meine Familie "
    "hat das nicht verstanden. Deren Ehemann Jonas Telmark sieht es anders. Tod Teil der "
    "Geschichte: der Tod ist ein Teil des Lebens, und das ist auch nicht neu. Jonas Telmark "
    "Gelegenheit hat er nicht, und die Gelegenheit kommt nicht wieder. Die Welt ist groß, "
    "und Welt ist nicht alles, sagt Varnholt. Es ist mit dem Ziel nicht getan."
)


def test_german_possessives_and_nouns_open_no_person() -> None:
    """Dev pages of the unseen half (makronom.de, aeb's German blogs) gave "Mein Ziel",
    "Meine Familie", "Deren Ehemann", "Tod Teil" index pages of people."""
    people = extract_entities(GERMAN_NOUNS, {}).people
    assert "Ilse Varnholt" in people and "Jonas Telmark" in people
    assert not any(name.startswith(("Mein", "Deren", "Tod")) for name in people), people
    assert not any(name.endswith("Gelegenheit") for name in people), people


def test_a_german_noun_is_no_other_events_surname() -> None:
    """The timeline's "Oetker Welt" was read into "die Welt" of 24 German pages; "Marta
    Welt" of another event is not read into this page's "Welt" (a noun here: "die Welt"),
    but a surname that speaks still is in English ("Welt said")."""
    people = extract_entities(GERMAN_NOUNS, {}, known_people=["Marta Welt"]).people
    assert "Marta Welt" not in people
    english = ("The Velmora harbour board met on Monday. The ferry will run again in May, "
               "Welt said, and the pier will be repaired by the end of the year.")
    assert "Marta Welt" in extract_entities(english, {}, known_people=["Marta Welt"]).people


def test_a_german_abstract_noun_closes_no_persons_name() -> None:
    """On unseen dev-half pages in German, a noun after a name was read as its surname:
    "Venus Besserung", "John Barbour Bekleidung" got people pages. A word with the ending of
    a German abstract noun (-ung, -heit, -keit, -schaft, -ität, -nis; 8 letters or more) ends
    no name; a short surname with such an ending stays ("Ilse Hartung"). Fictional names."""
    shop = ("Im Shop gibt es Jacken und Mäntel. Mira Fenwald Bekleidung ist seit 1990 in "
            "Velmora. Ilse Hartung leitet den Laden, und die Kunden sind zufrieden.")
    people = extract_entities(shop, {}).people
    assert "Ilse Hartung" in people and "Mira Fenwald" in people, people
    wish = ("Die Katze ist krank. Wir wünschen Mira Besserung und viel Kraft, schrieb Ilse "
            "Hartung aus Velmora an die Leser.")
    assert extract_entities(wish, {}).people == ["Ilse Hartung"]


def test_a_prize_or_a_preposition_makes_no_person() -> None:
    """On unseen dev-half pages, "Adolf Grimme Preis" (a prize, in German) and "En la Corte"
    (Spanish: "in the court") had people pages. A name ending in a prize's, a law's, a
    publisher's or a venue's word of these languages is no person, as in English ("Nobel
    Prize"); on a page not in English, a Romance preposition opens no person. Fictional
    names."""
    german = ("Ilse Varnholt hat viele Preise gewonnen. Jonas Telmark Preis und andere "
              "Ehrungen folgten, sagte sie in Velmora.")
    assert extract_entities(german, {}).people == ["Ilse Varnholt"]
    spanish = ("El juez Marco Vilar habló ayer en Valdoria. En la Corte no hubo acuerdo, dijo "
               "Lucía Ferrán a los periodistas. Los abogados de Ostrakan no respondieron.")
    assert extract_entities(spanish, {}).people == ["Marco Vilar", "Lucía Ferrán"]


def test_a_name_in_the_german_genitive_before_a_noun_is_the_person() -> None:
    """"Hillary Clintons E-Mails" had a people page of 3 events on the unseen dev-half
    timeline. A name in the genitive before a noun is the person, when the text writes her
    name too; otherwise it is left as it was. Fictional names."""
    text = ("Der Ausschuss in Velmora tagte am Montag, sagte Ilse Varnholt den Reportern. "
            "Ilse Varnholts E-Mails aus dem Jahr 2019 sind nun öffentlich, sagte Jonas "
            "Telmark. Die Opposition verlangt Aufklärung.")
    assert extract_entities(text, {}).people == ["Ilse Varnholt", "Jonas Telmark"]


def test_a_role_noun_before_a_name_in_german_is_no_part_of_it() -> None:
    """German writes a person's role as a capitalised noun before her name ("Bundeskanzlerin
    Angela Merkel", "Der Reporter Juan Moreno", "des Kandidaten Jair Bolsonaro"): on unseen
    dev-half pages the rules dropped such a run whole, so the page named nobody and another
    event's person was read into its lone surname. The name after the noun is the person;
    a place's name after a lower-case word stays none ("der Garten Eden von New York").
    Fictional names."""
    text = ("Die Partei sprach am Montag mit Hafenmeisterin Ilse Varnholt über den neuen Pier. "
            "Der Reporter Tomas Quennell hat die Stadt besucht, und das ist nicht neu. "
            "Ostrakan ist der Garten Eden von Velmora, sagt die Zeitung.")
    people = extract_entities(text, {}).people
    assert "Ilse Varnholt" in people and "Tomas Quennell" in people, people
    assert not any(name.startswith(("Hafenmeisterin", "Reporter", "Eden")) for name in people)
