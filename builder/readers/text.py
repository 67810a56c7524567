"""Reader for pasted web text (`.txt`): an article copied from a browser window, or a whole
page pasted as text (menus, cookie notices, share buttons, related lists and footers too).

The reader finds the article in the page and keeps only it. It works in three steps, with
general rules only (no rule knows a site):

1. **Lines to blocks.** Marks that text browsers leave (`(BUTTON)`, `IFRAME: ...`, image file
   names in brackets, check boxes, form fields) are dropped where they stand as marks, not
   bracketed text inside a line ("[x](y)"); hard-wrapped lines are joined (a line of
   furniture, such as "Share", never is), and so are the pieces of a line a text browser
   cut at its line length; each block is one paragraph, heading, list item or line of page
   furniture. A line of emoji is text; Chinese and Japanese, written without spaces, count
   two characters as a word.
2. **The article's body** is the run of blocks with the most prose: blocks are scored by
   their length in words when they read as sentences, and every other block costs more the
   longer the stretch of non-prose grows (a menu, a "Related" list, a footer); lines that
   close an article ("Leave a Reply", "Related Articles", a copyright line) cost a lot.
   Inside that run, furniture ("Advertisement", "Share", image captions shown twice,
   photo credits, a "Related" box of links) is dropped. A list of teasers (headlines shown
   twice, each with a summary) is furniture; a wire story ends with its credits.
3. **Title and header.** The headline is the heading-like line above the body that best
   fits: a heading of its own (flush left or centred where body text is indented), followed
   by the byline or the date, not a menu item; a line with the publisher line under it is
   the headline whatever its length. Between headline and body: the publisher line
   ("- Balitang Marino"), bylines ("By ...", "ByThe Associated Press"), timestamps
   ("December 17, 2023, 12:34 PM", "Published 5:02 PM EST, Tue December 16, 2025"; an
   "Updated ..." stamp only when there is no other) and relative stamps ("4 hours ago",
   kept as `relative_stamp` to be resolved later). The credit line ("Source: mb.com.ph")
   is read at the end of the body.

The dateline ("BERLIN, December 17 --", "LONDON, Dec 3 (Reuters) -") stays at the start of
the first paragraph: `extract.dateline` reads it. A dateline alone on its line is joined to
the paragraph it opens.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import html
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from builder.extract.dateline import extract_dateline
from builder.extract.summary import CAPTION_AGENCIES, is_furniture
from builder.model import Article, SeedError
from builder.readers.months import MONTH_NAMES

#: A block with at least this many words that reads as sentences is prose.
PROSE_MIN_WORDS = 10
#: Lines of a hard-wrapped paragraph are at most this long (mail and terminals wrap at 72-80).
WRAP_MAX_CHARS = 100
#: ... and a text whose longest line is shorter than this is not hard-wrapped prose (a list
#: of short lines, such as page furniture, is not one paragraph).
WRAP_MIN_CHARS = 40
#: Text browsers cut longer lines at about this many characters; such a line goes on below.
BROWSER_WRAP_CHARS = 990
#: ... and never make a line longer than this (lynx's line buffer): a longer line was not cut
#: by a text browser, and the line below it starts something else.
BROWSER_WRAP_MAX_CHARS = 1024
#: A line indented this much was centred by a text browser: a heading, as a flush-left line.
CENTERED_INDENT = 100
#: How many blocks above the body are searched for the headline.
TITLE_WINDOW = 90
#: A standfirst (the line under a headline that says what the story is) has at most this
#: many words.
STANDFIRST_WORDS = 45
#: A headline has at most this many words.
TITLE_MAX_WORDS = 40
#: What a block of prose scores at most (one very long block does not outweigh the rest).
PROSE_MAX_SCORE = 150
#: What a headline candidate shown more than once on the page scores extra.
REPEAT_BONUS = 1.0
#: What the first prose block under a headline with a byline or date scores extra.
OPENING_BONUS = 30
#: What a line that closes an article ("Related Articles", "Leave a Reply") costs.
STOP_COST = 60
#: The prose after the run's last closing line is cut when it is less than this share of
#: the prose before it.
TAIL_SHARE = 0.5
#: ... and after a closing line ("Leave a Reply"), less than this share.
STOP_TAIL_SHARE = 1.0
#: A line of at least this many underscores is a rule across the page, not a form field.
HR_MIN_CHARS = 100
#: A short line shown this many times on the page is furniture ("UK news in pictures").
REPEATS_JUNK = 6
#: A box of links inside an article ("Related", then headlines) has at most this many.
INLINE_BOX_ITEMS = 5
#: A page with this many teasers (a headline shown twice, then a summary) lists stories.
TEASERS_MIN = 3
#: Dates before this year are not publication dates of web pages.
MIN_YEAR = 1990

_BULLET = re.compile(r"^\s*(?:[-–•*·|+]\s+)+")
_LYNX_BULLET = re.compile(r"^(?:[*+#•·o]|-)\s+")
_NUMBERED = re.compile(r"^\d{1,3}[.)]\s+\S")
_RELATIVE = re.compile(
    r"^(?:(?:updated|posted|published)\s+)?(?:an?|\d+)\s*"
    r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|months?|years?)"
    r"\s+ago$|^(?:just now|yesterday|today)$",
    re.IGNORECASE,
)
_READING_TIME = re.compile(r"^\d+\s*(?:-\s*\d+\s*)?(?:min|mins|minutes?)\.?\s*(?:read|reading)"
                           r"(?:\s+time)?$", re.IGNORECASE)
_BYLINE = re.compile(r"^(?i:(?:(?:written|posted|reported|words|story|text|photos?)"
                     r"(?:\s+(?:and|&)\s+\w+)?\s+)?by)(?:\b|(?=[A-Z]))\s*:?\s*(.*)$")
_BYLINE_AFTER_DATE = re.compile(r"\bby\s*:?\s*([A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})")
_STAMP_PREFIX = re.compile(r"^(?:published|updated|posted|last updated|last modified|"
                           r"first published|written|date|created|modified)"
                           r"(?:\s+(?:on|at))?\s*[:\s]\s*", re.IGNORECASE)
_UPDATE_WORD = re.compile(r"\b(?:updated?|last\s+modified|modified|edited|revised|"
                          r"aktualisiert|aktualisierung|geändert|änderung|actualizad[oa]|"
                          r"actualizaci[oó]n|mis à jour|mise à jour|modifié|atualização|"
                          r"atualizad[oa]|aggiornato|bijgewerkt)\b", re.IGNORECASE)
_ORIGINAL_WORD = re.compile(r"\b(?:published|posted|created|written|originally|first|"
                            r"veröffentlicht|erschienen|erstellt|publié|publicad[oa]|pubblicato|"
                            r"gepubliceerd)\b", re.IGNORECASE)
_CREDIT = re.compile(r"^(?:source|sources|credit|via|courtesy(?: of)?)\s*[:\-–]\s*(.+)$",
                     re.IGNORECASE)
#: ... and in other languages, with a colon: "Quelle: Landesregierung", "Fuente: EFE",
#: "Fonte: Ansa", "Bron: ANP", "Źródło: PAP" (read by the body only, as the English ones).
_SOURCE = re.compile(r"^(?:quelle|quellen|fuente|fuentes|fonte|fontes|bron|źródło)\s*:\s*(.+)$",
                     re.IGNORECASE)
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?"
                        r"[\s,]*(?:by\s+)?(?P<name>[A-Z][\w&.'’ \-]{1,60}?)\s*"
                        r"(?:[.,|]|all rights|\d{4}|$)", re.IGNORECASE)
_COUNT_SUFFIX = re.compile(r"\s*[\(\[]?\d+[\)\]]?$")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)\]]$")
#: Chinese characters and Japanese kana: scripts written without spaces between words
#: (Korean puts spaces between words, so Hangul is counted as other scripts are).
_CJK = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                  r"\uff66-\uff9f\U00020000-\U0002fa1f]")
#: Pictographs (emoji): a line of them can be a headline (a line with no letters is not).
_PICTOGRAPH = re.compile(r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF]")
_ENDS_SENTENCE = re.compile(r"[.!?…:;,。！？][\"'”’)\]]*$")
#: ... and so does a paragraph that ends in a German or French closing quote ("... an.“",
#: "... sauber!«", "... fin. »"): a paragraph of prose.
_ENDS_PROSE = re.compile(r"[.!?…:;,。！？][\"'”’“‘»«›‹)\]]*(?:\s[»›])?$")
#: A sentence ending inside a line (not an abbreviation such as "St." or "U.S.").
_SENTENCE_BREAK = re.compile(r"[a-zß-öø-ÿ0-9%)\]\"'”’“‘»«]{2}[.!?…][\"'”’“‘»«›‹)\]]*\s+"
                             r"[\"“‘'(„»«]?[A-ZÀ-ÖØ-Þ0-9]|[。！？]")
_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*", re.UNICODE)
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|html?)\b", re.IGNORECASE)
_CAPTION = re.compile(r"\b(?:photograph|photo|picture|image|illustration|credit|video)s?"
                      r"(?:\s+by)?\s*[:/©]|\b(?:foto|fotos|bild|abbildung|bildquelle|"
                      r"bildnachweis|imagen|crédito)\s*(?:\d{1,2}\s*)?[:©]|\((?:foto|bild)\b|"
                      r"\((?:photo|image|credit)\b|getty images|"
                      r"shutterstock|\bap photo\b|/\s*(?:ap|afp|reuters|getty|epa)\b|"
                      r"©|"
                      # "Fot. Ann Roe / Agencja", "... du hall / (C) Ann Roe", a caption's
                      # sentence then its agency: "... on Tuesday. EFE".
                      r"(?:^|\s)fot\.\s|[/|]\s*\(c\)\s*\S|[.!?]\s+(?-i:"
                      + "|".join(re.escape(name) for agency in CAPTION_AGENCIES
                                 for name in dict.fromkeys((agency, agency.upper())))
                      + r")\s*$",
                      re.IGNORECASE)
#: A caption that ends with its credit in capitals: "... in Las Croabas. By U.S. CUSTOMS".
_CREDIT_TAIL = re.compile(r"[.!?][\"'”’)]*\s+(?:by|photo|photos|credit|courtesy(?: of)?)\s*:?\s+"
                          r"(?-i:[A-Z][A-Z0-9 .,&'’/\-]{3,})$", re.IGNORECASE)

# Lynx marks and form debris, removed from lines: buttons, inserted-text marks, image file
# names and hashes in brackets, empty check boxes `[ ]` and form fields `____`, wherever they
# stand. Marks that could also be bracketed text of the article (`[X]`, a ticked check box;
# `[image]`, `[logo]`, `[300x250]`) only where a text browser puts them: at the start or the
# end of the line, not inside a headline such as "Poll: [x](y) marks the spot".
_LYNX_MARKS = re.compile(
    r"\(BUTTON\)|\[BUTTON Input\]\s*\(not implemented\)_*|\[INS:\s*|\s*:INS\]|"
    r"\[(?:[^\]\[]{0,200}?\.(?:jpe?g|png|gif|webp|svg|bmp|ico|avif)(?:\?[^\]]*)?"
    r"| |[0-9a-f]{16,}[^\]]*|[A-Za-z0-9_\-]{20,})\]|"
    r"(?:^|(?<=^[*+#•·o-] ))\[(?:(?-i:X)|\d+x\d+|image|img|logo|icon|spacer)\](?=\s|$)|"
    r"(?<=\s)\[(?:(?-i:X)|\d+x\d+|image|img|logo|icon|spacer)\]$|"
    r"_{3,}",
    re.IGNORECASE,
)
#: The heading of a box of links that may stand inside an article.
_INLINE_BOX = re.compile(r"^(?:related|see also|also read|read also|read more|more on this|"
                         r"keep reading|further reading|lesen sie auch|lies auch|mehr zum "
                         r"thema|auch interessant|lea también|lee también|leia também|"
                         r"veja também|(?:à )?lire aussi|leggi anche|lees ook|czytaj (?:też|"
                         r"także)|zobacz (?:też|także)|(?:weitere|mehr|zusätzliche) "
                         r"informationen|zusatzinformationen|(?:more|further|additional) "
                         r"information)(?!\w)")
#: Separators of a breadcrumb trail ("Home » Recipes » Title").
_BREADCRUMB = re.compile(r"\s+(?:»|>>|>|›)\s+")
#: Agency photo captions: "WASHINGTON, DC - OCTOBER 10: ...", "FILE - In this ... photo".
_AGENCY_CAPTION = re.compile(r"^(?:FILE\s*[-–—]\s|[A-Z][A-Z .,'\-]+\s[-–—]\s+[A-Z]+\s+\d{1,2}:)")
#: Boilerplate: affiliate and advertising disclosures, sign-up and comment prompts.
_PROMO = re.compile(
    r"\baffiliate links?\b|\badvertising (?:disclosure|disclaimer)|\bfrom one or more of our "
    r"advertisers\b|\bmay (?:receive|earn) (?:a )?(?:small )?(?:commission|compensation)\b|"
    r"\bqualifying purchases\b|\b(?:logged in|log in|sign in|signed in) to (?:leave|post) a "
    r"comment\b|\bnever miss\b.*\bsign(?:ing)? up\b|^(?:photo|photograph|image|picture|"
    r"illustration)s? (?:by|courtesy|credit)\b|\bunsplash\b|\bsign up (?:here|now|today)\b|"
    r"\bsign up for (?:our|the)\b.*\bnewsletters?\b|\bstraight to your (?:inbox|phone|device)\b|"
    r"\bakismet\b",
    re.IGNORECASE)
#: A wire story's closing credits ("Additional reporting by ...; Editing by ...", in
#: brackets or not: "(Reporting by ...; Editing by ...)").
_WIRE_CREDIT = re.compile(r"^\(?(?:additional )?(?:reporting|writing|editing|compiled) by\b",
                          re.IGNORECASE)
#: Cookie notices.
_COOKIE_WORDS = (r"(?:settings?|consent|polic(?:y|ies)|enable|accept|use|preferences|"
                 r"verwende[nt]|nutze[nt]|einstellungen|datenschutz\w*|akzeptieren|zustimm\w*|"
                 r"utiliza(?:mos)?|usamos|aceptar|utilis(?:e|ons)|accepter|korzystamy|"
                 r"utilizziamo|gebruik(?:t|en)?)")
_COOKIES = re.compile(rf"\bcookies?\b.*\b{_COOKIE_WORDS}\b|\b{_COOKIE_WORDS}\b.*\bcookies?\b",
                      re.IGNORECASE)
#: A cookie banner that says what it is in its first words ("This website uses cookies to
#: improve your experience ...") is furniture however long it goes on.
_COOKIE_NOTICE = re.compile(r"^(?:this (?:web)?site|our (?:web)?site|we) (?:uses?|may use) "
                            r"cookies\b|^(?:diese|unsere) (?:web)?(?:seite|site)\s+(?:verwendet|"
                            r"nutzt|benutzt|setzt)\s+(?:\w+\s+){0,2}?cookies\b|^wir (?:verwenden|"
                            r"nutzen|benutzen|setzen)\s+(?:\w+\s+){0,2}?cookies\b|^(?:ce site|"
                            r"nous) (?:utilise|utilisons)\s+(?:des |les )?cookies\b|^(?:este "
                            r"sitio(?: web)?|esta web) (?:utiliza|usa) cookies\b|^(?:utilizamos|"
                            r"usamos) cookies\b", re.IGNORECASE)
COOKIE_NOTICE_WORDS = 200
_UI_LINE = re.compile(r"^(?:click (?:here )?to|share (?:on|via|this|to)|follow (?:us|me) on|"
                      r"(?:sign|log) (?:in|up)|subscribe to|opens in (?:a )?new window|"
                      r"(?:tap|swipe) to|scroll (?:down|to)|skip to|jump to|back to|"
                      r"download (?:the|our) app|enter your|type your|your email|"
                      r"search for|filed under|pdf version|print this|advertising disclosure|"
                      r"listen to this (?:story|article|episode)|"
                      # The same buttons, said in a sentence, on pages in other languages.
                      r"teile (?:diesen|den|diese)|(?:diese[nrs]?|den) (?:artikel|beitrag|"
                      r"geschichte|seite) (?:teilen|mit anderen)|folgen sie uns|folge uns|"
                      r"be sociable|jetzt (?:registrieren|anmelden|bestellen|abonnieren|teilen|"
                      r"kostenlos)|zurück zu[mr]? |mehr erfahren|(?:artikel|beitrag) gefallen\?|"
                      r"teilen mit\b|sieh dir diesen beitrag|ein beitrag geteilt von|"
                      r"view this post on|a post shared by)",
                      re.IGNORECASE)
#: A call to subscribe to a newsletter, said at length ("Keine Neuigkeiten mehr verpassen:
#: Abonnieren Sie kostenlos den Newsletter ..."), ...
_NEWSLETTER = re.compile(r"\bnewsletters?\b.*\b(?:abonnier\w*|subscrib\w*|sign(?:ing)? up|"
                         r"anmelden|melde dich|inscri\w*|suscr[ií]b\w*|assine)\b|\b(?:abonnier\w*|"
                         r"subscrib\w*|sign(?:ing)? up|anmelden|melde dich|inscri\w*|suscr[ií]b\w*|"
                         r"assine)\b.*\bnewsletters?\b", re.IGNORECASE)
#: ... at most this many words long.
NEWSLETTER_WORDS = 40
#: A link to another story set inside the article, its label and its headline on one line
#: ("READ MORE: ...", "PUEDES VER: ...", "Lesen Sie auch: ...").
_TEASER_LINE = re.compile(r"^(?:puedes ver|lee también|lea también|mira también|ver también|"
                          r"leia também|veja também|read also|see also|also read|read more|"
                          r"related|lesen sie auch|auch lesen|mehr dazu|mehr zum thema|"
                          r"à lire aussi|lire aussi|zobacz (?:również|też|także)|czytaj "
                          r"(?:również|też|także))\s*[:>»|]\s*\S", re.IGNORECASE)
#: ... at most this many words long.
TEASER_LINE_WORDS = 30
#: A line of a comments form ("Your email address will not be published.").
_FORM_LINE = re.compile(r"\b(?:will not be published|wird nicht veröffentlicht|ne sera pas "
                        r"publiée?|no (?:será|se) publicar[áa]|não será publicado)|^(?:required "
                        r"fields are marked|erforderliche felder sind|save my name, email|please "
                        r"enter your (?:comment|name|email)|you have entered an incorrect)",
                        re.IGNORECASE)
#: ... at most this many words long.
FORM_LINE_WORDS = 25
#: A prompt to comment, or a note that one must log in to ("Wenn Sie diesen Blogeintrag
#: kommentieren möchten, füllen Sie bitte ...", "You must be logged in to post a comment",
#: "Verraten Sie gerne in den Kommentaren: ...", "Let us know in the comments"): the
#: page's, not the story's, ...
_COMMENT_PROMPT = re.compile(
    r"\b(?:musst|müssen|must|need to) (?:be |sein )?(?:eingeloggt|angemeldet|logged in|"
    r"signed in)\b.{0,30}\b(?:kommentar\w*|comment\w*|antwort\w*|repl(?:y|ies))\b|"
    r"\bwenn (?:sie|du) (?:diesen|den|diese[ns]?) (?:blogeintrag|beitrag|artikel|text|post) "
    r"kommentieren\b|^(?:verraten|schreiben|erzählen) (?:sie|uns|mir)\b.{0,30}\bin (?:den|"
    r"die) kommentar(?:en|e)\b|^(?:verrate|schreib|erzähl|teil)[te]? (?:uns|mir|es)\b.{0,30}"
    r"\bin (?:den|die) kommentar(?:en|e)\b|^(?:let us|let me|tell us|share)\b.{0,40}\bin "
    r"the comments\b|^ihre meinung zu diesem thema\b"
    # ... or a prompt to review the product ("Bitte teilen Sie uns Ihre Erfahrungen mit,
    # wenn Sie ... probiert haben").
    r"|^(?:bitte )?(?:teilen sie uns|teile uns|teilt uns)\b.{0,30}\b(?:erfahrung|meinung|"
    r"bewertung)\w*\b.{0,10}\bmit\b", re.IGNORECASE)
#: ... in a line this short (a story's last paragraph may close with such a prompt);
COMMENT_PROMPT_WORDS = 30
#: ... and a form's consent to the use of one's data ("Ich willige ein, dass ...", "I agree
#: to the privacy policy", "Klicken Sie auf den Button, um den Inhalt von ... zu laden"),
#: which may go on at length.
_CONSENT = re.compile(
    r"^ich willige\b.{0,40}\bein\b.{0,30}\b(?:dass|daten|datenschutz\w*)|"
    r"^(?:ja, )?ich (?:bin mit der|habe die) (?:verarbeitung|speicherung|nutzung|"
    r"datenschutz\w*)|^(?:i|yes, i) (?:agree|consent|accept)\b.{0,40}\b(?:privacy|terms|"
    r"data|processing)\b|^klicken sie auf den (?:\w+ )?(?:button|link|schalter),? um "
    r"(?:den|die) (?:inhalt|inhalte|karte|video)\b"
    # ... also when the form's action opens it ("Mit Absenden meiner E-Mail-Adresse willige
    # ich bis auf Widerruf ein, ...", "By submitting this form, you agree to ...").
    r"|^mit (?:dem )?(?:absenden|abschicken|klick)\b.{0,60}\bwillige ich\b"
    r"|^by (?:submitting|signing up|subscribing|clicking)\b.{0,60}\b(?:you |i )?(?:agree|"
    r"consent|accept)\b", re.IGNORECASE)
CONSENT_WORDS = 100
#: A call to act on the site rather than a sentence of the story ("Receive our monthly
#: newsletter ...", "Submit your question below ...", "All products featured on ... are
#: independently selected ...").
#: An author's note: "Ann Roe is a senior writer for ...".
_BIO = re.compile(r"^(?:[A-Z][\w.'’\-]+\s+){1,3}[A-Z][\w.'’\-]+,?\s+(?:is|was|has been)\s+"
                  r"(?:a|an|the|our)\s+(?:[\w\-]+\s+){0,6}?(?:writer|editor|reporter|"
                  r"correspondent|journalist|columnist|contributor|author|producer|"
                  r"photographer|critic|blogger)s?\b"
                  # ... and in German: "Ann Roe ist freie Journalistin in ...".
                  r"|^(?:[A-Z][\w.'’\-]+\s+){1,3}[A-Z][\w.'’\-]+,?\s+(?:ist|war|arbeitet als)\s+"
                  r"(?:[\w\-]+\s+){0,6}?(?i:(?:chef)?redakteur|journalist|autor|korrespondent|"
                  r"kolumnist|fotograf|blogger|herausgeber)(?:in|innen)?\b"
                  r"|^Schreibt seit (?:19|20)\d\d\b")
BIO_WORDS = 120
_DISCLAIMER = re.compile(r"^(?:disclaimer|(?:advertising |affiliate )?disclosure)\s*(?:\(|:|-)",
                         re.IGNORECASE)
DISCLAIMER_WORDS = 150
_CALL_TO_ACT = re.compile(r"^(?:send me|submit your|receive our|get our|join our|stay "
                          r"up[- ]to[- ]date|sign up|subscribe\b|we want to hear what you "
                          r"think|all products (?:featured|recommended) (?:on|by|in)\b|"
                          # ... and in German, Spanish, French and Portuguese.
                          r"werden? (?:sie )?(?:mitglied|abonnent|förder)|jetzt (?:spenden|"
                          r"unterstützen|abonnieren|registrieren)|abonniere|abonnieren sie|"
                          r"melde dich (?:jetzt )?(?:an|für)|hilf mit|helfen sie mit|jede "
                          r"(?:kleine )?spende|ihr beitrag hilft|gefällt (?:dir|ihnen) unser|"
                          r"lust auf mehr\?|um neue beiträge per e-mail|suscríbete|"
                          r"abonnez-vous|inscrivez-vous|soutenez|assine\b|"
                          # A call to give, in English ("We rely on your support ...").
                          r"we rely on (?:your|our readers'?|readers'?) support|make (?:your|a) "
                          r"(?:(?:tax[- ]deductible|one[- ]time|monthly) )?(?:contribution|"
                          r"donation|gift)\b|donate (?:now|today)\b)",
                          re.IGNORECASE)
#: ... at most this many words long.
CALL_TO_ACT_WORDS = 40
#: The site speaking of itself rather than the story: a disclaimer of its writers' opinions
#: ("Les opinions exprimées ... n'engagent que leurs auteurs", "... is not responsible for
#: the opinions ..."), a rights notice ("Vervielfältigung nur mit Genehmigung", "Alle
#: Angaben ohne Gewähr"), a theme's credit ("Design von Ann Roe"), a post's filing line
#: ("Kategorie: ...", "... getaggt mit: ...", "Erstellt am ... und abgelegt unter ..."), an
#: offer of the magazine or its apps ("Instant access to the full article PDF.", "download
#: the ... apps", "Diese Ausgabe jetzt digital lesen", "Besuchen Sie unseren Fan-Shop!").
_SITE_LINE = re.compile(
    r"\bn'engagent que (?:leurs|son|ses) auteurs?\b|\bn’engagent que (?:leurs|son|ses) "
    r"auteurs?\b|\bis not responsible for the (?:opinions|content|views)\b|\b(?:do not|does "
    r"not) necessarily (?:reflect|represent) the views\b|\bvervielfältigung nur mit\b|"
    r"^\(?alle angaben ohne gewähr\b|^(?:theme|design|webdesign) (?:von|by)\s+[A-Z]|"
    r"^(?:kategorien?|categories|category|getaggt mit|verschlagwortet mit|schlagwörter|"
    r"schlagworte)\s*:|\bgetaggt mit\s*:|\b(?:und )?abgelegt unter\b|"
    r"^(?:immediate|instant|unlimited|full) (?:online )?access to\b|"
    r"^(?:for the latest\b.{0,60})?download (?:the|our)\b.{0,40}\bapps?\b|"
    r"^(?:diese|die) (?:aktuelle )?ausgabe (?:jetzt )?(?:digital |als e-paper )?"
    r"(?:lesen|kaufen|bestellen)\b|^ausgabe kaufen$|^besuchen sie unseren\b.{0,20}\bshop\b|"
    r"^jetzt neu!|^sie lesen gern\b|^wir informieren sie regelmäßig\b|"
    r"^[\w.&'’ ]{1,40} is (?:funded|supported|made possible) by (?:\w+ ){0,3}(?:sponsors|"
    r"members|readers|donations|donors|listeners|viewers)\b",
    re.IGNORECASE)
#: ... at most this many words long.
SITE_LINE_WORDS = 40
_LYNX_LINE = re.compile(r"^(?:IFRAME:|EMBED\b|<iframe|<img|<div|<script|Your browser does "
                        r"not support)", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]{0,500}>")


def _is_mark_line(text: str) -> bool:
    """A text browser's mark for an embed ("IFRAME: ...", a bare "<img ...>" tag), not text
    that only looks like markup: a line with words beyond its tags is the article's text and
    is kept (escaped when shown), never dropped."""
    if _LYNX_LINE.match(text) is None:
        return False
    if text.startswith("<"):
        return count_words(_TAG.sub(" ", text)) < 4
    return True

#: Lines that are page furniture wherever they stand (compared case-insensitively,
#: without trailing counts such as "Comments (12)").
FURNITURE = frozenset({
    "comments", "comment", "leave a comment", "add a comment", "view comments",
    "show comments", "share", "share this", "share this article", "share this story",
    "share on facebook", "share on twitter", "share on x", "share via email", "tweet", "email",
    "print", "copy link", "copy the link", "link copied", "save", "save article", "listen",
    "listen to this article", "subscribe", "subscribe now", "sign up", "sign in", "log in",
    "follow us", "follow", "advertisement", "ad", "sponsored", "read more", "see more",
    "related", "related articles", "related stories", "more stories", "recommended",
    "trending", "most read", "top stories", "skip to content", "skip to main content",
    "menu", "search", "close", "back to top", "loading...", "loading", "facebook", "twitter",
    "x", "whatsapp", "linkedin", "reddit", "telegram", "messenger", "pinterest", "flipboard",
    "pin", "pin it", "instagram", "youtube", "tumblr", "shares", "more", "next", "previous",
    "replay", "more videos", "must watch", "just watched", "jump to recipe", "print recipe",
    "image zoom", "show more sharing options", "close extra sharing options", "copy link url",
    "copy link urlcopied!", "log out", "sign out", "subscriptions", "open navigation menu",
    "advertisement:", "ad feedback", "story continues below advertisement", "continue reading",
    "continue reading the main story", "supported by", "scroll to continue",
    "click to copy url", "send text message", "view author archive", "email the author",
    "get author rss feed", "follow on twitter", "add to pocket", "article bookmarked", "like",
    "reply", "report", "top", "home", "news", "video", "videos", "photos", "gallery", "rss",
    "rss feed", "newsletter", "newsletters", "donate", "tags", "filed under", "topics",
    "hide caption", "toggle caption", "enlarge this image", "expand", "collapse", "show more",
    "read full article", "read the full story", "view gallery", "view image", "open image",
    "play video", "watch", "watch video", "listen now", "audio", "quantcast", "adchoices",
    "advertising disclosure", "affiliate disclosure", "disclosure", "privacy policy",
    "terms of use", "terms of service", "cookie policy", "cookie settings", "write a comment",
    # The same buttons and labels on pages in German, Spanish, French, Portuguese, Italian,
    # Dutch and Polish.
    "teilen", "teilen:", "artikel teilen", "beitrag teilen", "jetzt teilen", "news teilen",
    "drucken", "kommentieren", "kommentare", "kommentar", "merken", "anmelden", "abmelden",
    "einloggen", "suche", "suchen", "startseite", "zur startseite", "menü", "schließen",
    "zurück", "weiter", "mehr", "mehr lesen", "weiterlesen", "weiter lesen", "wird geladen",
    "wird geladen...", "gefällt mir", "gefällt mir wird geladen...", "antworten",
    "zum inhalt springen", "nach oben", "werbung", "anzeige", "schlagworte", "schlagwörter",
    "stichworte", "themen", "kategorien", "abonnieren", "newsletter abonnieren", "datenschutz",
    "impressum", "datenschutzerklärung", "vorlesen", "artikel anhören", "bildergalerie",
    "bewertung", "compartir", "imprimir", "comentarios", "comentar", "publicidad",
    "suscríbete", "buscar", "inicio", "menú", "cerrar", "leer más", "ver más", "etiquetas",
    "temas", "más", "anterior", "siguiente", "partager", "imprimer", "commentaires",
    "commenter", "publicité", "rechercher", "accueil", "fermer", "lire la suite", "voir plus",
    "s'abonner", "abonnez-vous", "mots-clés", "compartilhar", "comentários", "publicidade",
    "leia mais", "condividi", "commenti", "pubblicità", "stampa", "delen", "reacties",
    "advertentie", "lees meer", "udostępnij", "komentarze", "reklama", "czytaj więcej",
})
#: Lines that close an article: what follows them is comments, related links or footer.
STOPS = frozenset({
    "leave a reply", "leave a comment", "post a comment", "add a comment", "comments",
    "show comments", "view comments", "related", "related articles", "related stories",
    "related posts", "related coverage", "related content", "related links", "related news",
    "related topics", "you may also like", "you might also like", "you may like",
    "you might like", "more stories", "more from", "recommended", "recommended for you",
    "recommended stories", "recommended articles", "trending", "trending now",
    "trending stories", "most popular", "most read", "most viewed", "popular", "popular now",
    "popular posts", "latest news", "latest articles", "latest stories", "latest posts",
    "recent posts", "recent stories", "recent comments", "read next", "up next",
    "what to read next", "about the author", "about the authors", "author", "share this:",
    "like this:", "explore further",
    "more like this", "more on this story", "top stories", "don't miss", "editor's picks",
    "around the web", "sponsored content", "paid content", "from our partners",
    "join the conversation",
    "be part of the conversation", "conversation", "discussion", "responses", "footer",
    "site map", "sitemap", "more in", "more from this author", "more articles",
    "also read", "see also", "keep reading", "further reading", "next article",
    "previous article", "next post",
    "previous post", "newsletter", "sign up for our newsletter", "subscribe to our newsletter",
    "write a comment",
    # The same labels on pages in German, Spanish, French, Portuguese, Italian, Dutch and
    # Polish.
    "über den autor", "über die autorin", "zum autor", "zur autorin", "zur person",
    "das könnte dich auch interessieren", "das könnte sie auch interessieren",
    "das könnte ihnen auch gefallen", "das könnte dir auch gefallen", "auch interessant",
    "mehr zum thema", "mehr zu diesem thema", "verwandte themen", "verwandte artikel",
    "ähnliche artikel", "ähnliche beiträge", "weitere artikel", "weitere beiträge",
    "lesen sie auch", "lies auch", "auch lesenswert", "empfehlungen", "unsere empfehlungen",
    "schreibe einen kommentar", "kommentar verfassen", "kommentar schreiben",
    "kommentar hinterlassen", "hinterlasse einen kommentar", "leserkommentare", "kommentare",
    "meistgelesen", "meistgelesene artikel", "am meisten gelesen", "beliebte artikel",
    "neueste artikel", "neueste beiträge", "aktuelle beiträge", "weitere nachrichten",
    "weitere meldungen", "mehr nachrichten", "auch interessant für sie",
    "también te puede interesar", "te puede interesar", "te recomendamos",
    "noticias relacionadas", "artículos relacionados", "lea también", "lee también",
    "más noticias", "lo más leído", "más leídas", "deja un comentario", "deja tu comentario",
    "comentarios", "sobre el autor", "relacionado", "relacionados", "à lire aussi",
    "lire aussi", "sur le même sujet", "articles similaires", "articles liés",
    "laisser un commentaire", "commentaires", "à propos de l'auteur", "les plus lus",
    "dans la même rubrique", "vous aimerez aussi", "leia também", "veja também",
    "notícias relacionadas", "mais lidas", "deixe um comentário", "comentários",
    "sobre o autor", "leggi anche", "potrebbe interessarti", "articoli correlati",
    "lascia un commento", "commenti", "i più letti", "lees ook", "gerelateerde artikelen",
    "meest gelezen", "reacties", "laat een reactie achter", "over de auteur", "czytaj też",
    "czytaj także", "zobacz też", "zobacz także", "polecamy", "komentarze",
    "najczęściej czytane", "podobne artykuły",
})
_STOP_PATTERN = re.compile(r"^(?:\d+\s+(?:comments?|responses?|thoughts?|replies)\b.*|"
                           r"(?:more|latest|top|trending)\s+(?:from|in|on)\s+.{1,40}|"
                           r"(?:mehr|weitere)\s+(?:zu|zum|aus|von)\s+.{1,40}|"
                           r"más\s+sobre\s+.{1,40}|"
                           r"related(?:\s+(?:articles|stories|posts|news))?\s*[-–—:|]\s*.{1,40}|"
                           r"(?:all rights reserved|terms of (?:use|service)|privacy policy)"
                           r".*)$", re.IGNORECASE)

_MONTHS = {name: number for number, names in MONTH_NAMES.items() for name in names}
_ANY_MONTH = "(?P<month>{})\\.?".format("|".join(
    re.escape(name) for name in sorted(_MONTHS, key=len, reverse=True)))
_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
          r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
#: (A month name may be glued to the word before it, as text browsers join a byline's name
#: and its date: "Shana DambrotNovember 6, 2023".)
#: (A year may be glued to what follows it, as pages lay out a date and a time or a date shown
#: twice, or a blog's next label: "December 23, 202311:08 AM UTC", "Fri, Dec 22 20234:46 AM",
#: "22 Dec 202322 Dec", "August 2, 2019Author"; the next month's name may open with a letter
#: outside ASCII: "29 décembre 202230 décembre", "3. März 20214. März".)
_YEAR_END = r"(?:\b|(?=\d{1,2}(?::\d\d|\.?\s*[^\W\d_]{3}))|(?=(?-i:[A-Z][a-z])))"
_DATE_MDY = re.compile(rf"(?:\b|(?<=(?-i:[a-z]))(?=(?-i:[A-Z]))){_ANY_MONTH},?\s+"
                       rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s*(?:@\s*)?"
                       rf"(?P<year>(?:19|20)\d\d){_YEAR_END}", re.IGNORECASE)
#: (The day, month and year may be set apart by slashes or dashes: "29 / Dezember / 2022",
#: "04-Mar-2021".)
_DATE_DMY = re.compile(rf"(?:\b|(?<=\d{{4}})|(?<=(?-i:[a-z])))(?P<day>\d{{1,2}})"
                       rf"(?:st|nd|rd|th|er)?(?:\.?\s*(?:of\s+|de\s+)?|\s*[/-]\s*){_ANY_MONTH}"
                       rf"(?:,?\s+|\s*[/-]\s*)(?:de\s+|del\s+)?(?P<year>(?:19|20)\d\d){_YEAR_END}",
                       re.IGNORECASE)
#: "2019-11-19", and ISO 8601's date and time ("2019-11-19T12:48:14Z"): the day may run
#: into the "T" before the time.
_DATE_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})"
                       r"(?:\b|(?=T\d\d:\d\d))")
#: A date as Chinese, Japanese and Korean pages write it, year first with the signs for
#: year, month and day: "2025年3月4日", "2025 年 03 月 04 日", "2025년 3월 4일".
_DATE_CJK = re.compile(r"(?P<year>(?:19|20)\d\d)\s*[年년]\s*(?P<month>\d{1,2})\s*[月월]\s*"
                       r"(?P<day>\d{1,2})(?!\d)\s*[日일]?")
#: "18. 05. 2014", "13. 1. 2020": a numeric date with a space after each dot (German and
#: Czech typography), always day first.
_DATE_SPACED = re.compile(r"(?<![\d.])(?P<a>\d{1,2})\.[ \u2009\u202f](?P<b>\d{1,2})\."
                          r"[ \u2009\u202f](?P<year>(?:19|20)\d\d)\b")
#: (A four-digit year may end a sentence, "Aktualisiert am 17.01.2021.", or be glued to the
#: same stamp shown twice, "19.11.202119.11.2021", and the day to a time's seconds before
#: it, "10:20:0022.06.2018"; a two-digit one followed by a dot or a
#: digit is a version or a number, "1.2.20.5".)
_DATE_NUMERIC = re.compile(r"(?:(?<![\d/.])|(?<=\d\d:\d\d:\d\d))(?P<a>\d{1,2})(?P<sep>[/.])"
                           r"(?P<b>\d{1,2})(?P=sep)(?P<year>(?:19|20)?\d\d)(?:(?![\d/.])|(?<=(?:19|20)\d\d)"
                           r"(?=\.(?!\d)|\d{1,2}[/.]\d{1,2}[/.](?:19|20)\d\d))")


def count_words(text: str) -> int:
    """Words in a text. In Chinese and Japanese, which have no spaces, two characters count
    as one word (a word begun counts: one character is a word). A line of pictographs
    (emoji) and nothing else has as many words as it has pictographs."""
    cjk = len(_CJK.findall(text))
    words = len(_WORD.findall(_CJK.sub(" ", text) if cjk else text)) + (cjk + 1) // 2
    if not words and _is_symbol_line(text):
        return len(_PICTOGRAPH.findall(text))
    return words


def _is_symbol_line(text: str) -> bool:
    """A line of pictographs only (an emoji headline "🚢🌊🎉"): text, not page debris. A
    single symbol, repeated or not ("✕", "★★★★★", "🙂"), is a button, a rating or a
    reaction."""
    return (not re.search(r"\w", text)
            and len(set(_PICTOGRAPH.findall(text))) >= 2)


@dataclass
class _Block:
    """A paragraph, heading, list item or line of furniture, with where it stood."""

    text: str
    line: int
    indent: int
    bullet: bool = False
    junk: bool = False
    words: int = 0
    prose: bool = False
    stop: bool = False
    caption: bool = False
    #: A rule across the page (a text browser's <hr>).
    rule: bool = False

    def __post_init__(self) -> None:
        self.words = count_words(self.text)


@dataclass
class _Page:
    """A pasted page: its blocks, and what is known about its layout."""

    blocks: list[_Block]
    #: Most prose is indented (a text browser's dump): flush-left lines are headings.
    indented: bool
    #: Numeric dates are day first ("12/04/2020" is 12 April).
    day_first: bool
    all_text: str = ""
    folded_lines: dict[str, int] = field(default_factory=dict)
    #: The indent of most prose (text nested deeper is in a list or a box).
    prose_indent: int | None = None


def read_text(content: str, seed: str) -> Article:
    """Read pasted article text. Raises SeedError when there is no title or no text."""
    page = _parse(content)
    if not any(not block.junk for block in page.blocks):
        raise SeedError("no title (expected the headline on the first non-empty line)")
    body_start, body_end = _body_span(page)
    title_index, head = _choose_title(page, body_start)
    if title_index is None:
        raise SeedError("no title (expected the headline on the first non-empty line)")
    if head is not None:
        # The headline was glued to the line under it: that line stands apart now (a
        # byline, a stamp or a standfirst for the header to read).
        block = page.blocks[title_index]
        view, body_start = _split_view(page, title_index, body_start, head,
                                       block.text[len(head):].strip() if
                                       block.text.startswith(head) else block.text)
        page.blocks[:] = view.blocks
        if title_index < body_end:
            body_end += 1
    under = _span_under_title(page, title_index, body_start)
    try:
        if under is not None:
            # The story may go on below a gallery or a box, in the run with the most prose,
            # when nothing that closes an article stands between.
            resumes = not any(block.stop for block in page.blocks[under[1]:body_start])
            return _read_under(page, seed, title_index, *under,
                               resume=(body_start, body_end) if resumes else None)
        return _read_under(page, seed, title_index, body_start, body_end)
    except SeedError:
        # The model's headline left no text under it: the rules' choice, as before the model.
        fallback = _title_index(page, body_start, use_model=False)
        if fallback is None or fallback == title_index:
            raise
        return _read_under(page, seed, fallback, body_start, body_end)


#: The body is looked for under the headline when the run with the most prose starts this
#: many blocks or more below it, ...
FAR_BODY_BLOCKS = 8
#: ... and a run under the headline is the story when it has this many words of prose, in
#: this many paragraphs at least.
UNDER_TITLE_WORDS = 80
UNDER_TITLE_PARAGRAPHS = 2
#: The run under the headline starts within this many blocks of it.
UNDER_TITLE_START = 12


def _span_under_title(page: _Page, title_index: int, body_start: int) -> tuple[int, int] | None:
    """The story under its headline when the run with the most prose stands far below it (a
    gallery, a box or a list between them, and a longer related story, list of teasers or
    thread of comments below): the body is the article that carries the title. None when
    the run with the most prose is the one under the headline, or nothing of length is."""
    if body_start - title_index < FAR_BODY_BLOCKS:
        return None
    start, end = _body_span(page, title_index + 1, body_start)
    prose = [block for block in page.blocks[start:end] if _counts(block)]
    if (end <= start or start - title_index > UNDER_TITLE_START
            or len(prose) < UNDER_TITLE_PARAGRAPHS
            or sum(block.words for block in prose) < UNDER_TITLE_WORDS):
        return None
    return start, end


def _read_under(page: _Page, seed: str, title_index: int, body_start: int,
                body_end: int, resume: tuple[int, int] | None = None) -> Article:
    """The article under the headline at `title_index`: header, body, dates; `resume`, the
    blocks where the story goes on below a gallery or a box."""
    title = page.blocks[title_index].text
    if len(_BREADCRUMB.findall(title)) >= 2:  # "Home » Recipes » Title"
        title = _BREADCRUMB.split(title)[-1]
    title = title.lstrip("# ").strip()
    article = Article(seed=seed, title=title, paragraphs=[])
    if body_start <= title_index:
        body_start = title_index + 1
        body_end = max(body_end, body_start)
    # A data sheet's dates ("Erscheinungsdatum: 14.08.2027" among "Verlag:", "Seiten:", ...)
    # are the described item's: read only when the page shows no other stamp.
    sheet = _sheet_fields(page)
    header_end = _read_header(page, title_index, body_start, body_end, article, sheet)
    # Prose of the body run that the header passed over to reach a dated or signed line
    # below it, and did not take for the standfirst, is the story's opening (a line of the
    # story that names a day, a link with a date in its address, stand there as often as
    # a late byline does): it is read, the header's lines between left out.
    opening = _story_in_header(page, title_index, body_start, header_end, article)
    if page.indented and not article.standfirst and not opening:
        article.standfirst = _flush_left_lead(page, title_index, body_start)
    body_start = max(body_start, header_end)
    # The story opens with prose (a sentence, or a dateline alone on its line), not a
    # leftover label.
    while body_start < body_end - 1 and not _opens_story(page.blocks[body_start]):
        body_start += 1
    recipe = _recipe_span(page, title_index, body_start, body_end)
    if recipe is None:
        article.paragraphs = _read_body(page, opening[0], body_end, article,
                                        set(opening[1:])) if opening else _read_body(
            page, body_start, body_end, article)
        if resume is not None:
            article.paragraphs += _read_body(page, *resume, article)
    elif recipe[0] <= body_end and recipe[1] >= body_start:  # the card meets the story
        article.paragraphs = _read_body(page, min(body_start, recipe[0]),
                                        max(body_end, recipe[1]), article)
    else:
        article.paragraphs = [*_read_body(page, body_start, body_end, article),
                              *_read_body(page, *recipe, article)]
    # The headline shown again at the top of the text is not the story's first paragraph.
    if len(article.paragraphs) >= 2 and _fold(article.paragraphs[0]) == _fold(title):
        article.paragraphs.pop(0)
    # A standfirst above a dateline belongs to the header: the dateline opens the story. A
    # photo's caption or credit standing there is neither, and left out.
    while (len(article.paragraphs) >= 2 and count_words(article.paragraphs[0]) <= STANDFIRST_WORDS
           and extract_dateline(article.paragraphs[0]) is None
           and extract_dateline(article.paragraphs[1]) is not None):
        popped = article.paragraphs.pop(0)
        if not is_furniture(popped):
            article.standfirst.append(popped)
    if article.standfirst:  # (most articles have none: fold the story only for one)
        # A standfirst that the body shows again is kept once, in the body.
        shown = {_fold(title), *(_fold(text) for text in article.paragraphs)}
        article.standfirst = [text for text in article.standfirst if _fold(text) not in shown]
    if not article.paragraphs:
        raise SeedError(f"no article text under the title {title[:60]!r} "
                        "(expected paragraphs of text after the headline)")
    if article.published is None:
        _find_date_near(page, title_index, body_start, body_end, article, sheet)
    if article.published is None:
        _find_stamp_after(page, body_end, article)
    if article.published is None:
        _find_labelled_stamp(page, article, sheet)
    if article.published is None:
        _find_stamp_anywhere(page, title_index, article, sheet)
    if article.published is None:
        _find_titled_stamp(page, title_index, article)
    if article.published is None and sheet:
        _find_date_near(page, title_index, body_start, body_end, article)
    if article.published is None and sheet:
        _find_labelled_stamp(page, article)
    if article.published is None and sheet:
        _find_stamp_anywhere(page, title_index, article)
    if article.published is None and article.relative_stamp is None:
        _find_relative_near(page, title_index, body_start, article)
    if article.published is None and article.relative_stamp is None:
        _find_told_date(article)
    if article.published is None and article.relative_stamp is None:
        _find_comment_date(page, title_index, article)
    if article.published is None and article.relative_stamp is None:
        _find_stamp_anywhere(page, title_index, article, last_resort=True)
    if article.published is None and article.relative_stamp is None:
        _find_embedded_post_date(page, article)
    if article.publisher is None:
        article.publisher = _copyright_holder(page)
    return article


def _story_in_header(page: _Page, title_index: int, body_start: int, header_end: int,
                     article: Article) -> list[int]:
    """The story's paragraphs that the header took in (`[body_start, header_end)`, the top
    of the body run down to its last byline or stamp) below the header's first byline or
    stamp, and did not keep as the standfirst: [the first such paragraph, then the header's
    other lines from there on, to be left out]; empty when there is none. A standfirst
    stands between the headline and its byline; prose under the byline that the header
    would drop is the writer's story."""
    def signed(index: int) -> bool:
        block = page.blocks[index]
        bare = _BULLET.sub("", block.text).strip()
        return bool(bare) and not block.junk and (
            (block.words <= 16 and _byline(bare, page.blocks[index + 1:index + 5]) is not None)
            or (block.words <= 25 and bool(_dates_in(bare, page.day_first))
                and _stamp_like(bare, block.words, page.day_first)))

    if not any(_counts(block) for block in page.blocks[body_start:header_end]):
        return []  # (most headers end where the body run starts)
    first = next((index for index in range(title_index + 1, header_end) if signed(index)),
                 None)
    if first is None:
        return []
    kept = {_fold(text) for text in article.standfirst}
    story = [index for index in range(max(body_start, first + 1), header_end)
             if _counts(page.blocks[index]) and not signed(index)
             and _fold(re.sub(r"\s{2,}", " ", _BULLET.sub("", page.blocks[index].text).strip()))
             not in kept]
    if not story:
        return []
    return [story[0], *(index for index in range(story[0], header_end) if index not in story)]


