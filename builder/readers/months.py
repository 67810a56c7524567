"""Month names in the languages the readers know, shared by the text and saved-page
readers."""

from __future__ import annotations

#: Month names and their short forms, by month: English, then German, French, Spanish,
#: Italian, Portuguese and Dutch (pages in those languages write the day first: "19.
#: Dezember 2022", "21 juin 2018", "4 de mayo de 2022"). Short forms that are common words
#: in English ("out", "set") are left out. Then the forms other languages write after a day
#: ("16 marca 2021", "28. února 2020", "4. maaliskuuta 2020", "12 martie 2021", "3 марта
#: 2020"), so that a page dated that way is not refused for want of a date (issue 9):
#: Polish, Czech, Swedish, Danish and Norwegian, Finnish, Romanian, Russian and Greek (the
#: genitive). Turkish is left out: its dotless i has no case partner that a case-blind
#: match would fold back to the name.
MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio",
        "janeiro", "januari",
        "stycznia", "ledna", "tammikuuta", "ianuarie", "января", "ιανουαρίου"),
    2: ("february", "feb", "februar", "février", "fevrier", "févr", "fevr", "febrero",
        "febbraio", "fevereiro", "fev", "februari",
        "lutego", "února", "helmikuuta", "februarie", "февраля", "φεβρουαρίου"),
    3: ("march", "mar", "märz", "maerz", "mär", "mars", "marzo", "março", "maart", "mrt",
        "marca", "března", "marts", "maaliskuuta", "martie", "марта", "μαρτίου"),
    4: ("april", "apr", "avril", "avr", "abril", "abr", "aprile",
        "kwietnia", "dubna", "huhtikuuta", "aprilie", "апреля", "απριλίου"),
    5: ("may", "mai", "mayo", "maggio", "maio", "mei",
        "maja", "maj", "května", "toukokuuta", "мая", "μαΐου"),
    6: ("june", "jun", "juni", "juin", "junio", "giugno", "junho",
        "czerwca", "června", "kesäkuuta", "iunie", "июня", "ιουνίου"),
    7: ("july", "jul", "juli", "juillet", "juil", "julio", "luglio", "julho",
        "lipca", "července", "heinäkuuta", "iulie", "июля", "ιουλίου"),
    8: ("august", "aug", "août", "aout", "agosto", "ago", "augustus",
        "sierpnia", "srpna", "augusti", "elokuuta", "августа", "αυγούστου"),
    9: ("september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre",
        "setembro",
        "września", "září", "syyskuuta", "septembrie", "сентября", "σεπτεμβρίου"),
    10: ("october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "outubro",
         "października", "října", "lokakuuta", "octombrie", "октября", "οκτωβρίου"),
    11: ("november", "nov", "novembre", "noviembre", "novembro",
         "listopada", "listopadu", "marraskuuta", "noiembrie", "ноября", "νοεμβρίου"),
    12: ("december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre",
         "dic", "dicembre", "dezembro",
         "grudnia", "prosince", "joulukuuta", "decembrie", "декабря", "δεκεμβρίου"),
}