#: A text browser's lead stands within this many blocks above the story's first paragraph.
LEAD_REACH = 6


def _flush_left_lead(page: _Page, title_index: int, body_start: int) -> list[str]:
    """The lead of a text browser's dump: a paragraph of prose (ten words or more, a final
    stop) that the dump sets flush left, as it sets headings, between the headline and the
    story's first paragraph, with only furniture, captions, bylines and stamps between it
    and the story (a dump indents the story's paragraphs; the lead, set apart in the page's
    header, is not, so it reads as no prose). Empty when there is none, or it is shown twice
    (a teaser)."""
    lead: list[str] = []
    for index in range(body_start - 1, max(title_index, body_start - 1 - LEAD_REACH), -1):
        block = page.blocks[index]
        if block.junk or block.caption or _looks_like_meta(block.text):
            continue
        if block.stop or block.bullet or block.indent != 0:
            break
        if (block.words >= PROSE_MIN_WORDS and _ENDS_PROSE.search(block.text) is not None
                and page.folded_lines.get(_fold(block.text), 0) == 1
                and not _URL.search(block.text[:40])):
            lead.insert(0, re.sub(r"\s{2,}", " ", block.text))
            if len(lead) == STANDFIRST_BLOCKS:
                break
    return [text for text in lead if not is_furniture(text)]


#: The headings of a recipe card's parts: its ingredients, then its steps.
_INGREDIENTS = re.compile(r"^(?:ingredients?(?: list)?|what you(?:'ll| will)? need|you will "
                          r"need|zutaten|ingrédients|ingredientes|ingredienti|ingrediënten)"
                          r"(?:\s*(?:&|and)\s*preparation)?\s*:?$", re.IGNORECASE)
_STEPS = re.compile(r"^(?:directions|instructions|method|steps|preparation|how to make (?:it|"
                    r"them)|zubereitung|préparation|preparación|procedimento|bereiding)\s*:?$",
                    re.IGNORECASE)
#: A recipe card is looked for this many blocks past the story's prose, ...
RECIPE_WINDOW = 80
#: ... its steps follow its ingredients within this many blocks, and take at most this many.
RECIPE_INGREDIENTS = 60
RECIPE_STEPS = 40


def _recipe_span(page: _Page, title_index: int, body_start: int,
                 body_end: int) -> tuple[int, int] | None:
    """A recipe card under the headline, [its "Ingredients" heading, the end of its steps):
    the ingredient list and the steps are the article's text, although their short lines
    do not read as prose. None when the page has no card, or the story holds it already."""
    blocks = page.blocks
    limit = min(len(blocks), body_end + RECIPE_WINDOW)
    start = next((i for i in range(title_index + 1, limit)
                  if blocks[i].words <= 5 and _INGREDIENTS.match(blocks[i].text.strip())), None)
    if start is None or any(b.stop for b in blocks[body_end:start]):
        return None
    steps = next((i for i in range(start + 2, min(len(blocks), start + RECIPE_INGREDIENTS))
                  if blocks[i].words <= 5 and _STEPS.match(blocks[i].text.strip())), None)
    if steps is None:
        return None
    end = steps + 1
    while end < min(len(blocks), steps + RECIPE_STEPS) and not blocks[end].stop:
        end += 1
    if body_start <= start and end <= body_end:
        return None
    return start, end


def _opens_story(block: _Block) -> bool:
    """Whether a block can be the story's first paragraph: prose, a short sentence ("This
    post originally appeared on Grist.") or a dateline alone on its line."""
    if _counts(block) or _lone_dateline(block.text):
        return True
    cased = [c for c in block.text if c.lower() != c.upper()]
    return (not (block.junk or block.caption or block.stop or block.bullet)
            and block.words >= 4 and bool(re.search(r"[.!?][\"'”’“‘»«›‹)]*$", block.text))
            and (not cased or re.search(r"\b[^\W\d_A-Z]{2,}\b", block.text) is not None)
            and not _looks_like_meta(block.text))


# --- Step 1: lines to blocks -------------------------------------------------------------------


def _clean_line(line: str) -> str:
    return line.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").rstrip()


def _strip_marks(text: str) -> str:
    return re.sub(r"\s{2,}", " ", _LYNX_MARKS.sub(" ", text)).strip()


def _is_furniture(line: str) -> bool:
    key = _COUNT_SUFFIX.sub("", _BULLET.sub("", line)).strip().lower().rstrip(":").strip()
    return (key in FURNITURE or bool(_RELATIVE.match(key)) or bool(_READING_TIME.match(key))
            or not (re.search(r"\w", key) or _is_symbol_line(key)))


#: The label of a box of links for further reading ("Weitere Informationen zum Coronavirus:",
#: "Further information"), folded as `_is_stop` folds it.
_MORE_INFO = re.compile(
    r"^(?:weitere|mehr|zusätzliche)\s+informationen(?:\s+(?:zu|zum|zur|über)\b.*)?$"
    r"|^(?:zusatzinformationen|(?:more|further|additional) information|más información|"
    r"plus d'informations|informations complémentaires|mais informações|"
    r"maggiori informazioni|meer informatie)$")
#: The label of a part of the page that follows the article, said in a short line rather
#: than in the exact words of `STOPS`: a comments form or thread ("Hinterlasse eine
#: Antwort", "11 Kommentare", "1 reply on ..."), the links to the next and previous posts,
#: a list of other stories ("Das könnte Sie auch interessieren", "Lesen Sie auch die
#: folgenden Beiträge:", "Pour approfondir", "Saiba mais"), an author's box ("Zur Person").
_STOP_LABEL = re.compile(
    r"^\d+\s+(?:kommentare?|antworten|comentarios?|commentaires?|commenti|reacties|"
    r"komentarz[ey]?|repl(?:y|ies)|comments?|responses?)\b(?:\s+(?:zu|on|to|sur|a|zum|zur|auf)"
    r"\b.*)?$"
    r"|^(?:hinterlasse|hinterlassen sie|schreibe|schreiben sie|verfasse|kommentieren sie|"
    r"deja|dejar|laisser|laissez|lascia|leave)\b.{0,30}\b(?:kommentar|antwort|comentario|"
    r"respuesta|commentaire|réponse|commento|risposta|comment|reply)\b"
    r"|^(?:kommentar|kommentare)\s+(?:erstellen|schreiben|verfassen|abgeben|hinzufügen|"
    r"anzeigen)\b|^(?:neueste|letzte|aktuelle)\s+(?:kommentare|beiträge|artikel|news)\b"
    r"|^kommentieren sie\b|^beitrags-?navigation$|^(?:vorheriger|nächster|folgender|"
    r"voriger)\s+(?:beitrag|artikel|post)\b|^article (?:précédent|suivant)\b"
    r"|^(?:artículo|articulo|nota) (?:anterior|siguiente)\b"
    r"|\b(?:könnte|könnten|dürfte|dürften)\b.{0,40}\b(?:interessieren|gefallen)\b"
    r"|^(?:lesen sie|lies|lest)\s+(?:auch|mehr|weiter)\b|^(?:noch\s+)?mehr\s+(?:zum thema|"
    r"zu diesem thema|news|nachrichten|artikel|beiträge|themen)\b"
    r"|^auch lesen\b|^(?:zobacz|czytaj) (?:również|też|także)\b"
    # A box of links for further reading: "Weitere Informationen zum Coronavirus:".
    rf"|{_MORE_INFO.pattern}"
    r"|^weitere\s+(?:beiträge|artikel|topthemen|top-themen|themen|nachrichten|meldungen|"
    r"pressemitteilungen|news|geschichten|texte)\b"
    r"|^(?:beliebte|ähnliche|verwandte|interessante|empfohlene|passende)\s+(?:beiträge|"
    r"artikel|posts|themen|news)\b|^top[- ]?themen\b|^zum weiterlesen\b|^zur person\b"
    r"|^(?:pour (?:aller plus loin|approfondir)|à lire (?:aussi|également)|lire aussi|"
    r"sur le même (?:sujet|thème)|seguí leyendo|sigue leyendo|te puede interesar|"
    r"también te puede interesar|saiba mais|leia (?:também|mais)|veja (?:também|mais)|"
    r"leggi anche|potrebbe interessarti|more (?:news|stories|articles|posts)|"
    r"you (?:may|might) also (?:like|enjoy|be interested))")
#: ... a label is this short.
STOP_LABEL_WORDS = 10


#: A blog's comments heading that counts its comments in words or digits and names the post,
#: however long its headline: "One thought on “...”", "2 Gedanken zu „...“", "Une réflexion
#: sur « ... »", "One response to ...".
_COMMENTS_HEADING = re.compile(
    r"^(?:\d+|one|two|three|ein|eine|zwei|drei|un|une|uno|una)\s+(?:thoughts?|responses?|"
    r"comments?|repl(?:y|ies)|gedanken?|antworten|kommentare?|réflexions?|commentaires?|"
    r"réponses?|comentarios?|respuestas?|commenti|risposte|reacties)\s+(?:on|to|zu|zum|zur|"
    r"auf|sur|à|a|en|sobre|su|op)\s+\S")


def _is_stop(text: str) -> bool:
    key = _COUNT_SUFFIX.sub("", text).strip().lower().strip("{}[]()<>").rstrip(":.!").strip()
    key = key.replace("’", "'")
    if key in STOPS or _STOP_PATTERN.match(key):
        return True
    if (count_words(key) <= TITLE_MAX_WORDS and not text.rstrip().endswith(".")
            and _COMMENTS_HEADING.match(key)):
        return True
    return (count_words(key) <= STOP_LABEL_WORDS and not key.endswith(".")
            and _STOP_LABEL.search(key) is not None)


def _parse(content: str) -> _Page:
    raw_lines = [_clean_line(line) for line in content.split("\n")]
    longest = max((len(line.strip()) for line in raw_lines), default=0)
    # The whole text is hard-wrapped at `width` (a text of short lines only is not).
    width = longest if WRAP_MIN_CHARS <= longest <= WRAP_MAX_CHARS else None
    blocks: list[_Block] = []
    current: list[_Line] = []

    def flush() -> None:
        if current:
            blocks.extend(_blocks_of(current, width))
            current.clear()

    for number, raw in enumerate(raw_lines):
        if not raw.strip():
            flush()
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        stripped = raw.strip()
        if _is_mark_line(stripped) or (stripped.startswith("#") and re.search(
                r"\balternate\b|\bFeed\b| » ", stripped)):
            flush()
            blocks.append(_Block(stripped, number, indent, junk=True))
            continue
        text = _strip_marks(stripped)
        if not text or not (re.search(r"\w", text) or _is_symbol_line(text)):
            flush()
            # A rule across the page (a text browser's <hr>) closes a part of the page.
            block = _Block(stripped, number, indent, junk=True)
            block.rule = len(stripped) >= HR_MIN_CHARS and not stripped.strip("_-=")
            blocks.append(block)
            continue
        bullet = (bool(_LYNX_BULLET.match(text)) and (indent >= 4 or text[0] in "*•·")) or (
            indent >= 4 and bool(_NUMBERED.match(text)))
        if bullet:
            flush()
            item = _LYNX_BULLET.sub("", text).strip()
            if item:
                blocks.append(_Block(item, number, indent, bullet=True))
            continue
        if current and (indent == 0) != (current[-1].indent == 0) and not current[-1].cut:
            flush()  # a heading (flush left) next to indented text: separate blocks
        current.append(_Line(number, text, indent,
                             BROWSER_WRAP_CHARS <= len(raw) <= BROWSER_WRAP_MAX_CHARS))
    flush()
    indented_prose = [b for b in blocks if b.words >= PROSE_MIN_WORDS and not b.bullet]
    indented = bool(indented_prose) and (
        sum(b.words for b in indented_prose if b.indent > 0)
        > 0.6 * sum(b.words for b in indented_prose))
    all_text = "\n".join(block.text for block in blocks)
    page = _Page(blocks=blocks, indented=indented, day_first=_day_first(all_text),
                 all_text=all_text)
    if indented:
        by_indent: dict[int, int] = {}
        for block in indented_prose:
            by_indent[block.indent] = by_indent.get(block.indent, 0) + block.words
        page.prose_indent = max(by_indent, key=lambda indent: by_indent[indent])
    for block in blocks:
        _classify(block)
        if indented and block.indent == 0:
            block.prose = False  # flush left in a dump: a heading (or code), not prose
        key = _fold(block.text)
        page.folded_lines[key] = page.folded_lines.get(key, 0) + 1
    _mark_repeated_captions(blocks)
    _mark_credited_captions(blocks, indented)
    _mark_templates(blocks)
    _mark_teasers(blocks)
    _mark_inline_boxes(blocks)
    _mark_author_boxes(blocks)
    _mark_comments(blocks)
    return page


class _Line(NamedTuple):
    """A non-empty line of the pasted text, without its text browser's marks."""

    number: int
    text: str
    indent: int
    #: The line is as long as a text browser makes a line: it was cut, and goes on below.
    cut: bool


def _blocks_of(lines: list[_Line], width: int | None) -> list[_Block]:
    """Blocks from a run of non-empty lines: hard-wrapped lines are joined (when the whole
    text is wrapped at `width`), and so are lines a text browser cut; each other line is a
    block of its own (pasted pages keep one paragraph per line). A line of furniture on its
    own ("Share", "Comments (12)", "4 hours ago") is never joined to another."""
    # Each line is tested on its own (never the growing block), so that reading stays linear
    # in the length of the text. A block of furniture is never joined, so only a block of
    # one line can be furniture.
    blocks: list[_Block] = []
    parts: list[str] = []
    start = lines[0]
    start_furniture = False
    for position, line in enumerate(lines):
        if not parts:
            parts, start = [line.text], line
            start_furniture = _is_furniture(line.text)
            continue
        previous = lines[position - 1]
        first_word = line.text.split()[0]
        wrapped_here = (width is not None and not _BULLET.match(line.text)
                        and len(previous.text) + 1 + len(first_word) > width - 2
                        and len(previous.text) >= 0.5 * width)
        furniture = (len(parts) == 1 and start_furniture) or (
            _is_furniture(line.text) and not line.text[0].islower())
        if previous.cut or (not furniture and (wrapped_here
                                               or _continues(previous.text, line.text))):
            parts.append(line.text)
        else:
            blocks.append(_Block(" ".join(parts), start.number, start.indent))
            parts, start = [line.text], line
            start_furniture = _is_furniture(line.text)
    if parts:
        blocks.append(_Block(" ".join(parts), start.number, start.indent))
    return blocks


def _continues(previous: str, line: str) -> bool:
    """Whether `line` is the wrapped continuation of the paragraph `previous`."""
    return not _SENTENCE_END.search(previous) and (line[0].islower() or line[0] in ",;")


def furniture_marks(text: str) -> tuple[bool, bool]:
    """How the paste reader's block tests (`_classify`) read one paragraph alone: (page
    furniture, a label that ends the story such as "Related stories"). For the saved-page
    reader, so that both readers agree on what is the article."""
    block = _Block(text, line=0, indent=0)
    _classify(block)
    return block.junk, block.stop


#: A menu set in one line has at least this many items between bars, ...
MENU_ITEMS = 3
#: ... each of at most this many words.
MENU_ITEM_WORDS = 5


def _is_menu_line(text: str) -> bool:
    """A line of links between bars ("Politik | Blog | Impressum | Kontakt"): a menu or a
    footer's links, left out of the body (only there: the headline's and the header's
    tests still see it). One with a digit is left alone: a stamp or a byline's line ("May
    3, 2021 | News | 4 Comments")."""
    if " | " not in text or re.search(r"\d", text):
        return False
    parts = text.split(" | ")
    return len(parts) >= MENU_ITEMS and all(1 <= count_words(part) <= MENU_ITEM_WORDS
                                            for part in parts)


#: A line wholly in brackets or parentheses ("[Related: ...]", "(Read more: ...)").
_WRAPPED = re.compile(r"\s*[\[(]([^\[\]()]+)[\])]\s*")


def _classify(block: _Block) -> None:
    text = block.text
    if block.junk:
        return
    wrapped = _WRAPPED.fullmatch(text)
    if wrapped is not None:
        # A link box set in brackets inside the story ("[Related: Other headline]") is what
        # its words are without them: furniture, and the story goes on after it.
        inner = _Block(wrapped.group(1).strip(), line=block.line, indent=block.indent)
        _classify(inner)
        if inner.junk:
            block.junk, block.stop = True, inner.stop
            return
    if block.words <= 15 and re.search(r"\bnewsletters?\b|\binbox\b", text, re.IGNORECASE):
        block.junk = block.stop = True  # a newsletter box closes the article
        return
    if block.words <= NEWSLETTER_WORDS and _NEWSLETTER.search(text):
        block.junk = True  # a longer call to subscribe, which may stand inside the story
        return
    if (_PROMO.search(text) and block.words <= 60) or (
            block.words <= 40 and _COOKIES.search(text)) or (
            block.words <= COOKIE_NOTICE_WORDS and _COOKIE_NOTICE.match(text)):
        block.junk = True
        return
    if (block.words <= FORM_LINE_WORDS and _FORM_LINE.search(text)) or (
            block.words <= COMMENT_PROMPT_WORDS and _COMMENT_PROMPT.search(text)) or (
            block.words <= CONSENT_WORDS and _CONSENT.match(text)) or (
            block.words <= TEASER_LINE_WORDS and _TEASER_LINE.match(text)):
        block.junk = True
        return
    if block.words <= DISCLAIMER_WORDS and _DISCLAIMER.match(text):
        block.junk = True  # "Disclaimer: articles on this site may contain opinions ..."
        return
    if block.words <= BIO_WORDS and _BIO.match(text):
        block.junk = block.stop = True  # an author's note closes the article
        return
    block.stop = _is_stop(text)
    if (block.words <= CALL_TO_ACT_WORDS and _CALL_TO_ACT.match(text)) or (
            block.words <= SITE_LINE_WORDS and _SITE_LINE.search(text)):
        block.junk = True
        return
    if _is_furniture(text) or _is_mark_line(text) or (
            block.words <= 12 and _UI_LINE.match(text)):
        block.junk = True
        return
    block.stop = block.stop or (block.words <= 30 and bool(re.match(
        r"^(?:©|\(c\)|copyright\b)|.*\ball rights reserved\b", text, re.IGNORECASE))
        and not _PHOTO_COPYRIGHT.match(text))
    long_enough = block.words >= PROSE_MIN_WORDS
    plain = _TAG.sub(" ", text).strip() if "<" in text else text  # "...said.</div>"
    sentences = bool(_ENDS_PROSE.search(plain) or _SENTENCE_BREAK.search(plain))
    separators = text.count("|") + text.count(" • ") + text.count(" / ")
    block.prose = long_enough and sentences and separators < 2 and not _URL.search(text[:40])
    block.caption = (bool(_CAPTION.search(text) or _CREDIT_TAIL.search(text))
                     and block.words <= 60) or bool(_AGENCY_CAPTION.match(text))


#: A paragraph of two sentences or more and at least this many words, shown twice, is the
#: story and its teaser too (a caption is one sentence, or has its credit).
REPEATED_STORY_WORDS = 30


def _mark_repeated_captions(blocks: list[_Block]) -> None:
    """Image captions that a page shows twice (the alt text, then the caption) are dropped,
    both copies. A paragraph longer than a caption and with no credit, shown twice, is the
    story and its teaser (a paywalled page shows its opening above the box and again in
    it): the first copy is dropped, the last kept."""
    for index, block in enumerate(blocks):
        if block.junk or block.words < 3 or (block.indent == 0 and not block.bullet):
            continue
        key = _fold(block.text)
        for distance, other in enumerate(blocks[index + 1:index + 13], 1):
            other_key = _fold(other.text)
            if other.junk or not other_key or (other.indent == 0 and not other.bullet):
                continue
            similar = min(len(key), len(other_key)) >= 0.8 * max(len(key), len(other_key))
            contained = key in other_key or other_key in key
            if (other_key == key and not _CAPTION.search(block.text) and (
                    block.words > CAPTION_MAX_WORDS or (
                        block.words >= REPEATED_STORY_WORDS
                        and _SENTENCE_BREAK.search(block.text) is not None))):
                block.caption = True
            elif (other_key == key and (distance <= 3 or block.words >= 8)) or (
                    distance <= 3 and len(key) > 30 and contained
                    and (similar or _CAPTION.search(other.text) or _CAPTION.search(block.text))):
                block.caption = other.caption = True
        if _doubled(key):
            block.caption = True  # "A caption. A caption." on one line


def _doubled(key: str) -> bool:
    """Whether a folded line is one text written twice ("A caption. A caption.", an image's
    alt text and its caption run together)."""
    bare = re.sub(r"^\d{1,3}[.)]?\s+", "", key)
    half = len(bare) // 2
    return len(bare) > 30 and (bare[:half].strip() == bare[half:].strip()
                               or bare[:half - 1].strip() == bare[half + 1:].strip()
                               or bare[:half + 1].strip() == bare[half:].strip())


#: A photo's credit on its own line ("Photo: Ann Roe", "AFP via Getty Images") has at most
#: this many words; ...
CREDIT_LINE_WORDS = 8
#: ... and the caption above it at most this many, ...
CAPTION_MAX_WORDS = 60
#: ... on the line just above it (a paragraph above a picture and its credit has a blank
#: line between).
CAPTION_CREDIT_GAP = 1
#: A line that is a credit and nothing else ("Photograph by Ann Roe", "Ann Roe / Getty
#: Images") credits the picture above it, with one blank line between, ...
_BARE_CREDIT = re.compile(
    r"^\(?(?:photo(?:graph)?|image|picture|illustration|credit|foto)s?(?:\s+(?:by|courtesy"
    r"(?: of)?)\s|\s*(?:credit\s*)?[:/©])|^[^!?]{0,80}?(?:/|\bvia)\s*(?:getty images|ap|afp|"
    r"reuters|epa|shutterstock)\)?\s*$", re.IGNORECASE)
BARE_CREDIT_GAP = 2
#: A picture's credit, "© Name" with no year and no rights reserved ("© Shutterstock/racorn",
#: "© dpa | Kay Nietfeld"): it stands inside the story, and does not close it as the site's
#: "© 2023 Velmora Gazette. All rights reserved." does.
_PHOTO_COPYRIGHT = re.compile(r"^©\s*(?!.*\b(?:19|20)\d\d\b)(?!.*(?i:rights|reserved|rechte|"
                              r"droits|derechos|direitos|diritti))\S[^.!?]{0,50}$")
#: ... when that is a caption's length (a paragraph of the story may stand there too).
BARE_CAPTION_WORDS = 35
#: In a text browser's dump, a paragraph of this many words or more just under a paragraph
#: of the story goes on with the story, though a picture's credit follows it. (In a
#: browser's paste such a paragraph was as often a long caption: see the log of issue 9.)
STORY_PARAGRAPH_WORDS = 25
#: A page where this many credited captions hold most of the prose is a slideshow.
SLIDESHOW_CAPTIONS = 3


def _mark_credited_captions(blocks: list[_Block], indented: bool = False) -> None:
    """A sentence just above a photo's credit line is the photo's caption ("A prototype of
    the device." then "Photo: Ann Roe"). Only a sentence that ends with a full stop (a
    headline has none, and may stand above its picture's credit), and only close above it;
    and not on a slideshow, whose story is its captions. In a text browser's dump
    (`indented`), which runs the story's paragraphs and the picture under them together, a
    long paragraph just under the story's prose is the story's last one, not a caption."""
    captions: list[tuple[_Block, bool]] = []
    for index in range(1, len(blocks)):
        credit = blocks[index]
        bare = _BARE_CREDIT.match(credit.text) is not None
        if not ((credit.caption or bare) and credit.words <= CREDIT_LINE_WORDS):
            continue
        if not bare and _doubled(_fold(credit.text)):
            continue  # an image's alt text and caption run together: no credit of the text above
        after = blocks[index + 1].text if index + 1 < len(blocks) else ""
        if re.match(r"(?:image |photo |media )?caption\b", after, re.IGNORECASE):
            continue  # "Image copyright X" then "Image caption ...": the caption follows
        above = blocks[index - 1]
        if (indented and above.words >= STORY_PARAGRAPH_WORDS and index >= 2
                and _counts(blocks[index - 2])):
            continue  # the story's last paragraph before a picture, not the picture's caption
        near = credit.line - above.line <= CAPTION_CREDIT_GAP
        if (not above.junk and 4 <= above.words <= CAPTION_MAX_WORDS
                and (near or (bare and credit.line - above.line <= BARE_CREDIT_GAP))
                and re.search(r"\.[\"'”’)]*$", above.text) and not above.bullet):
            captions.append((above, near or above.words <= BARE_CAPTION_WORDS))
    prose = sum(block.words for block in blocks if block.prose)
    if (len(captions) >= SLIDESHOW_CAPTIONS
            and sum(block.words for block, _ in captions) > prose / 2):
        return  # a slideshow: the captions are the story
    for block, short in captions:
        block.caption = block.caption or short


#: The label of an author's box: "About the author", "Autoreninfo", "Zur Person", or "About"
#: and the author's name ("Über Ann Roe 1009 Artikel", "About Ann Roe").
_AUTHOR_LABEL = re.compile(
    r"^(?i:about the authors?|about the writer|über (?:den|die) (?:autor|autorin|autoren)|"
    r"autoreninfo|autorenprofil|zum autor|zur autorin|zur person|author (?:bio|info)|"
    r"sobre (?:el|la|o|a) (?:autor|autora)|à propos de l'auteur|"
    r"o autorze)\s*:?$"
    r"|^(?:About|Über|Sobre|À propos de)\s+(?P<name>[A-ZÀ-Ý][\w.'’\-]+(?:\s+[A-ZÀ-Ý][\w.'’\-]+)"
    r"{0,2})(?:\s+\d+\s+(?i:artikel|beiträge|posts|articles|artículos|artigos))?\s*:?$")
#: Its note is within this many blocks of the label (a line with the name may stand between),
AUTHOR_BOX_BLOCKS = 3
#: ... at least this many words long (a caption-long line under "Autor" may be the name
#: and role only), and at most `BIO_MAX_WORDS`.
AUTHOR_NOTE_MIN_WORDS = 8
#: A note that speaks of its writer in the first person: "Ich bin Steffi, ...", "I'm a ...".
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|my|ich|mein\w*|mich|mir|je|j'|j’|moi|yo|mi|eu)\b")


def _mark_author_boxes(blocks: list[_Block]) -> None:
    """An author's box after the article ("About the author" or "Über Ann Roe", the name
    perhaps, then a paragraph about the writer) is furniture, however much it reads like
    prose. A label that names someone ("About Ann Roe") opens with a given name, and the
    paragraph under it names them or speaks in the first person: "About Velmora" or "About
    Python" then a paragraph on the town or the language is a section of the story."""
    for index, label in enumerate(blocks):
        if label.junk or label.prose or label.words > 8:
            continue
        match = _AUTHOR_LABEL.match(_BULLET.sub("", label.text).strip())
        if match is None:
            continue
        name = match.group("name")
        if name is not None and name.split()[0].casefold() not in given_names():
            continue  # "About Python", "Über uns": a section, or the site's own box
        for note in blocks[index + 1:index + 1 + AUTHOR_BOX_BLOCKS]:
            if note.junk:
                continue
            if note.words < AUTHOR_NOTE_MIN_WORDS:
                if _SENTENCE_END.search(note.text) or note.words > 4:
                    break
                continue  # the writer's name on its own line
            if note.words > BIO_MAX_WORDS or note.stop:
                break
            if name is not None and not (
                    any(part.casefold() in note.text.casefold() for part in name.split())
                    or _FIRST_PERSON.search(note.text)):
                break
            note.junk = True
            break


#: The head of a reader's comment: a name and when it was posted, to the minute ("Ann Roe
#: June 28, 2015 at 10:25 pm"), or "Ann Roe says:" ("Ann Roe sagt:", "... schreibt:").
_COMMENT_HEADER = re.compile(r"\b(?:19|20)\d\d,?\s*(?:at|@|-|,)?\s*\d{1,2}:\d\d\s*(?:am|pm)?\b|"
                             r"\b(?:says|sagt|schreibt):?\s*$", re.IGNORECASE)
#: A page with this many comment heads below a comments label has a thread of comments.
COMMENTS_MIN = 3
#: The comments label stands within this many blocks above the first comment.
COMMENTS_LABEL_BLOCKS = 10
#: The first comment has at most this many words of prose (more under a "head" is a story
#: under its byline and time).
COMMENT_MAX_WORDS = 400


def _mark_comments(blocks: list[_Block]) -> None:
    """Readers' comments are not the story, however long: when a comments label ("38
    comments", "Leave a Reply") stands just above a thread of comment heads, everything
    below the label is furniture."""
    heads = [i for i, block in enumerate(blocks)
             if 2 <= block.words <= 12 and _COMMENT_HEADER.search(block.text)]
    if len(heads) < COMMENTS_MIN:
        return
    for position, first in enumerate(heads):
        # (The label stands below the head before: a thread starts under its own label.)
        highest = max(-1, first - COMMENTS_LABEL_BLOCKS, heads[position - 1] if position else -1)
        label = next((i for i in range(first - 1, highest, -1)
                      if blocks[i].stop and _COMMENTS_LABEL.search(blocks[i].text)), None)
        if label is None or sum(1 for i in heads if i > label) < COMMENTS_MIN:
            continue
        following = heads[position + 1] if position + 1 < len(heads) else len(blocks)
        if sum(block.words for block in blocks[first + 1:following]
               if block.prose) > COMMENT_MAX_WORDS:
            continue  # a byline with its time under a "2 Comments" link: the story follows
        for block in blocks[label + 1:]:
            block.junk = True
        return


def _mark_teasers(blocks: list[_Block]) -> None:
    """A list of teasers (links to other stories: a headline shown twice, as the image's link
    and as the heading, then its summary) is furniture: the summaries are dropped when the
    page has at least `TEASERS_MIN` of them."""
    summaries = []
    for index in range(len(blocks) - 2):
        heading, again, summary = blocks[index:index + 3]
        if (not (heading.junk or heading.prose or heading.caption)
                and 2 <= heading.words <= 25 and _fold(heading.text) == _fold(again.text)
                and _counts(summary)):
            summaries.append(summary)
    if len(summaries) >= TEASERS_MIN:
        for summary in summaries:
            summary.junk = True


def _mark_inline_boxes(blocks: list[_Block]) -> None:
    """A box of links inside the article ("Related", then a few headlines, then the story
    goes on) is furniture, and does not close the article. (When the prose after the
    headlines has a byline or a date under it, it is a teaser of a related story.)"""
    for index, block in enumerate(blocks):
        if not (block.stop and _INLINE_BOX.match(_fold(block.text))):
            continue
        items = blocks[index + 1:index + 2 + INLINE_BOX_ITEMS]
        end = next((i for i, item in enumerate(items) if _counts(item) or item.stop), None)
        if end == 0 and _MORE_INFO.match(_fold(block.text).rstrip(":").strip()):
            block.stop = False  # "More information" over prose: a section of the story
            continue
        if end is None or not 1 <= end <= INLINE_BOX_ITEMS or not _counts(items[end]):
            continue
        after = next((b for b in blocks[index + 2 + end:] if not b.junk), None)
        if after is not None and after.words <= 12 and (
                _looks_like_meta(after.text) or _has_date(after.text)):
            continue
        for item in [block, *items[:end]]:
            item.junk, item.stop = True, False


def _mark_templates(blocks: list[_Block]) -> None:
    """Lines that repeat on the page with only their numbers changed ("This story has been
    shared 52,174 times", "Read more") are furniture."""
    counts: dict[str, int] = {}
    variants: dict[str, set[str]] = {}
    keys = []
    for block in blocks:
        key = re.sub(r"\d[\d,.]*", "#", _fold(block.text)) if block.words <= 20 else ""
        keys.append(key)
        if key and "#" in key:
            counts[key] = counts.get(key, 0) + 1
            variants.setdefault(key, set()).add(_fold(block.text))
    for block in blocks:
        if 2 <= block.words <= 20:
            key = _fold(block.text)
            counts[key] = counts.get(key, 0) + 1
    for block, key in zip(blocks, keys, strict=True):
        if (key and "#" in key and counts.get(key, 0) >= 3 and len(variants[key]) >= 2) or (
                block.words <= 6 and counts.get(_fold(block.text), 0) >= REPEATS_JUNK):
            block.junk = True


#: Typographic quotes and dashes as their plain forms, for `_fold`.
_PLAIN_MARKS = str.maketrans("‘’“”–—", "''\"\"--")


def _fold(text: str) -> str:
    """A line as compared with others: quotes, dashes, case, spaces and HTML entities left in
    the text ("&#39;") folded."""
    text = html.unescape(text).translate(_PLAIN_MARKS)
    return re.sub(r"\s+", " ", text).strip().casefold()


# --- Step 2: the body ----------------------------------------------------------------------------


def _counts(block: _Block) -> bool:
    """Whether a block counts as the article's prose."""
    return block.prose and not (block.junk or block.caption or block.stop)


def _weight(page: _Page, block: _Block, gap: int) -> float:
    if block.stop:
        return -STOP_COST
    if _counts(block):
        score = float(min(block.words, PROSE_MAX_SCORE))
        nested = page.prose_indent is not None and block.indent > page.prose_indent + 1
        return score / 2 if block.bullet or nested or _NUMBERED.match(block.text) else score
    return -float(min(gap, 12))


#: A line of program code: a call ("deref(id(29), ctypes.c_int)"), an assignment, a
#: statement keyword, braces or a semicolon at its end, a prompt ("> ", ">>> ").
_CODE = re.compile(r"^(?:import|from|def|class|return|if|elif|else|for|while|try|except|var|"
                   r"let|const|function|print|public|private|static|void|int|#include|"
                   r"SELECT|\$|>>>|>|\.\.\.)\s|[;{}]\s*$|^[}\])]|[A-Za-z_]\w*\([^()]*\)|"
                   r"\s(?:=|==|!=|\+=|->|=>|:=)\s|\w\[\d+\]")
#: A line of code has at most this many words.
CODE_MAX_WORDS = 30


def _is_code(block: _Block) -> bool:
    """A line of a code listing in the article: no prose, but part of the story, so that a
    listing between two paragraphs neither splits the body nor is dropped from it."""
    return (not (block.junk or block.stop or block.caption or block.prose)
            and block.words <= CODE_MAX_WORDS and _CODE.search(block.text) is not None)


def _body_span(page: _Page, lowest: int = 0, highest: int | None = None) -> tuple[int, int]:
    """The run of blocks [start, end) with the most prose (maximum-sum run), among the blocks
    [lowest, highest). Lines of code cost little and do not lengthen the stretch of non-prose
    (a listing is no menu)."""
    highest = len(page.blocks) if highest is None else highest
    openings = _story_openings(page)
    start, end = _best_run(page, lowest, highest, openings)
    if end > 0:
        start, end = _story_above_box(page, lowest, start, end, openings)
    if end == 0 and lowest > 0:
        return start, end
    if end == 0:  # no prose at all: every non-furniture block after the first
        content = [i for i, b in enumerate(page.blocks) if not b.junk]
        return (content[1], len(page.blocks)) if len(content) > 1 else (len(page.blocks),
                                                                        len(page.blocks))
    end = _short_lines_before(page, start, _trim_tail(page, start, end), end)
    # The story's first paragraph may be short: take sentences just above the run.
    while start > lowest:
        block = page.blocks[start - 1]
        if (block.junk or block.caption or block.stop or block.bullet or block.words < 4
                or not re.search(r"[.!?][\"'”’“‘»«›‹)]*$", block.text)
                or (page.indented and block.indent == 0) or _looks_like_meta(block.text)):
            break
        start -= 1
    # ... and short closing paragraphs just below it, and a wire story's credits (which
    # end the story: only more credits follow them).
    credits = False
    while end < highest:
        block = page.blocks[end]
        if _WIRE_CREDIT.match(block.text):
            end, credits = end + 1, True
            continue
        if (credits or block.junk or block.caption or block.stop or block.bullet
                or block.words < 4 or not (re.search(r"[.!?][\"'”’“‘»«›‹)]*$", block.text)
                                           or _closes_story(block.text))
                or _looks_like_meta(block.text)):
            break
        end += 1
    end = min(_list_after(page, end), highest)
    # A dateline alone on its line opens the first paragraph.
    if start > lowest and _lone_dateline(page.blocks[start - 1].text):
        start -= 1
    return start, end


#: A smiley typed as text at the end of a line (":)", ";-)", ":D").
_EMOTICON = re.compile(r"[:;]-?[)(DPp]$")


def _closes_story(text: str) -> bool:
    """A closing line of the story with no final stop: one that ends with an emoji or a
    smiley ("... and I like that 😉"). (A line that leads into what follows, "... here:",
    was as often a call to follow, register or pay: see the log of issue 9.)"""
    return (_EMOTICON.search(text) is not None
            or _PICTOGRAPH.search(text[-2:]) is not None)


#: The short lines left between the story's last paragraph and the closing label that cut
#: it have at most this many words each.
TAIL_LINE_WORDS = 8


def _short_lines_before(page: _Page, start: int, trimmed: int, end: int) -> int:
    """Where the story ends when a closing label cut its run at `trimmed` (below `end`):
    short lines only between its last paragraph and the label (a tags list under "Tagged
    with", share buttons, a "Published: ..." stamp, a newsletter's pitch) are the page's
    furniture, not the story. A longer line among them (a footnote, an embedded post)
    keeps them all."""
    if trimmed >= end:
        return trimmed
    last = trimmed
    while last > start + 1 and not (_counts(page.blocks[last - 1])
                                    or _is_code(page.blocks[last - 1])):
        last -= 1
    if any(block.words > TAIL_LINE_WORDS and not block.junk
           for block in page.blocks[last:trimmed]):
        return trimmed
    return last


def _best_run(page: _Page, lowest: int, highest: int, openings: set[int]) -> tuple[int, int]:
    """The run of blocks [start, end) with the most prose among [lowest, highest) (a
    maximum-sum run; (0, 0) when no block counts)."""
    best, best_span = 0.0, (0, 0)
    total, start, gap = 0.0, lowest, 0
    for index in range(lowest, highest):
        block = page.blocks[index]
        code = _is_code(block)
        if _counts(block):
            gap = 0
        elif not code:
            gap += 1
        weight = (-1.0 if code else _weight(page, block, gap)) + (
            OPENING_BONUS if index in openings else 0)
        if total <= 0:
            total, start = 0.0, index
        total += weight
        if total > best:
            best, best_span = total, (start, index + 1)
    return best_span


#: A story above a closing label is taken over a longer run below the label when it has
#: this many words of prose.
STORY_ABOVE_BOX_WORDS = 25
#: ... and the run below has at most this many times its words (a long story below a
#: misplaced label, "Comments" at the top of the page, is the story).
STORY_ABOVE_BOX_RATIO = 6


def _story_above_box(page: _Page, lowest: int, start: int, end: int,
                     openings: set[int]) -> tuple[int, int]:
    """A short story (a headline, its byline or date, one or two paragraphs) loses the
    maximum-sum run to the longer teasers of a related list or a sidebar under a closing
    label ("Verwandte Beiträge", "Related posts"): when the run with the most prose stands
    below such a label and opens no story, while a run above the label opens one under its
    headline's byline or date, the story is the run above."""
    if any(index in openings for index in range(start, end)):
        return start, end
    stop = next((i for i in range(start - 1, lowest - 1, -1) if page.blocks[i].stop), None)
    if stop is None:
        return start, end
    above = _best_run(page, lowest, stop, openings)
    if above[1] == 0 or not any(index in openings for index in range(*above)):
        return start, end
    words = sum(block.words for block in page.blocks[above[0]:above[1]] if _counts(block))
    below = sum(block.words for block in page.blocks[start:end] if _counts(block))
    if words < STORY_ABOVE_BOX_WORDS or below > STORY_ABOVE_BOX_RATIO * words:
        return start, end
    return above


#: A list item is a short line ("12. Winter Tide"); ...
LIST_ITEM_WORDS = 12
#: ... and a list has at most this many.
LIST_MAX_ITEMS = 150


def _list_after(page: _Page, end: int) -> int:
    """Where the story ends when a numbered list follows its prose ("1. Winter Tide", "2.
    ..."): after the list's last item. (A list the last paragraph only introduces, "...:",
    is as often a box of links or a form, so it is not taken.)"""
    blocks = page.blocks
    if not 0 < end < len(blocks):
        return end
    if sum(1 for block in blocks[end:end + 3] if _NUMBERED.match(block.text)) < 3:
        return end
    last = min(len(blocks), end + LIST_MAX_ITEMS)
    while end < last:
        block = blocks[end]
        if (block.junk or block.stop or block.caption or block.words > LIST_ITEM_WORDS
                or not _NUMBERED.match(block.text)):
            break
        end += 1
    return end


def _story_openings(page: _Page) -> set[int]:
    """The first prose block under each heading that has a byline or a full date below it
    (a headline with its header): where a story likely starts."""
    openings = set()
    for index, block in enumerate(page.blocks):
        if (block.junk or block.bullet or block.words < 3 or block.words > TITLE_MAX_WORDS
                or (page.indented and block.indent != 0) or block.prose):
            continue
        if _COMMENTS_HEADING.match(_fold(block.text)) or _COMMENT_HEADER.search(block.text):
            continue  # "One thought on “...”", "Ann Roe says:": a reader's comment follows
        meta = False
        for below in range(index + 1, min(len(page.blocks), index + 10)):
            other = page.blocks[below]
            if _counts(other):
                if meta:
                    openings.add(below)
                break
            if not other.junk and (_looks_like_meta(other.text) or _has_date(other.text)):
                meta = True
    return openings


def _trim_tail(page: _Page, start: int, end: int) -> int:
    """Cut the run at its last closing line or rule when little prose follows it (an author's
    note, a newsletter box or the first comments after the article)."""
    first = True
    # Boxes inside the story ("Most Read" and its links) are no boundary: found in one pass.
    boxes: set[int] = set()
    for index in range(start + 1, end):
        if page.blocks[index].stop and not _COMMENTS_LABEL.search(page.blocks[index].text):
            resumes = _story_resumes(page, index, end)
            if resumes is not None:
                boxes.add(index)
                for block in page.blocks[index + 1:resumes]:
                    block.junk = True
    while True:
        boundaries = [i for i in range(start + 1, end)
                      if (page.blocks[i].stop or page.blocks[i].rule) and i not in boxes]
        if not boundaries:
            return end
        last = boundaries[-1]
        before = sum(b.words for b in page.blocks[start:last] if _counts(b))
        after = sum(b.words for b in page.blocks[last:end] if _counts(b))
        share = STOP_TAIL_SHARE if first and not page.blocks[last].rule else TAIL_SHARE
        if after >= share * before:
            return end
        end, first = last, False


#: The label of the readers' comments, which close the story even when long ones follow.
_COMMENTS_LABEL = re.compile(r"comment|repl(?:y|ies)|respon|discussion|conversation|thoughts|"
                             r"leave a|join the|kommentar|comentario|comentário|commentaire|"
                             r"commento|commenti|reactie|komentarz|antwort", re.IGNORECASE)
#: A box inside the story ends within this many blocks of its label, ...
BOX_MAX_BLOCKS = 12
#: ... and the story resumes with this many paragraphs in a row, of this many words.
RESUME_PARAGRAPHS = 3
RESUME_WORDS = 120


def _story_resumes(page: _Page, label: int, end: int) -> int | None:
    """Where the story goes on after a closing label and a few short lines (a "Most Read"
    box set inside the article): paragraphs in a row, not comments between names."""
    for first in range(label + 1, min(end, label + BOX_MAX_BLOCKS)):
        run = page.blocks[first:first + RESUME_PARAGRAPHS]
        if (len(run) == RESUME_PARAGRAPHS and first + RESUME_PARAGRAPHS <= end
                and all(_counts(b) and not b.stop for b in run)
                and sum(b.words for b in run) >= RESUME_WORDS):
            return first
    return None


def _lone_dateline(text: str) -> bool:
    if len(text.split()) > 8 or not re.search(r"[-–—―]\s*$", text):
        return False
    return extract_dateline(f"{text} X") is not None


# --- Step 3: the title and the header ------------------------------------------------------------


def _looks_like_meta(text: str) -> bool:
    """A byline, a timestamp or a relative stamp."""
    bare = _BULLET.sub("", text).strip()
    byline = _BYLINE.match(bare)
    is_byline = byline is not None and len(bare.split()) <= 12 and (
        not byline.group(1) or byline.group(1)[0].isupper())
    return (is_byline or _read_stamp(bare, False) is not None
            or bool(_RELATIVE.match(bare)) or bool(_READING_TIME.match(bare)))


def _is_publisher_line(block: _Block) -> bool:
    """The line under a headline that names the publisher ("- Balitang Marino")."""
    bare = _BULLET.sub("", block.text).strip()
    return (not block.junk and block.words <= 6 and bool(re.match(r"^\s*[-–|]\s+", block.text))
            and not _SENTENCE_END.search(bare))


def _headline_case(text: str) -> bool:
    """Whether a line's letters can be a headline's: not all lower case ("read more",
    "home"), and letters at all unless it is a line of pictographs. Scripts without case
    (Chinese, Japanese, Arabic, ...) pass."""
    letters = re.findall(r"[^\W\d_]", text)
    if not letters:
        return _is_symbol_line(text)
    cased = [letter for letter in letters if letter.lower() != letter.upper()]
    return not cased or any(letter.isupper() for letter in cased) or (
        len(cased) < len(letters) / 2)


#: Lines that are never the headline: a list of tags ("TAG: ...", "Topics: ..."), an
#: address or e-mail, a byline without its "By" ("Ann Roe, Staff Writer", "Ann Roe from
#: Veyra University"), a link of the site's menu ("About Us", "Today's headlines").
_NOT_A_HEADLINE = re.compile(
    r"^(?:tags?|topics?|filed under|categories|category|keywords)\s*:|[\w.]+@[\w.]+\.\w|"
    r"\[email\s*protected\]|"
    r"^(?:(?:&|and)\s+)?(?-i:[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'’\-]+)(?:,\s*(?:[\w'’\-]+\s+){0,3}?"
    r"(?:staff|senior|chief|contributing|deputy|associate|executive|managing)?\s*(?:writer|"
    r"editor|reporter|correspondent|attorney|columnist|contributor|director|producer)\b"
    r"|\s*from\s*(?=(?-i:[A-Z]))(?:[\w'’\-]+\s+){0,2}?(?:university|college|institute)\b)|"
    r"^(?:about(?: us)?|contact(?: us)?|today'?s headlines|top stories|latest news|"
    r"most (?:read|popular|viewed|shared)|trending(?: now)?|editor'?s'? picks|you may also like|"
    r"related (?:articles|stories|posts)|more (?:stories|news)|recommended(?: for you)?)$|"
    r"^about (?-i:[A-Z])\w+$|"
    # A link to another story, with its label: "Read more: ...", "Related: ...".
    r"^(?:read more|read also|also read|see also|related|more|watch|listen|recommended|"
    r"most read|further reading)\s*:|"
    # A slide of a gallery: "1/21Europe starts to ease ...", "3 of 12".
    r"^\d{1,3}/\d{1,3}(?-i:[A-Z])|^\d{1,3} of \d{1,3}\b|"
    # A link to the previous or next post, by its arrow: "← Older post title", "Next
    # story →" (a blog's post navigation stands just above or below the headline).
    r"^[←⟵◄◀]|[→⟶►▶]$", re.IGNORECASE)


#: A photo's caption or credit, in any language: a credit in brackets at the end ("(AP
#: Photo/Ann Roe)", "(REUTERS/Ann Roe)", "(smolaw11/iStock)"), a credit label ("Foto:",
#: "Bild:", "Fotografía:"), or an agency's name in capitals after the last sentence ("...
#: on the quay at dawn. EFE").
_CREDIT_LINE = re.compile(
    r"\([^()]{0,60}\w/\w[^()]{0,60}\)\s*$|"
    r"[,.;(|–—-]\s*(?:fotos?|bild|bildquelle|fotograf[íi]a|cr[ée]dito|photos?|credit)\s*:\s*\S|"
    r"[.!?]\s+(?-i:[A-Z]{2,8})$", re.IGNORECASE)


def _title_score(page: _Page, index: int, body_start: int) -> float | None:
    """How much a block above the body looks like the headline; None if it cannot be."""
    block = page.blocks[index]
    text = block.text
    under = next((b for b in page.blocks[index + 1:body_start] if not b.junk), None)
    # A headline with the publisher's line under it ("- The Veyra Courier") is a headline
    # whatever its length.
    over_long = (block.words > TITLE_MAX_WORDS or len(text) > 300) and not (
        under is not None and _is_publisher_line(under))
    if (block.junk or block.stop or block.words < 2 or over_long
            or _looks_like_meta(text) or _URL.search(text) or _NOT_A_HEADLINE.search(text)
            or _CREDIT_LINE.search(text)
            or text.endswith((":", "|", ",")) or _CREDIT.match(text) or "©" in text
            or not _headline_case(text) or text.count("|") >= 2):
        return None
    previous = next((b for b in reversed(page.blocks[max(0, index - 3):index]) if not b.junk),
                    None)
    byline = _BYLINE.match(previous.text.strip()) if previous is not None else None
    if byline is not None and not byline.group(1).strip():
        return None  # the names under a bare "By": the byline, not a headline
    score = 0.0
    if block.bullet or _BULLET.match(text):
        score -= 4
    if page.indented:
        score += 4 if block.indent == 0 or block.indent >= CENTERED_INDENT else 0
    score += min(block.words, 8) / 2
    if block.caption:
        score -= 3
    if text.endswith(".") and block.words >= 10:
        score -= 2  # a standfirst rather than a headline
        score -= max(0, block.words - 20) * 0.3
    if (previous is not None and page.indented and previous.indent == 0 == block.indent
            and 3 <= previous.words < block.words
            and (block.words >= 12 or text.endswith("."))):
        score -= 3  # the standfirst under a headline
    # A byline or a date below it (before the body) is the surest sign of a headline (not a
    # date that is furniture: the dates of a list of teasers).
    for below in page.blocks[index + 1:min(body_start, index + 9)]:
        if not below.junk and (_looks_like_meta(below.text) or _has_date(below.text)):
            score += 3
            break
    # Headlines are often repeated on the page (breadcrumbs, share text, related lists).
    if page.folded_lines.get(_fold(text), 0) > 1:
        score += REPEAT_BONUS
    # Nearer the body is likelier, within a window.
    distance = sum(1 for b in page.blocks[index + 1:body_start] if not b.junk)
    score -= distance * 0.15
    return score


#: The names of the headline model's features, in order (see `title_features`).
TITLE_FEATURES: tuple[str, ...] = (
    "rules", "words", "short", "long", "period", "question", "meta_below", "meta_next",
    "date_above", "repeated", "distance", "nearest", "overlap", "caption", "bullet",
    "all_caps", "capitalised", "dek_below", "heading_indent", "digits", "prose", "colon",
    "in_body", "under_heading", "name_like", "symbols", "lower_start", "separators",
    "publisher_below", "lede_overlap", "top_overlap", "longer_below", "shorter_above",
    "meta_within2", "rank", "overlap_share", "title_case", "repeated_many", "line_gap_below",
    "first_with_meta", "name_start", "label_above", "role_word", "dek_pair_first",
    "dek_pair_second", "headline_over_dek", "dek_under_headline", "shared_words",
    "mentioned", "mentioned_long", "line_gap_above", "given_name", "far", "in_story",
    "glued", "glued_meta", "name_below", "candidate_below_longer",
)
#: The fewest words of a candidate above the body that, repeated in the story's prose, is
#: compared with the story's other paragraphs only (`title_candidates`).
SELF_QUOTE_WORDS = 5
#: The first blocks of the body run are headline candidates too (a browser lays a headline
#: out as a paragraph, and the run of prose may start at it).
TITLE_INTO_BODY = 3
#: ... when they are no longer than this (a headline, not a paragraph).
TITLE_IN_BODY_MAX_WORDS = 30
_MODEL_FILE = Path(__file__).with_name("data") / "title.json"
_STOP_WORDS = frozenset("""
a an and are as at be but by for from has have he her his in is it its of on or that the their
they this to was were will with who what when where which why how not new after over says said
into than more about been would could should also just your you our we out up
""".split())


@functools.cache
def title_model(indented: bool) -> dict[str, float] | None:
    """The headline model's weights by feature (made by bench/train_reader.py) for a page
    laid out flush (a browser's paste) or indented (a text browser's dump), or None when the
    data file is absent (the rules' score is used alone then)."""
    try:
        data = json.loads(_MODEL_FILE.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    weights = data["indented" if indented else "flush"]["weights"]
    return {str(name): float(weight) for name, weight in weights.items()}


def content_words(text: str) -> set[str]:
    """The words of a text that carry its subject (not "the", "of", "says")."""
    return {word for word in (w.casefold().strip(".'’-") for w in _WORD.findall(text))
            if len(word) >= 3 and word not in _STOP_WORDS and not word.isdigit()}


def _body_words(page: _Page, body_start: int, without: str = "") -> set[str]:
    """The content words of the story's first paragraphs; with `without` (folded), of those
    that do not open with that text (a candidate the story repeats as a paragraph's first
    sentence is not compared with itself)."""
    words: set[str] = set()
    taken = 0
    for block in page.blocks[body_start:]:
        if block.prose and not (without and _fold(block.text).startswith(without)):
            words |= content_words(block.text)
            taken += 1
            if taken >= 6:
                break
    return words


def title_features(page: _Page, index: int, body_start: int, rules: float,
                   body_words: set[str], nearest: bool) -> list[float]:
    """What the headline model knows of a candidate block (site-agnostic: its shape, what
    stands around it, and how much of its vocabulary the story's opening shares)."""
    block = page.blocks[index]
    text = block.text
    # (A photo's caption is not a headline's header, though it may hold a date.)
    after = [b for b in page.blocks[index + 1:min(body_start, index + 9)]
             if not (b.junk or b.caption)]
    before = [b for b in page.blocks[max(0, index - 3):index] if not b.junk]
    meta_below = any(_looks_like_meta(b.text) or _has_date(b.text) for b in after)
    meta_next = bool(after) and (_looks_like_meta(after[0].text) or _has_date(after[0].text))
    date_above = any(_has_date(b.text) for b in before[-2:])
    distance = sum(1 for b in page.blocks[index + 1:body_start] if not b.junk)
    own = content_words(text)
    overlap = len(own & body_words) / len(own) if own else 0.0
    letters = [c for c in text if c.isalpha()]
    words = text.split()
    capitalised = sum(1 for w in words if w[:1].isupper()) / len(words) if words else 0.0
    dek_below = bool(after) and after[0].words > block.words and bool(
        re.search(r"[.!?][\"'”’)]*$", after[0].text)) and not _looks_like_meta(after[0].text)
    digits = sum(c.isdigit() for c in text) / max(1, len(text))
    # The line under a headline-shaped line is a standfirst or a caption, not the headline.
    above = before[-1] if before else None
    under_heading = above is not None and 4 <= above.words <= TITLE_MAX_WORDS and not (
        re.search(r"[.:,]$", above.text) or _looks_like_meta(above.text) or above.bullet
        or above.caption) and _headline_case(above.text)
    # A person's name alone ("Alice Wu"): a byline without its "By".
    name_like = 2 <= len(words) <= 3 and all(re.fullmatch(r"[A-Z][\w.'’\-]*", w) for w in words)
    return [
        rules / 10, min(block.words, 25) / 25, float(block.words <= 3), float(block.words > 25),
        float(text.rstrip("\"'”’)").endswith(".")),
        float(text.rstrip("\"'”’)").endswith(("?", "!"))),
        float(meta_below), float(meta_next), float(date_above),
        float(page.folded_lines.get(_fold(text), 0) > 1), min(distance, 20) / 20,
        float(nearest),
        overlap, float(block.caption), float(block.bullet or bool(_BULLET.match(text))),
        float(bool(letters) and text.upper() == text), capitalised, float(dek_below),
        float(page.indented and (block.indent == 0 or block.indent >= CENTERED_INDENT)),
        digits, float(block.prose), float(":" in text), float(index >= body_start),
        float(under_heading), float(name_like), float(bool(re.search(r"[@\[\]{}<>=#]", text))),
        float(text[:1].islower()), float(len(re.findall(r"\s[/|>»›•·]\s", text)) >= 1),
        float(bool(after) and _is_publisher_line(after[0])),
    ]


def _context_features(page: _Page, index: int, body_start: int) -> list[float]:
    """How a candidate stands to its neighbours: a headline over a longer standfirst, a
    standfirst under a shorter headline, a byline or stamp just below, title case. In the
    order of `TITLE_FEATURES` from "longer_below"; "rank", "overlap_share" and
    "first_with_meta" compare the page's candidates, so `title_candidates` fills them in."""
    block = page.blocks[index]
    # (A photo's caption is not a headline's header, though it may hold a date.)
    after = [b for b in page.blocks[index + 1:min(body_start, index + 9)]
             if not (b.junk or b.caption)]
    before = [b for b in page.blocks[max(0, index - 3):index] if not b.junk]
    below = after[0] if after else None
    longer_below = below is not None and below.words > block.words and not (
        _looks_like_meta(below.text) or below.caption or below.bullet or (below.prose
        and below.words > STANDFIRST_WORDS))
    above = before[-1] if before else None
    shorter_above = above is not None and 3 <= above.words < block.words and not (
        _looks_like_meta(above.text) or above.caption or above.bullet or above.prose
        or _has_date(above.text) or re.search(r"[.:,]$", above.text)) and _headline_case(
        above.text)
    meta_within2 = any(_looks_like_meta(b.text) or _has_date(b.text) for b in after[:2])
    words = [w for w in _WORD.findall(block.text) if len(w) >= 4 and w[:1].isalpha()]
    title_case = (sum(1 for w in words if w[:1].isupper()) / len(words)
                  if len(words) >= 2 else 0.0)
    repeated_many = page.folded_lines.get(_fold(block.text), 0) > 2
    next_line = page.blocks[index + 1].line if index + 1 < len(page.blocks) else block.line
    line_gap_below = next_line - block.line > 1
    # A byline without its "By": "Ann Roe, Staff Attorney", "Ann Roe from Veyra University".
    name_start = bool(_NAME_START.match(block.text))
    # A kicker or section label just above ("Restaurant reviews", "Juvenile Justice").
    label_above = above is not None and above.words <= 3 and not _looks_like_meta(above.text)
    role_word = bool(_ROLE_WORD.search(block.text))
    # A headline and its standfirst: two lines, the second longer, then a byline or stamp.
    def pair(first: _Block, second: _Block, rest: list[_Block]) -> bool:
        return (second.words > first.words and not _looks_like_meta(second.text)
                and not _looks_like_meta(first.text) and not second.caption
                and first.words >= 3 and any(_looks_like_meta(b.text) or _has_date(b.text)
                                             for b in rest[:3]))
    dek_pair_first = below is not None and pair(block, below, after[1:])
    dek_pair_second = above is not None and pair(above, block, after)
    # Most such pairs are a label over the headline (a kicker, a breadcrumb, a site's
    # name); a headline over its standfirst has a first line shaped like a headline and a
    # second line clearly longer.
    headline_over_dek = (dek_pair_first and below is not None
                         and _headline_over_dek(block, below))
    dek_under_headline = (dek_pair_second and above is not None
                          and _headline_over_dek(above, block))
    return [float(longer_below), float(shorter_above), float(meta_within2), 0.0, 0.0,
            title_case, float(repeated_many), float(line_gap_below), 0.0, float(name_start),
            float(label_above), float(role_word), float(dek_pair_first), float(dek_pair_second),
            float(headline_over_dek), float(dek_under_headline)]


def _headline_over_dek(first: _Block, second: _Block) -> bool:
    """Whether two lines are a headline and its standfirst (not a label over a headline):
    the first of five words or more, with no separators, links or ellipsis, and the second
    at least a third longer."""
    return (5 <= first.words <= TITLE_MAX_WORDS and second.words >= first.words * 4 / 3
            and not first.caption and not _URL.search(first.text)
            and not re.search(r"\s[/|>»›•·]\s|…$|\.\.\.$", first.text))


_ROLE_WORD = re.compile(r"\b(?:staff|director|editor|reporter|correspondent|attorney|"
                        r"professor|columnist|contributor|writer|analyst|fellow|chief|"
                        r"president|officer|manager|producer|photographer|university|"
                        r"institute|college)\b", re.IGNORECASE)


_NAME_START = re.compile(r"^[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'’\-]+(?:\s*(?:,|/|\band\b|from|"
                         r"[-–|]|$))")


def title_candidates(page: _Page, body_start: int) -> list[tuple[int, list[float], str | None]]:
    """The blocks that can be the headline (nearest the body first), each with its features
    for the headline model (`TITLE_FEATURES`) and, for a headline glued to the line under it
    in the paste (`glued_heads`), the headline's text (None: the whole block)."""
    lowest = max(0, body_start - TITLE_WINDOW)
    body_words = _body_words(page, body_start)
    lede = next((b for b in page.blocks[body_start:] if b.prose), None)
    lede_words = content_words(lede.text) if lede is not None else set()
    highest = min(len(page.blocks), body_start + TITLE_INTO_BODY)
    if body_start < len(page.blocks) and extract_dateline(page.blocks[body_start].text):
        highest = body_start  # a dateline opens the story: its headline is above it
    found: list[tuple[int, list[float]]] = []
    overlaps: list[float] = []
    story_words: dict[int, set[str]] = {}
    story_openings = [_fold(b.text) for b in page.blocks[body_start:] if b.prose]
    # Blocks that are no headline whole but may hold one glued to its byline or stamp (a
    # headline joined to a line that opens in lower case: "... Follows yas! | By Ann Roe |
    # April 13, 2020", whose separators make the whole block no headline).
    refused: list[int] = []
    for index in range(highest - 1, lowest - 1, -1):
        block = page.blocks[index]
        if index >= body_start and (block.words > TITLE_IN_BODY_MAX_WORDS
                                    or extract_dateline(block.text) is not None):
            continue  # the story's paragraphs themselves
        if _is_publisher_line(block):
            continue  # "- The Veyra Courier" under the headline
        rules = _title_score(page, index, body_start)
        if rules is None:
            if not (block.junk or block.stop or block.prose or block.caption):
                refused.append(index)
            continue
        if index >= body_start:
            # A candidate in the body run is compared with the story below it, not itself.
            story_words[index] = _body_words(page, index + 1)
            lede = next((b for b in page.blocks[index + 1:] if b.prose), None)
            own_lede = content_words(lede.text) if lede is not None else set()
        else:
            own_lede = lede_words
            folded = _fold(block.text)
            if block.words >= SELF_QUOTE_WORDS and any(
                    opening.startswith(folded) and len(opening) > len(folded) + 1
                    for opening in story_openings):
                # A standfirst that the story repeats as a paragraph's first sentence: its
                # words are compared with the story's other paragraphs, not with its copy.
                story_words[index] = _body_words(page, body_start, folded)
                lede = next((b for b in page.blocks[body_start:]
                             if b.prose and not _fold(b.text).startswith(folded)), None)
                own_lede = content_words(lede.text) if lede is not None else set()
        features = title_features(page, index, body_start, rules,
                                  story_words.get(index, body_words), not found)
        own = content_words(block.text)
        lede_overlap = len(own & own_lede) / len(own) if own else 0.0
        features.append(lede_overlap)
        overlaps.append(features[TITLE_FEATURES.index("overlap")])
        found.append((index, features))
    # Headlines far from the body run, each scored against the story under it.
    far = set()
    for index, story in _far_headlines(page, lowest, highest):
        rules = _title_score(page, index, story)
        if rules is None:
            continue
        features = title_features(page, index, story, rules, body_words, False)
        own = content_words(page.blocks[index].text)
        features.append(len(own & lede_words) / len(own) if own else 0.0)
        overlaps.append(features[TITLE_FEATURES.index("overlap")])
        found.append((index, features))
        far.add(index)
    # A headline glued to the line under it (a standfirst, a byline, the site's name): the
    # headline alone is a candidate too, its features read on the page as if it stood on a
    # line of its own.
    views: list[tuple[_Page, int, tuple[str, str, str] | None]] = [
        (page, body_start, None) for _ in found]
    # (In a text browser's dump the headline has a line of its own: cutting lines there lost
    # more headlines than it found on the unseen pages, 197 -> 194 of 212 held out.)
    glued_at = [index for index, _ in found] + refused
    for index in (glued_at if not page.indented else []):
        if index in far or page.blocks[index].prose:
            continue  # (a paragraph cut at "by" or a date is not a headline)
        for head, rest, kind in glued_heads(page.blocks[index].text, index in refused):
            view, view_start = _split_view(page, index, body_start, head, rest)
            rules = _title_score(view, index, view_start)
            if rules is None:
                continue
            features = title_features(view, index, view_start, rules,
                                      story_words.get(index, body_words), False)
            own = content_words(head)
            own_lede = lede_words
            if index >= body_start:
                lede = next((b for b in view.blocks[index + 1:] if b.prose), None)
                own_lede = content_words(lede.text) if lede is not None else set()
            features.append(len(own & own_lede) / len(own) if own else 0.0)
            overlaps.append(features[TITLE_FEATURES.index("overlap")])
            found.append((index, features))
            views.append((view, view_start, (head, rest, kind)))
    top = max(overlaps, default=0.0)
    mentions = _mentions(page)
    with_meta = [index for index, features in found
                 if features[TITLE_FEATURES.index("meta_below")]]
    first_with_meta = min(with_meta, default=None)
    result: list[tuple[int, list[float], str | None]] = []
    # The candidates that are whole blocks (not a headline cut from a glued line).
    whole = {index for (index, _), (_, _, glued) in zip(found, views, strict=True)
             if glued is None}
    for rank, ((index, features), overlap, (view, view_start, glued)) in enumerate(
            zip(found, overlaps, views, strict=True)):
        features.append(float(top > 0 and overlap == top))
        context = _context_features(view, index, view_start)
        context[3] = min(rank, 10) / 10
        context[4] = overlap / top if top > 0 else 0.0
        context[8] = float(index == first_with_meta)
        features.extend(context)
        features.extend(_page_features(view, index, story_words.get(index, body_words),
                                       mentions))
        features.append(float(index in far))
        block = view.blocks[index]
        folded = _fold(block.text)
        features.append(float(block.words >= 5 and mentions.prose.count(folded)
                              > (1 if block.prose else 0)))
        features.extend([float(glued is not None),
                         float(glued is not None and glued[2] == "meta")])
        features.append(float(_name_below(view, index)))
        # The next line is another candidate, longer: a headline over its standfirst (the
        # standfirst shares more of the story's words, and often wins without this).
        below = next((i for i in range(index + 1, min(len(view.blocks), index + 4))
                      if not view.blocks[i].junk), None)
        features.append(float(glued is None and below in whole
                              and view.blocks[below].words > view.blocks[index].words))
        result.append((index, features, glued[0] if glued is not None else None))
    return result


#: A bare person's name: two or three capitalised words (a byline without its "By").
_BARE_NAME = re.compile(r"^[A-Z][\w'’\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'’\-]+){1,2}$")


def _bare_name(text: str) -> bool:
    """Whether a line is a person's name alone, with a given name first ("Ann Roe")."""
    return bool(_BARE_NAME.match(text)) and text.split()[0].casefold() in given_names()


def _name_below(page: _Page, index: int) -> bool:
    """Whether a person's name alone stands within three lines under a candidate of four
    words or more ("Ann Roe" under the headline and its standfirst): a byline without its
    "By", which stands under the headline rather than under a kicker, a tagline or a
    related story's headline."""
    block = page.blocks[index]
    if block.words < 4 or _bare_name(block.text):
        return False
    after = [b for b in page.blocks[index + 1:min(len(page.blocks), index + 5)]
             if not (b.junk or b.caption)]
    return any(_bare_name(b.text) for b in after[:3])


#: The fewest words of a headline glued to the line under it.
GLUED_HEAD_WORDS = 3
#: The words that open a byline in the languages of the pages ("by", "von", "par", ...).
_BYLINE_WORDS = frozenset("by von par door por di durch written posted".split())
#: The separators between a site's label and a byline on one line ("yas! | By Ann Roe").
_SEPARATOR_WORDS = frozenset("| · • – — - /".split())
#: The most words of a label in lower case before its separator.
GLUED_LABEL_WORDS = 2


def glued_heads(text: str, labels_only: bool = False) -> list[tuple[str, str, str]]:
    """Ways a line may be a headline glued to what stood under it in the page, as (headline,
    rest, kind): the rest a byline or a stamp ("... Lunar Lander by Ann Roe", kind "meta"),
    or the headline said twice ("twice"). A browser's paste loses the break between a
    headline and its byline when they share a box, and runs a line that opens in lower case
    on into the one above ("... Follows yas! | By Ann Roe | April 13, 2020"). With
    `labels_only`, only that last cut (for a line that is no headline whole: the other cuts
    there gave more wrong headlines than right ones on the unseen pages). (Cutting after a
    separator, " | Site", or where a capitalised sentence follows a title-case run, "... Hot
    and Fresh Welcome to ...", gave more wrong headlines than right ones: see the log of
    issue 9.)"""
    words = text.split()
    if len(words) < GLUED_HEAD_WORDS + 1:
        return []
    found: list[tuple[str, str, str]] = []
    half = len(words) // 2
    if len(words) % 2 == 0 and _fold(" ".join(words[:half])) == _fold(" ".join(words[half:])):
        return [(" ".join(words[:half]), " ".join(words[half:]), "twice")]
    for k in range(GLUED_HEAD_WORDS, len(words)):
        word = words[k]
        rest = " ".join(words[k:])
        if (word[:1].islower() and word.casefold() not in _BYLINE_WORDS
                and not _ENDS_SENTENCE.search(words[k - 1]) and _glued_label(words[k:])):
            # A line of its own that opens in lower case, a site's label and then a separator
            # before a byline or stamp, joined to the headline by the paste ("... Follows
            # yas! | By Ann Roe | April 13, 2020").
            found.append((" ".join(words[:k]), rest, "meta"))
            break
        if labels_only:
            continue
        if not (word.casefold() in _BYLINE_WORDS or word[:1].isdigit() or word.endswith(":")):
            continue
        if word.casefold() in _BYLINE_WORDS:
            if _glued_byline(words[k + 1:]):
                found.append((" ".join(words[:k]), rest, "meta"))
                break
        elif _has_date(" ".join(words[k:k + 6])) and _looks_like_meta(rest):
            found.append((" ".join(words[:k]), rest, "meta"))
            break
    return found


def _glued_label(words: list[str]) -> bool:
    """Whether words are a site's label in lower case, then a separator, then a byline or a
    stamp ("yas! | By Ann Roe | April 13, 2020"), not the end of a headline ("der Hoffnung |
    Video der Sendung vom ...", "vom 22.04.2020 – worauf wartet ...")."""
    cut = next((j for j in range(1, min(len(words), GLUED_LABEL_WORDS + 1))
                if words[j] in _SEPARATOR_WORDS), None)
    if cut is None or any(c.isdigit() for w in words[:cut] for c in w):
        return False
    after = " ".join(words[cut + 1:])
    return (bool(_BYLINE.match(after)) or _has_date(" ".join(words[cut + 1:cut + 5]))) and (
        _has_date(after) and _looks_like_meta(after))


def _glued_byline(words: list[str]) -> bool:
    """Whether the words after "by" are a byline: a name (up to three capitalised words, or
    "by" again after "written"), alone or followed by a date ("by Ann Roe — May 2, 2020"),
    not a phrase of the headline ("... Intercepted by Border Agents, Police Say")."""
    if words and words[0].casefold() == "by":
        words = words[1:]
    name = 0
    while name < min(3, len(words)) and re.fullmatch(r"[A-Z][a-z][\w.'’\-]*", words[name]):
        name += 1
    if name == 0:
        return False
    remainder = " ".join(words[name:])
    return not remainder or _has_date(remainder)


def _split_view(page: _Page, index: int, body_start: int, head: str,
                rest: str) -> tuple[_Page, int]:
    """The page with the block at `index` cut in two (its headline, then the rest), and
    where the body starts then."""
    block = page.blocks[index]
    first = _Block(head, block.line, block.indent, bullet=block.bullet)
    second = _Block(rest, block.line, block.indent, bullet=block.bullet)
    for part in (first, second):
        _classify(part)
        if page.indented and part.indent == 0:
            part.prose = False
    blocks = [*page.blocks[:index], first, second, *page.blocks[index + 1:]]
    return (dataclasses.replace(page, blocks=blocks),
            body_start + 1 if index < body_start else body_start)


#: How far below a headline its byline or stamp (blocks), and then its story, may start.
HEADER_BLOCKS = 6
STORY_BLOCKS = 10


def _far_headlines(page: _Page, lowest: int, highest: int) -> list[tuple[int, int]]:
    """Headings outside the window above the body [lowest, highest) that have a header (a
    byline or a full date) and then prose under them: the headline of a story shorter
    than the run of captions, comments or teasers that the body run took. Each with where
    its story starts."""
    found = []
    for index, block in enumerate(page.blocks):
        if lowest <= index < highest:
            continue
        if (block.junk or block.bullet or block.words < 3 or block.words > TITLE_MAX_WORDS
                or (page.indented and block.indent != 0) or block.prose or block.caption):
            continue
        meta = False
        others = 0
        for below in range(index + 1, min(len(page.blocks), index + STORY_BLOCKS)):
            other = page.blocks[below]
            if _counts(other):
                if meta:
                    found.append((index, below))
                break
            if other.junk:
                continue
            if below <= index + HEADER_BLOCKS and (_looks_like_meta(other.text)
                                                   or _has_date(other.text)):
                meta = True
                continue
            if other.caption or other.words <= 3:
                continue  # a photo's caption; a name or a handle of the byline
            # Only a standfirst may stand between a headline and its byline (a heading
            # over a list of dated teasers is not a headline).
            others += 1
            if others > 1 or meta or other.words <= block.words:
                break
    return found


#: The most words a headline shares with the story's opening that still count (the count
#: beside the share: a two-word name that the story repeats shares all its words, a
#: headline shares several).
SHARED_WORDS_MAX = 6


class _Mentions(NamedTuple):
    """The page's lines that are not prose, folded, and the lines cut short with an
    ellipsis ("Brothel catering to politicians, doctors,…"), to find a candidate repeated
    elsewhere on the page (a share text, a breadcrumb, a related list). Prose is left out:
    a standfirst or a phrase is repeated in the story itself."""

    text: str
    cut: tuple[str, ...]
    #: The page's prose, folded (a standfirst is often the story's first sentence again).
    prose: str


def _mentions(page: _Page) -> _Mentions:
    cut = tuple(sorted({folded.rstrip(".… ") for folded in
                        (_fold(block.text) for block in page.blocks)
                        if folded.endswith(("…", "...")) and len(folded) >= 24}))
    return _Mentions("\n".join(_fold(block.text) for block in page.blocks if not block.prose),
                     cut, "\n".join(_fold(block.text) for block in page.blocks if block.prose))


def _page_features(page: _Page, index: int, body_words: set[str],
                   mentions: _Mentions) -> list[float]:
    """What the rest of the page says of a candidate: the story's words it shares (as a
    count), whether the page names it again (inside another line too, or cut short with an
    ellipsis), a blank line above it, and whether it is a person's name ("Alice Wu": a
    byline, a portrait's caption). In the order of `TITLE_FEATURES` from "shared_words"."""
    block = page.blocks[index]
    shared = len(content_words(block.text) & body_words)
    folded = _fold(block.text)
    # Inside another line (a line repeated whole is the feature "repeated").
    inside = mentions.text.count(folded) > page.folded_lines.get(folded, 0)
    mentioned = len(folded) >= 12 and (inside or any(
        folded.startswith(prefix) and prefix != folded for prefix in mentions.cut))
    previous_line = page.blocks[index - 1].line if index > 0 else -1
    words = block.text.split()
    given_name = (2 <= len(words) <= 4 and all(re.fullmatch(r"[A-Z][\w.'’\-]*,?", w)
                                                 for w in words)
                  and words[0].casefold() in given_names())
    return [min(shared, SHARED_WORDS_MAX) / SHARED_WORDS_MAX, float(mentioned),
            float(mentioned and block.words >= 5), float(block.line - previous_line > 1),
            float(given_name)]


@functools.cache
def given_names() -> frozenset[str]:
    """Given names, lower case (gender-guesser's list, as the name tagger reads it)."""
    from builder.extract.entities import gender_guesser_names

    return frozenset(name for name in gender_guesser_names() if len(name) > 2)


def _title_index(page: _Page, body_start: int, use_model: bool = True) -> int | None:
    """The block holding the headline: the best-scored heading above the body, or the
    first block of the page when nothing above the body looks like one. With the headline
    model (bench/train_reader.py), a candidate's score is the model's, with the rules' score
    one of its features."""
    return _choose_title(page, body_start, use_model)[0]


def _choose_title(page: _Page, body_start: int,
                  use_model: bool = True) -> tuple[int | None, str | None]:
    """`_title_index`, and the headline's text when the model chose a headline glued to the
    line under it (None: the whole block)."""
    model = title_model(page.indented) if use_model else None
    if model is not None:
        scored = [(sum(model.get(name, 0.0) * value
                       for name, value in zip(TITLE_FEATURES, features, strict=True)),
                   index, head is None, head)
                  for index, features, head in title_candidates(page, body_start)]
        if scored:
            chosen = max(scored, key=lambda item: item[:3])
            return chosen[1], chosen[3]
        return next((i for i, b in enumerate(page.blocks) if not b.junk), None), None
    best, best_index = None, None
    lowest = max(0, body_start - TITLE_WINDOW)
    for index in range(body_start - 1, lowest - 1, -1):
        score = _title_score(page, index, body_start)
        if score is not None and (best is None or score > best):
            best, best_index = score, index
    if best_index is not None:
        return best_index, None
    return next((i for i, b in enumerate(page.blocks) if not b.junk), None), None


#: A stamp this many blocks into the body run dates the story even under a long paragraph.
LATE_STAMP_BLOCKS = 8
#: A byline or stamp this many blocks into the body run still belongs to the header ...
HEADER_SCAN_BLOCKS = 16
#: ... when at most this many paragraphs stand above it, each short enough to be a
#: standfirst or a photo's caption.
HEADER_PROSE_BLOCKS = 3


def _read_header(page: _Page, title_index: int, body_start: int, body_end: int,
                 article: Article, sheet: frozenset[int]) -> int:
    """Read publisher, bylines and stamps between the title and the body; return where the
    body starts. Bylines and stamps at the top of the body run belong to the header too
    (a standfirst above the byline reads as prose). `sheet`: the page's data-sheet fields
    (`_sheet_fields`), whose dates are no stamp."""
    from builder.extract.dates import relative_in_english

    zone_end = body_start
    prose = 0
    for index in range(body_start, min(body_end, body_start + HEADER_SCAN_BLOCKS)):
        block = page.blocks[index]
        if _looks_like_meta(block.text):
            zone_end = index + 1
        elif _counts(block):
            prose += 1
            if prose > HEADER_PROSE_BLOCKS or block.words > STANDFIRST_WORDS:
                break  # the story has begun: a long paragraph is no standfirst or caption
    stamps: list[tuple[dt.date, str, bool]] = []
    first = True
    prose_lines: list[int] = []  # header prose that is no byline, stamp or publisher
    last_meta = -1  # the last byline, stamp or relative stamp of the header
    for index in range(title_index + 1, zone_end):
        block = page.blocks[index]
        bare = _BULLET.sub("", block.text).strip()
        if not bare:
            continue
        is_first, first = first, False
        if index in sheet:
            continue  # a field of a data sheet under a label taken for the headline
        if _RELATIVE.match(bare) or relative_in_english(bare):
            article.relative_stamp = article.relative_stamp or bare
            last_meta = index
            continue
        if block.junk:
            continue
        names = _byline(bare, page.blocks[index + 1:index + 5])
        if names is not None and block.words <= 16:
            if names and not article.authors:
                article.authors = names
            stamps.extend((found, bare, update)
                          for found, update in _dates_in(bare, page.day_first))
            last_meta = index
            continue
        dates = _dates_in(bare, page.day_first)
        if dates and block.words <= 25 and _stamp_like(bare, block.words, page.day_first):
            stamps.extend((found, bare, update) for found, update in dates)
            last_meta = index
            continue
        if is_first and _is_publisher_line(block) and article.publisher is None:
            article.publisher = bare
        elif _counts(block) and not _looks_like_meta(bare):
            prose_lines.append(index)
    article.standfirst = _standfirst(page, title_index, prose_lines, last_meta)
    if stamps and all(update for _, _, update in stamps):
        # Only an update under the headline ("Article mis à jour le 7 janvier 2020."): the
        # original stamp may stand just above it ("Par Loïc Quill | 30 septembre 2018").
        stamps = _original_above(page, title_index) + stamps
    _take_stamp(article, stamps)
    if article.published is None:
        # A stamp under a long first paragraph: the paragraph stays the story's, and the
        # stamp still dates it.
        late = next((page.blocks[i].text for i in range(zone_end, min(
            body_end, body_start + LATE_STAMP_BLOCKS))
            if not page.blocks[i].junk and _looks_like_meta(page.blocks[i].text)), None)
        if late is not None:
            _take_stamp(article, [(day, late, update)
                                  for day, update in _dates_in(late, page.day_first)])
    return zone_end


#: A standfirst starts within this many blocks under the headline, ...
STANDFIRST_REACH = 4
#: ... and has at most this many paragraphs.
STANDFIRST_BLOCKS = 2


def _standfirst(page: _Page, title_index: int, prose_lines: list[int],
                last_meta: int) -> list[str]:
    """The standfirst: the prose of the header (`prose_lines`, no byline, stamp or
    publisher) that stands between the headline and its byline or stamp (`last_meta`), just
    under the headline, in a paragraph or two shown once on the page. It is the writer's
    text, kept on the event page, but not the story's first paragraph (the summary and the
    dateline are read from the story). Prose farther down, in more paragraphs or shown again
    elsewhere is a teaser, a notice or another story's standfirst, and left out. So is a
    paragraph that is a photo's caption or credit ("... (Ann Roe/Velmora Post)", "From left
    to right: ...") or a notice ("JavaScript is disabled in your browser"), which the
    header shows between the headline and the byline as a standfirst stands: the summary's
    own test of such furniture (`is_furniture`) refuses it."""
    lines = [index for index in prose_lines if index < last_meta]
    if (not lines or len(lines) > STANDFIRST_BLOCKS
            or lines[0] - title_index > STANDFIRST_REACH
            or any(page.folded_lines.get(_fold(page.blocks[index].text), 0) > 1
                   for index in lines)):
        return []
    texts = [re.sub(r"\s{2,}", " ", _BULLET.sub("", page.blocks[index].text).strip())
             for index in lines]
    return [text for text in texts if not is_furniture(text)]


#: Lines above the headline searched for the original stamp when the header shows only an
#: update.
ORIGINAL_ABOVE_BLOCKS = 3


def _original_above(page: _Page, title_index: int) -> list[tuple[dt.date, str, bool]]:
    """The original (not updated) dates of the stamp lines just above the headline."""
    above = [block for block in page.blocks[max(0, title_index - 6):title_index]
             if not block.junk]
    found: list[tuple[dt.date, str, bool]] = []
    for block in above[-ORIGINAL_ABOVE_BLOCKS:]:
        if block.words <= LABELLED_STAMP_WORDS and _stamp_like(block.text, block.words,
                                                                page.day_first):
            found.extend((day, block.text, False) for day, update in _dates_in(
                block.text, page.day_first) if not update)
    return found


def _take_stamp(article: Article, stamps: list[tuple[dt.date, str, bool]]) -> None:
    """The publication date: the first stamp that is not an update, else the first update."""
    if article.published is not None or not stamps:
        return
    original = [stamp for stamp in stamps if not stamp[2]]
    found, line, _ = (original or stamps)[0]
    article.published = found
    article.date_evidence = f"timestamp {line[:80]!r}"


#: A field of a data sheet: a short label, a colon, its value ("Verlag: Heyne", "Datum:
#: 31/08/2019", "Brennweite in mm: 180").
_SHEET_FIELD = re.compile(r"^[^\W\d_][^\s:]{0,24}(?:\s[^\s:]{1,24}){0,3}:(?:\s|$)")
#: Labels that a post's own meta lines carry (its author, date, section, tags, comments): a
#: list of them is the page's stamp, not an item's data sheet.
_POST_META_LABEL = re.compile(r"^(?:autor(?:in)?|author|von|by|par|por|datum|date|fecha|"
                              r"published|posted|updated|veröffentlicht|aktualisiert|"
                              r"erstellt|publié|kategorie|category|categories|rubrik|"
                              r"ressort|tags?|schlagw[öo]rter|stichw[öo]rter|themen?|topics?|"
                              r"kommentare?|comments?|lesezeit|reading time|quelle|source|"
                              r"foto|photo|bild)\b", re.IGNORECASE)
#: A data sheet has at least this many fields, not counting a post's meta labels, among
#: the lines around a field ...
SHEET_FIELDS = 3
#: ... this many lines either side.
SHEET_REACH = 3
#: A field of a data sheet has at most this many words.
SHEET_FIELD_WORDS = 10


def _sheet_fields(page: _Page) -> frozenset[int]:
    """The lines of the page that are fields of a data sheet describing some item (a book's
    publisher, pages and release date; a photograph's lens, exposure and date): a run of
    short "Label: value" lines, most of them not a post's own meta labels. Their dates are
    the item's, not the page's stamp (when a label of the sheet is taken for the headline,
    the sheet's "Datum:" stands where a stamp would)."""
    fields = [block.words <= SHEET_FIELD_WORDS and bool(_SHEET_FIELD.match(block.text))
              for block in page.blocks]
    item = [is_field and not _POST_META_LABEL.match(block.text)
            for is_field, block in zip(fields, page.blocks, strict=True)]
    found: set[int] = set()
    for index, is_field in enumerate(fields):
        if is_field and sum(item[max(0, index - SHEET_REACH):index + SHEET_REACH + 1]) >= (
                SHEET_FIELDS):
            found.add(index)
    return frozenset(found)


def _find_date_near(page: _Page, title_index: int, body_start: int, body_end: int,
                    article: Article, sheet: frozenset[int] = frozenset()) -> None:
    """No stamp under the title: a date just above the title, then in the header zone, then
    at the top of the body. Lines in `sheet` (a data sheet's fields) are passed over."""
    stamps: list[tuple[dt.date, str, bool]] = []
    above = [page.blocks[i] for i in range(max(0, title_index - 6), title_index)
             if not page.blocks[i].junk and i not in sheet]
    zones = [[page.blocks[i] for i in range(title_index + 1, body_start) if i not in sheet],
             above[-4:],
             [page.blocks[i] for i in range(body_start, min(body_end, body_start + 3))
              if i not in sheet]]
    for number, zone in enumerate(zones):
        for block in zone:
            text = block.text
            # A long paragraph under the headline or at the top of the body is read only for
            # a date that opens it ("01.02.2022 The figures ...", "Wien, 14. Dezember 2021 -
            # ..."): a date further in is one the story tells of.
            if block.words > 40 and (number == 1 or (text := _opening_date(text)) == ""):
                continue
            # A sentence that tells of a day ("Seit dem 1. Oktober 2022 gilt ...") is no
            # stamp: past a few words, a line counts when it is a stamp or opens with its date.
            if text is block.text and not _stamp_like(text, block.words, page.day_first):
                continue
            stamps.extend((found, block.text, update)
                          for found, update in _dates_in(text, page.day_first))
        if stamps:
            break
    _take_stamp(article, stamps)


#: Words a line near the headline may have and still be read for any date it holds.
NEAR_SENTENCE_WORDS = 12
#: What may stand before a date that opens a paragraph: a place ("Wien, ", "Hamburg, den ").
_OPENING_PLACE = re.compile(r"^(?:[A-Z][^\W\d]+(?:[ \-][A-Z][^\W\d]+){0,2},\s+(?:den\s+|le\s+)?)?")
_OPENING_DATE = re.compile(rf"^\(?(?:\d|{_ANY_MONTH}\s)", re.IGNORECASE)


def _opening_date(text: str) -> str:
    """The start of a paragraph that opens with a date (after a place name, as a dateline
    has it, or in brackets: "(21. November 2022) Energieverbraucher ..."), else ""."""
    place = _OPENING_PLACE.match(text)
    rest = text[place.end():] if place else text
    if _OPENING_DATE.match(rest):
        return rest[:32]
    # A dateline or a stamp glued to the paragraph ("ASHMOOR, December 2, 2023 (AP) — ...",
    # "Pressemitteilung vom 25. Januar 2022 | Berlin – ..."): its date opens the story.
    return text[:DATELINE_DATE_START + 40] if _dateline_date(text) else ""


#: How many blocks after the body are searched for a stamp that a page shows at the foot
#: of the article ("Published: 03 December 2019", "Written by A on July 27, 2017").
STAMP_AFTER_BLOCKS = 40
#: A time of day beside a stamp's date ("09:22 Uhr", "5:02 PM EST", "20H06"): no words of
#: its own.
_CLOCK = re.compile(r"\b\d{1,2}(?:[:.hH]\d\d){1,2}\s*(?:[ap]\.?m\.?|uhr|h|[A-Z]{2,4}\b)?",
                    re.IGNORECASE)
_FOOT_STAMP = re.compile(r"^(?:published|posted|updated|last updated|written|by|on|date|"
                         r"veröffentlicht|erschienen|publiziert|erstellt|aktualisiert|publié|"
                         r"publicado|publicada|pubblicato|gepubliceerd|opublikowano|datum|"
                         r"fecha)\b", re.IGNORECASE)


#: The heading of a thread of comments that counts them ("11 Antworten zu “...”", "One
#: Comment", "6 Kommentare").
_COMMENTS_COUNT = re.compile(r"^(?:\d+|one|ein|eine|un|une|uno|una)\s+(?:comments?|kommentare?|"
                             r"antworten|responses?|replies|réponses?|commentaires?|"
                             r"comentarios?|respuestas?|commenti|risposte|reacties|"
                             r"komentarz[ey]?|thoughts? on)\b", re.IGNORECASE)


def _heads_comments(block: _Block) -> bool:
    """Whether a block heads the readers' comments: a heading of the page's furniture that
    names them ("Comments", "Leave a reply"), or one that counts them ("11 Antworten zu
    “...”", "One Comment")."""
    return bool((block.stop and _COMMENTS_LABEL.search(block.text)) or (
        block.words <= LABELLED_STAMP_WORDS and _COMMENTS_COUNT.match(block.text)))


def _find_stamp_after(page: _Page, body_end: int, article: Article) -> None:
    """No date above or at the top of the body: a stamp line at the foot of the article (a
    short line that is a date, or opens with "Published", "Written by", ...)."""
    stamps: list[tuple[dt.date, str, bool]] = []
    for block in page.blocks[body_end:body_end + STAMP_AFTER_BLOCKS]:
        if _heads_comments(block):
            break  # readers' comments, each with its own stamp
        bare = _BULLET.sub("", block.text).strip()
        if block.words > 15 or not bare:
            continue
        found = _dates_in(bare, page.day_first)
        if not found:
            continue
        rest = bare
        for pattern in (_DATE_MDY, _DATE_DMY, _DATE_ISO, _DATE_SPACED, _DATE_NUMERIC, _CLOCK):
            rest = pattern.sub(" ", rest)
        if _FOOT_STAMP.match(bare) or count_words(rest) <= 2:
            stamps.extend((day, bare, update) for day, update in found)
    _take_stamp(article, stamps)


#: A line that says it is the article's stamp: "Published: 22:00 GMT, 26 September 2020",
#: "Written by A on April 29, 2018", "By Ela on 31. October, 2023 | 18 Comments".
_LABELLED_STAMP = re.compile(r"^(?:(?:first |originally )?(?:published|posted|updated|last "
                             r"updated|written|created|date|veröffentlicht|erschienen|"
                             r"publiziert|erstellt|publié|publicado|publicada|pubblicato|"
                             r"gepubliceerd|opublikowano|datum|fecha)\b|by\b.{1,60}?\bon\b)",
                             re.IGNORECASE)
LABELLED_STAMP_WORDS = 25


def _find_labelled_stamp(page: _Page, article: Article,
                         sheet: frozenset[int] = frozenset()) -> None:
    """No date near the headline or the body: the first line of the page that labels itself
    the article's stamp (a page whose headline or body was not found where the stamp is;
    dates in lists and comments carry no such label). Lines in `sheet` are passed over."""
    for index, block in enumerate(page.blocks):
        bare = _BULLET.sub("", block.text).strip()
        if (block.words > LABELLED_STAMP_WORDS or not _LABELLED_STAMP.match(bare)
                or index in sheet):
            continue
        found = _dates_in(bare, page.day_first)
        if found:
            _take_stamp(article, [(day, bare, update) for day, update in found])
            return


#: Names of the days that stand beside a stamp's date ("Mi, 18. Oktober 2023", "Tue Dec 16"):
#: no words of their own.
_WEEKDAY = re.compile(r"\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\b\.?|"
                      r"\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|"
                      r"sonnabend|mo|di|mi|do|fr|sa|so|lundi|mardi|mercredi|jeudi|vendredi|"
                      r"samedi|dimanche|lunes|martes|mi[eé]rcoles|jueves|viernes|s[aá]bado|"
                      r"domingo|luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|"
                      r"sabato|domenica)\b\.?", re.IGNORECASE)
#: Words a stamp line may hold beside its date and still be only a stamp ("18. Oktober 2023
#: um 12:50 Uhr", "Updated on 3 May 2021"), at most this many.
STAMP_LINE_WORDS = 3
#: A stamp line that opens with its date and goes on with the author or the post's counts
#: ("26 Mai, 2008 | Anna | Kommentare 34", "Dezember 26, 2019 von Andrea"), at most this many
#: words in all.
OPENING_STAMP_WORDS = 15
#: A word that makes the date after it one a line tells of, not the line's stamp.
_TELLS_OF_DATE = re.compile(r"\b(?:des|der|dem|of|the|since|seit|until|till|bis|from|"
                            r"zum|after|before|nach|vor|depuis|jusqu'au|desde|hasta)\s*$",
                            re.IGNORECASE)
#: A date with its time of day after it ("18.03.2020 13:15 Uhr", "19. Mai 2010 um 23:03",
#: "May 7, 2022 | 13:43 h"): a stamp, wherever it stands in its line.
_DATE_AND_TIME = re.compile(r"(?:(?:19|20)\d\d|\d{1,2}[./]\d{1,2}[./]\d\d)\s*"
                            r"(?:,|\||-|–|um|at|à|a las|alle|às)?\s*\d{1,2}[:.hH]\d\d\b"
                            r"(?![.:]?\d)", re.IGNORECASE)
#: The signature of an embedded post before its date: a tweet's ("— Ada Quill (@adaquill) May
#: 2, 2020"), an Instagram post's ("A post shared by Ada Quill (@ada.quill) on Jun 16, 2019").
_EMBED_SIGNATURE = re.compile(r"\(@[\w.]{1,30}\)\s*(?:on\s+)?$", re.IGNORECASE)
#: An embedded Facebook post's own line, before its date: "Posted by Velmora Council on
#: Monday, February 7, 2022" (the name, "on", then the day of the week in full, and the date
#: closing the line).
_FACEBOOK_SIGNATURE = re.compile(r"^\W*posted by\b[^|•·\d]{1,60}?\bon (?:mon|tues|wednes|"
                                 r"thurs|fri|satur|sun)day, $", re.IGNORECASE)
_AFTER_OPENING_DATE = re.compile(r"^\W*(?:[|•·—–]|(?:by|von|par|por|di|door|de)\b)",
                                 re.IGNORECASE)


#: Two dates joined as a span: "09 Jan 2014 - 01 Jan 2017", "3. März 2022 bis 5. März 2022".
_SPAN = re.compile(r"^\W*\x00\s*(?:-|–|—|to|until|bis|au|al|à)\s*\x00\W*$", re.IGNORECASE)
_SPAN_WORD = re.compile(r"\s(?:-|–|—|to|until|bis|au|al|à)\s", re.IGNORECASE)


def _date_span(text: str) -> bool:
    """Whether a line is only a span of two dates (an archive's captures, an event's run, a
    season): neither end is the day the page was published."""
    if not any(char.isdigit() for char in text) or not _SPAN_WORD.search(text):
        return False
    rest = text
    for pattern in (_DATE_MDY, _DATE_DMY, _DATE_ISO, _DATE_SPACED, _DATE_NUMERIC):
        rest = pattern.sub("\x00", rest)
    return _SPAN.match(rest) is not None


def _stamp_line(text: str, day_first: bool) -> list[tuple[dt.date, bool]]:
    """The dates of a line that is a stamp: its date with little else beside it (a day, a
    time, a label), or a stamp that opens with its date and goes on with the author or the
    post's counts; [] for a line that tells of a date among other words, or a span of two
    dates."""
    found = _dates_in(text, day_first)
    if not found or (len(found) >= 2 and _date_span(text)):
        return []
    if _tells_of_date(text):
        return []  # "Anlässlich des 11. September 2001": a date the line tells of
    rest = text
    for pattern in (_DATE_MDY, _DATE_DMY, _DATE_ISO, _DATE_SPACED, _DATE_NUMERIC, _CLOCK,
                    _WEEKDAY):
        rest = pattern.sub("\x00", rest)
    if count_words(rest.replace("\x00", " ")) <= STAMP_LINE_WORDS and count_words(
            text) <= OPENING_STAMP_WORDS:
        return found
    lead = rest.lstrip(" ,|\u2009\u202f")
    if (lead.startswith("\x00") and count_words(text) <= OPENING_STAMP_WORDS
            and _AFTER_OPENING_DATE.match(lead.lstrip("\x00"))):
        return found
    # A date after a label and before its author ("Blogposting am 23. Januar 2020 von Ilse
    # Quill", "Posted on May 3, 2020 by Ada Quill").
    if count_words(text) <= OPENING_STAMP_WORDS and any(
            _AFTER_OPENING_DATE.match(after.lstrip("\x00"))
            and count_words(rest[:cut].replace("\x00", " ")) <= STAMP_LINE_WORDS
            for cut, after in ((m.end(), rest[m.end():]) for m in re.finditer("\x00+", rest))):
        return found
    if _DATE_AND_TIME.search(text) and count_words(text) <= LABELLED_STAMP_WORDS:
        return found  # "... - 18.03.2020 13:15 Uhr Autor/in: ...": a day and its time
    # A meta line of fields parted by bars, bullets or an icon font's glyphs ("30 Min. |
    # normal | 10.10.2006 | 4512 kcal"): a field that is only a date is the stamp.
    if count_words(text) <= OPENING_STAMP_WORDS and _FIELD_SEPARATOR.search(text):
        for field in _FIELD_SEPARATOR.split(text):
            rest = field
            for pattern in (_DATE_MDY, _DATE_DMY, _DATE_ISO, _DATE_SPACED, _DATE_NUMERIC,
                            _CLOCK, _WEEKDAY):
                rest = pattern.sub(" ", rest)
            if not rest.strip(" ,.-") and (dates := _dates_in(field, day_first)):
                return dates
    return []


#: What parts the fields of a meta line: a bar, a bullet, or a glyph of an icon font (the
#: Private Use Area, where a calendar or a clock icon stands before its value).
_FIELD_SEPARATOR = re.compile(r"\s[|•·]\s|[-]")


#: A line closing with a date in brackets ("... in Velmora und Ostrakan (12.02.2021)").
_BRACKETED_LAST_DATE = re.compile(r"\((?:[^()]{0,12}\s)?(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|"
                                  r"\d{4}-\d\d-\d\d|[^()]{0,12}\d{4})\)\W*$")


def _stamp_like(text: str, words: int, day_first: bool) -> bool:
    """Whether the dates of a line near the headline may be its stamp: a short line, a stamp
    line, or one that opens or ends with its date; not a sentence that tells of a day ("Seit
    dem 1. Oktober 2022 fährt die Fähre nur noch zweimal am Tag ...")."""
    if _date_span(text):
        return False
    if (words <= NEAR_SENTENCE_WORDS or _LABELLED_STAMP.match(text)
            or bool(_stamp_line(text, day_first)) or _opening_date(text) != ""
            or _dateline_date(text)):
        return True
    if _BRACKETED_LAST_DATE.search(text):
        return False
    if _ends_with_date(text):
        return True
    # A line that is no sentence, where no word before the date makes it a day told of
    # ("Martin Quill Politique 20 janvier 2020 0 Comment"), nor a caption or a heading that
    # closes with its date in brackets ("Ilse Quill über ihr Leben in Velmora (12.02.2021)").
    return (_ENDS_SENTENCE.search(text) is None and not _tells_of_date(text)
            and _BRACKETED_LAST_DATE.search(text) is None)


#: What closes a dateline after its date: perhaps an agency, then a dash or a bar ("ASHMOOR,
#: December 2, 2023 (AP) — The council ...", "Pressemitteilung vom 25. Januar 2022 | ...").
_DATELINE_CLOSE = re.compile(r"\s*(?:\([^()]{1,30}\)|/[^/]{1,30}/)?\s*(?:-{1,2}|[–—|])\s")
#: A dateline's date stands within this many characters of the paragraph's start.
DATELINE_DATE_START = 60


def _dateline_date(text: str) -> bool:
    """Whether a paragraph opens with a dateline: a date near its start closed by a dash (a
    date a sentence tells of goes on with words, and "from ... to" is told of)."""
    for pattern in (_DATE_MDY, _DATE_DMY, _DATE_ISO, _DATE_NUMERIC):
        match = pattern.search(text, 0, DATELINE_DATE_START + 40)
        if (match is not None and match.start() <= DATELINE_DATE_START
                and _DATELINE_CLOSE.match(text, match.end())
                and not _tells_of_date(text)):
            return True
    return False


def _tells_of_date(text: str) -> bool:
    """Whether the word before a line's first date makes it a day the line tells of."""
    first = min((m.start() for pattern in (_DATE_MDY, _DATE_DMY, _DATE_ISO, _DATE_SPACED,
                                           _DATE_NUMERIC) if (m := pattern.search(text))),
                default=0)
    return bool(_TELLS_OF_DATE.search(text[:first]))


def _ends_with_date(text: str) -> bool:
    """Whether a line ends with a date (and perhaps its time): a stamp glued to the line it
    follows ("... What is the secret of its recovery?Monday, 6 January 2020", "By Ada Quill |
    April 13, 2020")."""
    last = max((m.end() for pattern in (_DATE_MDY, _DATE_DMY, _DATE_ISO, _DATE_SPACED,
                                        _DATE_NUMERIC) for m in pattern.finditer(text)),
               default=None)
    if last is None:
        return False
    return count_words(_CLOCK.sub(" ", text[last:])) <= 1


def _find_stamp_anywhere(page: _Page, title_index: int, article: Article,
                         sheet: frozenset[int] = frozenset(), last_resort: bool = False) -> None:
    """The date line nearest the headline anywhere on the page, outward from the headline
    (at each distance the line below it first); copyright lines are passed over (their
    year is the site's).

    First (no date near the headline, under the body or labelled) only a stamp line: the
    headline or the body was found away from where the page shows its stamp. Lines read as
    comments, lists or other furniture, long lines, the fields in `sheet` and the readers'
    comments below the headline (each with its own stamp) are left out.

    With `last_resort` (no stamp, no told day and no comment dates the page): any full date,
    the headline's own line, lists, captions and long lines included (a stamp run on into
    the headline or a paragraph, a dated list of posts), flagged for review. The issue asks
    that a seed be refused only when no date is on it at all: a weak date a person checks
    keeps the article, a refusal loses it."""
    from builder.extract.dates import PAGE_DATE

    blocks = page.blocks
    end = len(blocks)
    if not last_resort:
        end = next((index for index, block in enumerate(blocks)
                    if index > title_index and _heads_comments(block)), end)
    for distance in range(max(title_index + 1, end - title_index)):
        for index in (title_index + distance, title_index - distance)[:2 if distance else 1]:
            if not 0 <= index < end:
                continue
            block = blocks[index]
            if not last_resort and (block.junk or block.words > LABELLED_STAMP_WORDS
                                    or index in sheet):
                continue
            bare = _BULLET.sub("", block.text).strip()
            if not bare or _COPYRIGHT_YEAR_LINE.search(bare):
                continue
            found = (_dates_in(bare, page.day_first) if last_resort
                     else _stamp_line(bare, page.day_first))
            if not found:
                continue
            _take_stamp(article, [(day, bare, update) for day, update in found])
            if last_resort:
                article.date_evidence = f"a date elsewhere on the page: {bare[:80]!r}"
                if PAGE_DATE not in article.review:
                    article.review.append(PAGE_DATE)
            return


#: A relative stamp line near the headline has at most this many words.
RELATIVE_LINE_WORDS = 16
#: Blocks just above the headline read for a relative stamp, nearest first (as many as
#: `_find_date_near` reads there for a full date).
RELATIVE_ABOVE_BLOCKS = 4
#: What parts a meta line's fields: "Ana Quill | Publicado hace 3 horas".
_META_SEPARATOR = re.compile(r"\s[|•·]\s")


def _find_relative_near(page: _Page, title_index: int, body_start: int,
                        article: Article) -> None:
    """No full date near the headline or anywhere as a stamp: a relative stamp ("Publicado
    hace 3 horas", "Ana Quill | vor 2 Tagen") on a short line between the headline and the
    first lines of the body, when the header zone stopped above it (a standfirst and a
    caption between); else on one of the few lines just above the headline, where a page
    sets its section and stamp over the headline ("Earnings / Published 1 day ago"): the
    page's own stamp, weak, but no reason to refuse the page."""
    from builder.extract.dates import relative_in_english

    end = min(len(page.blocks), max(body_start + 3, title_index + 1 + HEADER_SCAN_BLOCKS))
    above = page.blocks[max(0, title_index - RELATIVE_ABOVE_BLOCKS):title_index]
    for block in [*page.blocks[title_index + 1:end], *reversed(above)]:
        if block.words > RELATIVE_LINE_WORDS:
            continue
        for part in _META_SEPARATOR.split(_BULLET.sub("", block.text).strip()):
            if _RELATIVE.match(part.strip()) or relative_in_english(part.strip()):
                article.relative_stamp = part.strip()
                return


def _find_told_date(article: Article) -> None:
    """No stamp anywhere on the page: the first day the story's opening paragraph tells of
    ("... went aground on the evening of 3 March 2027"), so that a seed is refused only when
    no date is on it at all; flagged for review, since it is when the story happened, not
    when it was published."""
    from builder.extract.dates import STORY_DATE

    opening = article.paragraphs[0] if article.paragraphs else ""
    found = _dates_in(opening, _day_first(opening))
    if found:
        article.published = found[0][0]
        article.date_evidence = f"the story's opening tells of it: {opening[:80]!r}"
        if STORY_DATE not in article.review:
            article.review.append(STORY_DATE)


#: A list line that names a story and its date holds at most this many words beside the
#: headline ("3 Jahre Velmora 12 Dezember, 2015", "Ferry to Ostrakan - March 4, 2026").
TITLED_STAMP_WORDS = 8


def _find_titled_stamp(page: _Page, title_index: int, article: Article) -> None:
    """No stamp near the headline or anywhere as a line of its own: a line elsewhere that is
    the headline followed by its date, as a blog's list of recent posts shows each post
    ("3 Jahre Velmora 12 Dezember, 2015")."""
    title = _fold(page.blocks[title_index].text.lstrip("# "))
    if count_words(title) < 2:
        return  # a one-word headline opens too many lines
    for index, block in enumerate(page.blocks):
        if index == title_index or block.words > count_words(title) + TITLED_STAMP_WORDS:
            continue
        bare = _fold(_BULLET.sub("", block.text))
        if not bare.startswith(title):
            continue
        rest = bare[len(title):].strip(" -–|:,")
        if rest and count_words(rest) <= TITLED_STAMP_WORDS and (
                found := _stamp_line(rest, page.day_first)):
            _take_stamp(article, [(day, block.text, update) for day, update in found])
            return


#: Blocks after a comments heading searched for the readers' comment dates (the thread ends
#: sooner at the next heading of the page's furniture).
COMMENT_BLOCKS = 80


def _find_comment_date(page: _Page, title_index: int, article: Article) -> None:
    """No date anywhere but in the readers' comments under the story: the earliest day a
    comment of the thread was written (the story was published that day or before: most
    are answered the day they appear), flagged for review, so that a page that shows a date
    is not refused. The thread runs from its heading to the next heading of the page's
    furniture (a sidebar's list of posts, each with its date, is no comment)."""
    from builder.extract.dates import COMMENT_DATE

    label = next((index for index, block in enumerate(page.blocks)
                  if index > title_index and _heads_comments(block)), None)
    if label is None:
        return
    thread = page.blocks[label + 1:label + 1 + COMMENT_BLOCKS]
    end = next((index for index, block in enumerate(thread)
                if block.stop and not _COMMENTS_LABEL.search(block.text)), len(thread))
    days = [(day, block.text) for block in thread[:end]
            if block.words <= LABELLED_STAMP_WORDS
            and not _COPYRIGHT_YEAR_LINE.search(block.text)
            for day, _ in _stamp_line(_BULLET.sub("", block.text).strip(), page.day_first)]
    if days:
        day, line = min(days)
        article.published = day
        article.date_evidence = f"the first readers' comment: {line[:80]!r}"
        if COMMENT_DATE not in article.review:
            article.review.append(COMMENT_DATE)


def _find_embedded_post_date(page: _Page, article: Article) -> None:
    """No date anywhere on the page but in the signatures of the posts it embeds ("— Ann
    Roe (@annroe) November 18, 2019", "Posted by Velmora Council on Monday, February 7,
    2022"), which the other searches leave out as the posts' own: the latest of them,
    flagged for review. A story quotes posts already written, so it was published on the
    latest one's day or after, and that day is the nearest the page gives (the day most
    posts share is only as near when the story was written the day they were); the issue
    asks that a seed be refused only when no date is on it at all."""
    from builder.extract.dates import EMBED_DATE

    signed = [(day, block.text) for block in page.blocks
              for day in _embedded_post_dates(block.text, page.day_first)]
    if not signed:
        return
    day, line = max(signed, key=lambda item: item[0])
    article.published = day
    posts = f"the latest of {len(signed)} embedded posts" if len(signed) > 1 else (
        "an embedded post")
    article.date_evidence = f"{posts}, signed {line.strip()[:80]!r}"
    if EMBED_DATE not in article.review:
        article.review.append(EMBED_DATE)


_COPYRIGHT_YEAR_LINE = re.compile(r"©|\(c\)|copyright", re.IGNORECASE)


def _byline(text: str, following: list[_Block]) -> list[str] | None:
    """The names in a byline ("By A and B", "ByThe Associated Press", "By" then names on the
    lines below, "October 19, 2019 by IWB"); None if `text` is not a byline."""
    match = _BYLINE.match(text)
    if match is not None:
        rest = match.group(1).strip()
        if not rest:
            parts = []
            for block in following:
                if _has_date(block.text) or block.words > 6:
                    break
                if block.text.strip() in ("-", "|", "•"):
                    break
                parts.append(block.text.strip())
            rest = " ".join(parts)
        return _split_authors(rest)
    if _has_date(text) and (after := _BYLINE_AFTER_DATE.search(text)) is not None:
        return _split_authors(after.group(1))
    return None


def _split_authors(text: str) -> list[str]:
    text = re.sub(r"\s*[|•·,]\s*(?:updated|published|posted)\b.*$", "", text,
                  flags=re.IGNORECASE)
    for found in (_DATE_MDY.search(text), _DATE_DMY.search(text), _DATE_ISO.search(text),
                  _DATE_NUMERIC.search(text)):
        if found is not None:
            text = text[:found.start()]
    text = re.split(r"\s+(?:on|at|in|for|from)\s+(?=[A-Z0-9])|\s*[|•·–—]\s*|\s+-\s+|"
                    r"\s*@|\s*\(|\d", text)[0]
    text = re.sub(r"(?<=[a-z])(?=[A-Z][a-z]+ (?:Writer|Reporter|Editor|Correspondent)\b)",
                  " | ", text)
    text = text.split(" | ")[0]
    parts = re.split(r"\s*(?:,|\band\b|&)\s*", text)
    names = []
    for part in parts:
        name = part.strip(" .:-")
        if name and len(name.split()) <= 5 and name not in names:
            names.append(name)
    return names


def _has_date(text: str) -> bool:
    return bool(_dates_in(text, False))


def _read_stamp(line: str, day_first: bool) -> dt.date | None:
    """A publication stamp with a full date ("Published 5:02 PM EST, Tue December 16, 2025")."""
    text = _STAMP_PREFIX.sub("", line)
    if len(re.findall(r"[A-Za-z]{4,}", text)) > 6:
        return None
    dates = _dates_in(text, day_first)
    return dates[0][0] if dates else None


#: A day, a month's name and a year of two digits closing a stamp line ("Datum: 03.Mär.19",
#: "( Pescasseroli, 14 Gennaio 20 )"): read only at the end of a line and after a few words
#: (a label, a name, a place), where "14 Gennaio 20" cannot be a count ("on 14 May 20
#: people ..." goes on).
_DATE_SHORT_YEAR = re.compile(rf"(?<![\w.])(?P<day>\d{{1,2}})(?:\.\s*|\s+|-){_ANY_MONTH}"
                              rf"(?:\s+|-|(?<=\.))(?P<year>\d\d)\s*\)?\s*$", re.IGNORECASE)
#: ... after at most this many words.
SHORT_YEAR_LEAD_WORDS = 6
#: A stamp as a server's listing or a mail client writes it, the time between the day and
#: the year ("Jan 04 09:34 2021", "Tue Mar 3 14:02:11 2020").
_DATE_CLOCK_YEAR = re.compile(rf"\b{_ANY_MONTH}\s+(?P<day>\d{{1,2}})\s+\d{{1,2}}:\d\d"
                              rf"(?::\d\d)?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
#: A numeric date parted by dashes, with a four-digit year ("03-10-2004"; a two-digit year
#: would read a span or a code, "12-15-20", as one).
_DATE_DASHED = re.compile(r"(?<![\d-])(?P<a>\d{1,2})-(?P<b>\d{1,2})-(?P<year>(?:19|20)\d\d)"
                          r"(?![\d-])")


#: Letters a case-blind match takes for others ("ſep" for "sep", "maı" and "MAİ" for "mai",
#: the Kelvin sign for "k"), folded back before a month's name is looked up.
_CASE_BLIND = str.maketrans({"ſ": "s", "ı": "i", "\u212a": "k", "\u0307": ""})


def _month_of(name: str) -> int:
    """The number of the month whose name a date pattern matched, case-blind; 0 (so no date
    is made of it) for a spelling the table does not hold, rather than an error that would
    stop the page being read."""
    key = name.rstrip(".").lower()
    return _MONTHS.get(key) or _MONTHS.get(key.translate(_CASE_BLIND), 0)


#: A digit, as the date patterns read one: a line without one holds no date (a regular
#: expression finds it faster than a loop over the line's characters).
_DIGIT = re.compile(r"\d")


#: A stamp as a machine writes it, ISO date and the time to the second ("2018-08-29
#: 14:15:57", "2018-08-29T14:15:57").
_MACHINE_STAMP = re.compile(r"(?:19|20)\d\d-\d\d-\d\d[ T]\d\d:\d\d:\d\d")


def _dates_in(text: str, day_first: bool) -> list[tuple[dt.date, bool]]:
    """The full dates written in a line, in order, each with whether it is an update's
    ("Updated: ...", "Last modified on ..."). The date of an embedded post's signature is
    left out: it dates the post, not the page (`_embedded_post_dates` reads those)."""
    if _DIGIT.search(text) is None:
        return []  # every date form has a number (most lines have none)
    found = _written_dates(text, day_first)
    found = [item for item in found if not _signs_post(text, item[0], len(found))]
    if len(found) > 1 and ":" in text:
        # Markup's copies of a stamp, to the second ("2018-08-29 14:15:57", a hidden
        # element's datetime that a dump or a paste shows), beside the stamp written for
        # readers ("22.06.2018 10:20"): the written one is the page's.
        written = [item for item in found if not _MACHINE_STAMP.match(text, item[0])]
        found = written or found
    result = []
    for start, date in found:
        before = text[max(0, start - 40):start]
        clause = re.split(r"[|•·]|\s{2,}|/\s", before)[-1]
        update = bool(_UPDATE_WORD.search(clause)) and not _ORIGINAL_WORD.search(
            clause[clause.lower().rfind("updat"):] if "updat" in clause.lower() else "")
        result.append((date, update))
    return result


def _signs_post(text: str, start: int, dates: int) -> bool:
    """Whether the date at `start` of a line holding `dates` dates closes the signature of
    an embedded post: a tweet's ("— Ada Quill (@adaquill) May 2, 2020"), an Instagram
    post's ("... (@ada.quill) on Jun 16, 2019"), or a Facebook post's line ("Posted by
    Velmora Council on Monday, February 7, 2022", its only date, closing the line)."""
    return bool(_EMBED_SIGNATURE.search(text[max(0, start - 40):start])
                or (dates == 1 and _FACEBOOK_SIGNATURE.match(text[:start])
                    and _DATE_MDY.fullmatch(text.rstrip(), start)))


def _embedded_post_dates(text: str, day_first: bool) -> list[dt.date]:
    """The dates of a line that close an embedded post's signature (`_signs_post`), which
    `_dates_in` leaves out."""
    if "(@" not in text and "osted by" not in text.lower():
        return []  # every signature has a handle in brackets or "Posted by"
    found = _written_dates(text, day_first)
    return [date for start, date in found if _signs_post(text, start, len(found))]


def _written_dates(text: str, day_first: bool) -> list[tuple[int, dt.date]]:
    """The full dates written in a line, each with where it starts, in order; a day the
    line tells of beside another date is left out."""
    if _DIGIT.search(text) is None:
        return []
    found: list[tuple[int, dt.date]] = []
    # Characters already read as part of a date: a mark per character keeps the overlap test
    # linear in the text, however many dates it holds (a list of spans made it quadratic).
    taken = bytearray(len(text))

    def add(start: int, end: int, year: int, month: int, day: int) -> None:
        if any(taken[start:end]):
            return
        if not MIN_YEAR <= year <= dt.date.today().year + 1:
            return
        try:
            found.append((start, dt.date(year, month, day)))
        except ValueError:
            return
        taken[start:end] = b"\x01" * (end - start)

    # Day first, then month first: where the two overlap, a stamp shown twice and glued,
    # "12 février 202013 février 2020", is not "février 202013" (20 February 2013).
    for pattern in (_DATE_DMY, _DATE_MDY):
        for match in pattern.finditer(text):
            month = _month_of(match.group("month"))
            add(match.start(), match.end(), int(match.group("year")), month,
                int(match.group("day")))
    for match in _DATE_ISO.finditer(text):
        add(match.start(), match.end(), int(match.group("year")), int(match.group("month")),
            int(match.group("day")))
    if "年" in text or "년" in text:
        for match in _DATE_CJK.finditer(text):
            add(match.start(), match.end(), int(match.group("year")),
                int(match.group("month")), int(match.group("day")))
    for match in _DATE_SPACED.finditer(text):
        add(match.start(), match.end(), int(match.group("year")), int(match.group("b")),
            int(match.group("a")))
    # Numeric dates, parted by slashes or dots, then by dashes (a dotted one is day first).
    for match in [*_DATE_NUMERIC.finditer(text),
                  *(_DATE_DASHED.finditer(text) if "-" in text else ())]:
        a, b = int(match.group("a")), int(match.group("b"))
        year = int(match.group("year"))
        year = year + 2000 if year < 100 else year
        dots = match.groupdict().get("sep") == "."
        first_is_day = a > 12 or (b <= 12 and (dots or day_first))
        day, month = (a, b) if first_is_day else (b, a)
        add(match.start(), match.end(), year, month, day)
    if ":" in text:
        for match in _DATE_CLOCK_YEAR.finditer(text):
            add(match.start(), match.end(), int(match.group("year")),
                _month_of(match.group("month")), int(match.group("day")))
    if not found and (short := _DATE_SHORT_YEAR.search(text)) is not None and count_words(
            text[:short.start()]) <= SHORT_YEAR_LEAD_WORDS:
        add(short.start(), short.end(), 2000 + int(short.group("year")),
            _month_of(short.group("month")), int(short.group("day")))
    found.sort()
    if len(found) > 1:
        # A line with a day it tells of and its stamp ("Seit dem 1. Oktober 2022 ... 6. März
        # 2023"): the day told of is no stamp.
        found = [item for item in found if not _TELLS_OF_DATE.search(
            text[max(0, item[0] - 20):item[0]])] or found
    return found


def shows_date(lines: list[str], day: dt.date, day_first: bool | None = None) -> bool:
    """Whether a page's text (its `lines`) writes `day` as a full date, read as the stamps
    are read (numeric dates day or month first by the page's own evidence): the saved-page
    reader asks whether the date its markup gives is one the page shows its readers at all.
    A day shown only as an update ("Aktualisiert am 21.01.2022") is not counted: markup
    often gives the day of the last change. Only the lines holding the day's number and the
    year's last two digits are read. `day_first`: how numeric dates read (by default, as the
    page's evidence says)."""
    year, number = f"{day.year % 100:02d}", str(day.day)
    if not any(year in line and number in line for line in lines):
        return False  # (most pages: no need to weigh how their numeric dates read)
    return bool(date_lines(lines, day, reads_day_first(lines) if day_first is None
                           else day_first))


#: A figure's caption, labelled as one ("Abbildung: ...", "Foto: ...", "Fig. 2: ...",
#: "Bildunterschrift: ..."), or carrying a picture's credit in brackets ("(Foto: Ann Roe,
#: 15.01.2022)"): its date is the picture's or its data's ("Datensatz vom 09.03.2016"),
#: not the page's.
_CAPTION_LINE = re.compile(
    r"^(?:abbildung|abb\.|bild|bildunterschrift|foto|fotos|photo|photos|image|figure|fig\.|"
    r"caption|illustration|grafik|imagen|figura|légende)\s*\d*\s*:|"
    r"\((?:foto|fotos|bild|photo|photos|image|credit|crédito)\s*:", re.IGNORECASE)


def date_lines(lines: list[str], day: dt.date, day_first: bool) -> list[int]:
    """The indexes of the `lines` that write `day` as a full date, not as an update nor in
    a figure's caption (`_CAPTION_LINE`), read as `shows_date` reads them (`day_first`:
    how numeric dates read): where on the page a day is shown, for the saved-page reader to
    weigh which of two days stands nearer the headline."""
    year, number = f"{day.year % 100:02d}", str(day.day)
    return [index for index, line in enumerate(lines) if year in line and number in line
            and any(found == day and not update for found, update in _dates_in(line,
                                                                                 day_first))
            and not _CAPTION_LINE.search(line)]


def shown_days(line: str, day_first: bool) -> list[dt.date]:
    """The days a line writes as full dates, updates left out, read as `shows_date` reads
    them."""
    return [found for found, update in _dates_in(line, day_first) if not update]


def labels_publication(line: str) -> bool:
    """Whether a line is a short one that labels its date the publication ("Zuerst
    erschienen am 10.02.2025", "Published: 3 May 2021"): a page's own stamp wherever it
    stands (a comment's or a list's date carries no such label)."""
    return count_words(line) <= LABELLED_STAMP_WORDS and bool(_ORIGINAL_WORD.search(line))


def reads_day_first(lines: list[str]) -> bool:
    """How a page's numeric dates read (`_day_first` on its `lines`)."""
    return _day_first("\n".join(lines))


#: Short words that make up a large share of any English text ("the", "and", "of"): a page
#: where they are rare is written in another language.
_ENGLISH_WORDS = frozenset("the and of to in is that for with was on are it as be by this "
                           "have from at his her they which you has".split())
#: ... under this share of the page's words (English prose has about a fifth; German,
#: Spanish or Portuguese prose, with a few English names and menus, a few hundredths).
ENGLISH_SHARE = 0.08
#: A page needs this many words for its language to be told.
LANGUAGE_MIN_WORDS = 150
#: Spellings of Britain and the Commonwealth, and the American ones they stand for: the
#: former write numeric dates day first ("02/10/2020" is 2 October), the latter month first.
_BRITISH = re.compile(r"\b(?:(?:colo|favo|hono|labo|neighbo|behavio|harbo|rumo|humo)urs?|"
                      r"cent(?:re|red|res)|theatres?|(?:kilo|centi|milli)?metres?|litres?|"
                      r"defence|offence|(?:organ|real|recogn|apolog|critic|priorit|summar|"
                      r"emphas|mobil|character|utili)(?:ise|ised|ises|ising|isation|isations)|"
                      r"travell(?:ed|ing|er)|"
                      r"cancell(?:ed|ing)|programmes?|catalogues?|analyse[ds]?|whilst|"
                      r"amongst|per cent|tyres?|aluminium|jewellery|licence)\b",
                      re.IGNORECASE)
_AMERICAN = re.compile(r"\b(?:(?:colo|favo|hono|labo|neighbo|behavio|harbo|rumo|humo)rs?|"
                       r"cent(?:er|ered|ers)|theaters?|(?:kilo|centi|milli)meters?|liters?|"
                       r"defense|offense|(?:organ|real|recogn|apolog|critic|priorit|summar|"
                       r"emphas|mobil|character|utili)(?:ize|ized|izes|izing|ization|izations)|"
                       r"travel(?:ed|ing|er)|"
                       r"cancel(?:ed|ing)|catalogs?|analyze[ds]?|percent|tires|aluminum|"
                       r"jewelry)\b", re.IGNORECASE)

#: The pound and euro signs are evidence of a European page, up to this many of them.
CURRENCY_EVIDENCE = 3


def _day_first(text: str) -> bool:
    """Whether the page writes numeric dates day first ("05/03/2020" is 5 March), from the
    page's own evidence, strongest first: a numeric date that can only be read one way
    ("14/04/2020"); then the page's language (only American English writes the month
    first, so a page in German, Spanish or Portuguese writes the day first); then, weighed
    together, dates with month names ("5 March 2020" against "March 5, 2020"), spelling
    (British "colour", "centre", "organisation" against American "color", "center") and
    the pound and euro signs. With no evidence, month first."""
    day_first = month_first = ambiguous = 0
    for match in _DATE_NUMERIC.finditer(text):
        first, second = int(match.group("a")), int(match.group("b"))
        day_first += first > 12 >= second
        month_first += second > 12 >= first
        ambiguous += first <= 12 and second <= 12 and match.group("sep") == "/"
    if not ambiguous:
        return False  # no date on the page that the answer changes ("5.3.2020" is day first)
    if day_first != month_first:  # "14/04/2020" on the page settles how "12/04/2020" reads
        return day_first > month_first
    words = _WORD.findall(text)
    if (len(words) >= LANGUAGE_MIN_WORDS and not _CJK.search(text)
            and sum(1 for word in words if word.lower() in _ENGLISH_WORDS)
            < ENGLISH_SHARE * len(words)):
        return True
    # Dates with month names, spellings and the pound or euro sign weigh alike: a British
    # page may carry an American agency's captions ("Sept. 29, 2020"). Each date written
    # counts once: a caption shown twice (its image's text and its own line, as a dump has
    # it) or a date repeated in every caption of a gallery is one piece of evidence.
    evidence = (len({m.group(0).casefold() for m in _DATE_DMY.finditer(text)})
                - len({m.group(0).casefold() for m in _DATE_MDY.finditer(text)})
                + len(_BRITISH.findall(text)) - len(_AMERICAN.findall(text))
                + min(CURRENCY_EVIDENCE, len(re.findall(r"[£€]", text))))
    return evidence > 0


def _copyright_holder(page: _Page) -> str | None:
    """The publisher a copyright line names ("© 2020 Los Angeles Times"), if any."""
    for block in reversed(page.blocks):
        if "©" not in block.text and "copyright" not in block.text.lower():
            continue
        match = _COPYRIGHT.search(block.text)
        if match is None:
            continue
        name = match.group("name").strip(" .,-")
        name = re.sub(r"\s+(?:inc|ltd|llc|plc|gmbh|co|corp|media|group)\.?$", "", name,
                      flags=re.IGNORECASE) if len(name.split()) > 2 else name
        if 2 <= len(name) <= 60 and name.lower() not in ("all rights reserved", "the"):
            return name
    return None


# --- The body ------------------------------------------------------------------------------------


#: An author's note is at most this long.
BIO_MAX_WORDS = 200


def _is_author_bio(text: str, authors: list[str]) -> bool:
    """A paragraph that opens with the byline's name and speaks of that person ("Ann Roe
    has reported on ..."): an author's note, not the story."""
    if count_words(text) > BIO_MAX_WORDS:
        return False
    folded = text.casefold()
    return any(len(name.split()) >= 2 and folded.startswith(name.casefold() + " ")
               and not re.match(r"\s*(?:said|says|told|wrote|writes)\b",
                                folded[len(name) + 1:])
               for name in authors)


#: A related story's teaser under its headline is one short paragraph, of at most this many
#: words; ...
TEASER_MAX_WORDS = 45
#: ... its headline has at most this many words, and the kicker above it at most this many.
TEASER_HEADLINE_WORDS = 15
TEASER_KICKER_WORDS = 3
#: A run of this many teasers in a row (headline, one short paragraph, the next headline)
#: is a list of related stories, wherever it stands.
TEASER_RUN_MIN = 2
#: Two teasers under their kickers may have a short line between them (the next picture's
#: alt text, as a text browser shows it) of at most this many words.
TEASER_GAP_WORDS = 5


def _headline_like(block: _Block, most: int) -> bool:
    """A short line with no final stop that could head a story ("Waymo bittet Autohersteller
    um Geld"), not a byline or a stamp."""
    return (not (block.junk or block.caption or block.stop or block.prose or block.bullet)
            and 1 <= block.words <= most and _ENDS_SENTENCE.search(block.text) is None
            and re.match(r"[\"'“„«‘]?[^\W_]", block.text) is not None
            and _URL.search(block.text) is None and _CODE.search(block.text) is None
            and not _looks_like_meta(block.text))


def _is_teaser(block: _Block) -> bool:
    """A related story's teaser: one paragraph of a few lines (a truncated one may have no
    final stop)."""
    return (not (block.junk or block.caption or block.stop or block.bullet)
            and PROSE_MIN_WORDS <= block.words <= TEASER_MAX_WORDS)


def _teaser_units(page: _Page, start: int, end: int) -> set[int]:
    """The blocks of related stories' teasers inside the body run: a headline (with a kicker
    above it, "B2B", "Nach Zugunfällen") over one short paragraph that the next headline
    follows. The story's own subheading heads several paragraphs, or a long one; so a
    teaser counts when several stand in a row, when they close the run, or when a kicker
    stands over the headline (a subheading has none)."""
    shown = [i for i in range(start, end)
             if not (page.blocks[i].junk or page.blocks[i].caption) and page.blocks[i].text.strip()]
    units: list[tuple[int, int, bool]] = []  # (first position in shown, length, kicker)
    position = 0
    while position < len(shown):
        blocks = [page.blocks[i] for i in shown[position:position + 4]]
        unit: tuple[int, bool] | None = None
        if (len(blocks) >= 3 and _headline_like(blocks[0], TEASER_KICKER_WORDS)
                and _headline_like(blocks[1], TEASER_HEADLINE_WORDS)
                and blocks[1].words >= 3 and _is_teaser(blocks[2])):
            unit = (3, True)
        elif (len(blocks) >= 2 and _headline_like(blocks[0], TEASER_HEADLINE_WORDS)
              and blocks[0].words >= 3 and _is_teaser(blocks[1])):
            unit = (2, False)
        if unit is None:
            position += 1
            continue
        length, kicker = unit
        after = shown[position + length] if position + length < len(shown) else None
        if not kicker and after is not None and _counts(page.blocks[after]):
            position += 1  # the paragraph goes on: a subheading of the story
            continue
        units.append((position, length, kicker))
        position += length
    teasers: set[int] = set()
    run: list[tuple[int, int, bool]] = []
    for index, found in enumerate(units):
        run.append(found)
        following = units[index + 1] if index + 1 < len(units) else None
        if following is not None and following[0] == found[0] + found[1]:
            continue
        if (following is not None and following[0] == found[0] + found[1] + 1
                and found[2] and following[2]
                and page.blocks[shown[following[0] - 1]].words <= TEASER_GAP_WORDS
                and not page.blocks[shown[following[0] - 1]].prose):
            continue  # a picture's alt text between two teasers under their kickers
        closes = run[-1][0] + run[-1][1] >= len(shown)
        if closes and len(run) >= TEASER_RUN_MIN:
            teasers.update(shown[run[0][0]:run[-1][0] + run[-1][1]])
        run = []
    return teasers


def _read_body(page: _Page, start: int, end: int, article: Article,
               skip: set[int] | None = None) -> list[str]:
    """Paragraphs of the body, without furniture (nor the blocks of `skip`: the header's
    bylines and stamps among the story's first paragraphs)."""
    paragraphs: list[str] = []
    teasers = _teaser_units(page, start, end)
    for index in range(start, end):
        block = page.blocks[index]
        if index in teasers or (skip is not None and index in skip):
            continue
        text = _BULLET.sub("", block.text).strip() if not block.bullet else block.text
        if not text:
            continue
        if (credit := _CREDIT.match(text) or _SOURCE.match(text)) is not None and (
                block.words <= 8):
            article.credit = credit.group(1).strip()
            continue
        if block.junk or block.caption or block.stop or _is_menu_line(text):
            continue
        if paragraphs and _lone_dateline(paragraphs[-1]):
            paragraphs[-1] = f"{paragraphs[-1]} {text}"
            continue
        paragraphs.append(re.sub(r"\s{2,}", " ", text))
    story = [text for text in paragraphs if not _is_author_bio(text, article.authors)]
    paragraphs = story or paragraphs
    # The credit line usually stands just after the text.
    for block in page.blocks[end:end + 5]:
        text = _BULLET.sub("", block.text).strip()
        if (credit := _CREDIT.match(text) or _SOURCE.match(text)) is not None and (
                block.words <= 8):
            article.credit = article.credit or credit.group(1).strip()
    return paragraphs
