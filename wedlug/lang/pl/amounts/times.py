"""The times step: dates, months, years, relative days, durations, sets and their ranges.

Expressions are matched on tokens (Morfeusz lemmas make `czerwcu`, `czerwca` one
month), then resolved against `article.published` into TIMEX3-like values. dateparser
is asked only about digit tokens that look like dates in a form the grammar below does
not read (`14/09/24`): it costs about 1 ms a call, the whole step about as much per article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache

from wedlug.article import Article, Token
from wedlug.lang.pl.amounts import calendar as cal
from wedlug.lang.pl.amounts.calendar import Point
from wedlug.lang.pl.amounts.numbers import idiom_tokens, noun_readings, read_number
from wedlug.lang.pl.lexicon import rows


def _ascii_digits(text: str) -> bool:
    """Tell whether a string is ASCII digits only (`²` and `٣` pass str.isdigit)."""
    return text.isascii() and text.isdigit()


_DMY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", re.ASCII)
_DATE_LIKE = re.compile(r"\d{1,4}[./]\d{1,2}[./]\d{2,4}", re.ASCII)
_YEAR_ABBREV = re.compile(r"(?:b\.\s?r\.|br\.|ub\.\s?r\.|ub\.\s?roku)", re.IGNORECASE)
_CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?", re.ASCII)
_DASHES = frozenset("-–—")
_ROK_FORMS = frozenset(("r", "rok", "roku", "rokiem"))
_FRACTIONS = {"pół": 0.5, "półtora": 1.5}


@dataclass(frozen=True, slots=True)
class Found:
    """A time expression over tokens [`start`, `end`): a point, or a ready value."""

    start: int
    end: int
    kind: str = "date"
    point: Point | None = None
    value: str | None = None
    bare: bool = False  # a lone day or year number: a time only with a preposition or range
    clock: str = ""  # a time of day added to a date (`o północy` -> T24:00)


@dataclass(frozen=True, slots=True)
class TimeWords:
    """The words of time expressions, by kind (data/time_words.tsv)."""

    day: dict[str, int]
    weekday: dict[str, int]
    shift: dict[str, int]
    unit: dict[str, str]
    sets: dict[str, str]
    part: frozenset[str]
    prefix: dict[str, bool]
    months: dict[str, int]
    seasons: dict[str, str]
    holidays: dict[str, str]
    edges: frozenset[str]
    anchors: frozenset[str] = frozenset()  # `moment`, `wybuch`: date by their genitive
    events: frozenset[str] = frozenset()  # `wojna`, `epidemia`: stretches that date
    start_lemmas: frozenset[str] = frozenset()  # lemmas that may begin an expression
    start_forms: frozenset[str] = frozenset()  # lower-case forms that may
    prefix_words: frozenset[str] = frozenset()  # first words of prefixes (`w`, `pod`)


@cache
def time_words() -> TimeWords:
    """Load the time lexicons once."""
    by_kind: dict[str, dict[str, str]] = {}
    for row in rows("time_words.tsv"):
        by_kind.setdefault(row[1], {})[row[0]] = row[2] if len(row) > 2 else ""
    months = {row[0]: int(row[1]) for row in rows("months.tsv")}
    lemmas = frozenset().union(months, by_kind["weekday"], by_kind["shift"], by_kind["unit"],
                               by_kind["season"], by_kind["part"], _HOLIDAY_STARTS, _YEARLY,
                               _FRACTIONS, _STRETCH_LEMMAS,
                               ("cały", "wiele", "weekend", "święto", "godzina"),
                               by_kind.get("anchor", {}), by_kind.get("event", {}))
    forms = _STARTERS | frozenset(by_kind["day"]) | frozenset(by_kind["set"])
    prefix_words = frozenset(p.split(" ")[0] for p in by_kind["prefix"])
    return TimeWords({k: int(v) for k, v in by_kind["day"].items()},
                     {k: int(v) for k, v in by_kind["weekday"].items()},
                     {k: int(v) for k, v in by_kind["shift"].items()},
                     dict(by_kind["unit"]), dict(by_kind["set"]), frozenset(by_kind["part"]),
                     {k: v == "1" for k, v in by_kind["prefix"].items()}, months,
                     dict(by_kind["season"]), dict(by_kind["holiday"]), frozenset(by_kind["edge"]),
                     frozenset(by_kind.get("anchor", {})), frozenset(by_kind.get("event", {})),
                     lemmas, forms, prefix_words)


class SentenceTimes:
    """Find the time expressions of one sentence's tokens."""

    def __init__(self, tokens: Sequence[Token], text: str, anchor: date | None) -> None:
        self.tokens, self.text, self.anchor = tokens, text, anchor
        self.words = time_words()
        self.low = [t.text.lower() for t in tokens]
        # Most tokens start nothing: decide that once per token, not once per reader.
        self.starts = [self._may_start(k) for k in range(len(tokens))]

    # --- single tokens -------------------------------------------------------------
    def month(self, k: int) -> int | None:
        """Return the month a token names (`czerwcu` -> 6), if a noun, or a month's
        genitive after a preposition or a day whatever the tagger chose (`Od lutego`,
        where `lutego` may be read as the adjective "frosty")."""
        if k >= len(self.tokens):
            return None
        noun = self.tokens[k].tag.startswith("subst")
        month = self.words.months.get(self.tokens[k].lemma) if noun else None
        if month is None:  # `lutego` as "frosty", `maja` as the name Maja
            after = k > 0 and (self.tokens[k - 1].tag.startswith("prep") or _ascii_digits(self.low[k - 1])
                               or self.tokens[k - 1].lemma in self.words.edges)
            return _MONTH_GENITIVES.get(self.low[k]) if after else None
        return month

    def year(self, k: int) -> int | None:
        """Return the year a four-digit token gives (1000-2100)."""
        if k < len(self.tokens) and len(self.low[k]) == 4 and _ascii_digits(self.low[k]):
            value = int(self.low[k])
            return value if 1000 <= value <= 2100 else None
        return None

    def day(self, k: int) -> int | None:
        """Return the day of month a one- or two-digit token gives."""
        if k < len(self.tokens) and len(self.low[k]) <= 2 and _ascii_digits(self.low[k]):
            value = int(self.low[k])
            return value if 1 <= value <= 31 else None
        return None

    def unit(self, k: int) -> str | None:
        """Return the calendar unit a noun names (`dni` -> D, `lat` -> Y)."""
        if k >= len(self.tokens) or not self.tokens[k].tag.startswith(("subst", "brev")):
            return None
        if self.tokens[k].lemma == "lato" and ":pl:" in self.tokens[k].tag:
            return "Y"  # `w ostatnich latach`: years, whatever reading the tagger chose
        return self.words.unit.get(self.tokens[k].lemma)

    def rok(self, k: int) -> int:
        """Return how many tokens `r.`, `roku`, `rok` take at `k` (0 if none)."""
        if k < len(self.tokens) and self.tokens[k].lemma == "rok" and self.low[k] in _ROK_FORMS:
            return 2 if self.low[k] == "r" and self._dot(k + 1) else 1
        return 0

    def _dot(self, k: int) -> bool:
        return k < len(self.tokens) and self.low[k] == "."

    def through(self, k: int, end_char: int) -> int:
        """Return the index after the last token ending by a character offset."""
        while k < len(self.tokens) and self.tokens[k].end <= end_char:
            k += 1
        return k

    # --- points ----------------------------------------------------------------------
    def year_after(self, k: int) -> tuple[int, int | None] | None:
        """Read what states a month's year: `2024 r.`, `br.`, `ubiegłego roku` -> (end, year)."""
        year = self.year(k)
        if year is not None:
            return k + 1 + self.rok(k + 1), year
        if k < len(self.tokens):
            abbrev = _YEAR_ABBREV.match(self.text, self.tokens[k].start)
            if abbrev:
                offset = -1 if abbrev.group().lower().startswith("u") else 0
                end = self.through(k, abbrev.end())
                return end, self.anchor.year + offset if self.anchor else None
        shift = self.words.shift.get(self.tokens[k].lemma) if k < len(self.tokens) else None
        if shift is not None and self.rok(k + 1):
            return k + 1 + self.rok(k + 1), self.anchor.year + shift if self.anchor else None
        return None

    def with_year(self, k: int, point: Point) -> tuple[int, Point]:
        """Extend a day or month point with the year that follows it, if any."""
        after = self.year_after(k)
        if after is None:
            return k, point
        end, year = after
        if year is None:
            return end, replace(point, grain="unresolved")
        return end, replace(point, year=year)

    def numeric_date(self, i: int) -> Found | None:
        """Read `14.09.2024` (one token) or `2024-09-14` (five)."""
        match = _DMY.fullmatch(self.low[i])
        if match:
            d, m, y = (int(g) for g in match.groups())
            if cal.valid_day(y, m, d):
                end = i + 1 + self.rok(i + 1)
                return Found(i, end, point=Point("day", y, m, d))
        year = self.year(i)
        if year is not None and i + 4 < len(self.tokens) and self.low[i + 1] == "-" == self.low[i + 3]:
            tight = all(self.tokens[k].end == self.tokens[k + 1].start for k in range(i, i + 4))
            month, day = self.low[i + 2], self.low[i + 4]
            if tight and _ascii_digits(month) and _ascii_digits(day) \
                    and cal.valid_day(year, int(month), int(day)):
                return Found(i, i + 5, point=Point("day", year, int(month), int(day)))
        if _DATE_LIKE.fullmatch(self.low[i]):
            return self.parsed_date(i)
        return None

    def parsed_date(self, i: int) -> Found | None:
        """Ask dateparser about a date-like digit token the grammar does not read."""
        import dateparser  # imported here: only rare inputs pay its import and its 1 ms

        base = datetime.combine(self.anchor, datetime.min.time()) if self.anchor else None
        settings = {"DATE_ORDER": "DMY", "STRICT_PARSING": True, "RELATIVE_BASE": base}
        parsed = dateparser.parse(self.tokens[i].text, languages=["pl"],
                                  settings={k: v for k, v in settings.items() if v is not None})
        if parsed is None:
            return None
        return Found(i, i + 1, point=Point("day", parsed.year, parsed.month, parsed.day))

    def day_month(self, i: int) -> Found | None:
        """Read `14 września [2024 r.]`; a lone day number is `bare` (for `25-26 lipca`)."""
        d = self.day(i)
        if d is None:
            return None
        m = self.month(i + 1)
        if m is None and i + 1 < len(self.tokens):
            m = _MONTH_GENITIVES.get(self.low[i + 1])  # `16 lutego`, whatever the tagger said
        if m is None:
            return Found(i, i + 1, point=Point("day", day=d), bare=True)
        if not cal.valid_day(None, m, d):
            return None
        end, point = self.with_year(i + 2, Point("day", month=m, day=d))
        if end + 1 < len(self.tokens) and self.low[end] == "o" and self.low[end + 1] in _NAMED_HOURS:
            return Found(i, end + 2, point=point, clock=_NAMED_HOURS[self.low[end + 1]])
        if end + 1 < len(self.tokens) and self.low[end] == "," and self.low[end + 1] == "godz":
            hour = self.clock(end + 1)  # `19 lipca 2018 r., godz. 12:40`
            if hour is not None:
                digits = [self.low[k] for k in range(end + 1, hour.end) if _ascii_digits(self.low[k])]
                if len(digits) == 2 and point.year is not None:
                    return Found(i, hour.end, point=point, clock=f"T{int(digits[0]):02d}:{digits[1]}")
        return Found(i, end, point=point)

    def month_year(self, i: int) -> Found | None:
        """Read `czerwca [2024 roku | ubiegłego roku | br.]`."""
        m = self.month(i)
        if m is None:
            return None
        end, point = self.with_year(i + 1, Point("month", month=m))
        return Found(i, end, point=point)

    def year_point(self, i: int) -> Found | None:
        """Read `2010 r.`, `2024 roku`, `rok 2020`, or a bare `2014` (`bare`)."""
        if self.rok(i) == 1 and self.year(i + 1) is not None:
            return Found(i, i + 2, point=Point("year", self.year(i + 1)))
        y = self.year(i)
        if y is None:
            return None
        rok = self.rok(i + 1)
        return Found(i, i + 1 + rok, point=Point("year", y), bare=not rok)

    def decade(self, i: int) -> Found | None:
        """Read `lata 90.` / `latach 80.` as a decade of the 1900s."""
        if self.tokens[i].lemma != "rok" or not self.low[i].startswith("lat") or i + 1 >= len(self.tokens):
            return None
        two = self.low[i + 1]
        if len(two) == 2 and _ascii_digits(two) and two.endswith("0"):
            end = i + 2 + self._dot(i + 2)
            century = self.shifted_unit(end) if end < len(self.tokens) else None
            if century is None:
                return Found(i, end)  # which century the text does not say
            if century.point is None or century.point.grain != "century":
                return Found(i, century.end)
            number = (century.point.number or 1) * 10 - 10 + int(two) // 10
            return Found(i, century.end, point=Point("decade", number=number))
        return None

    # --- relative expressions ----------------------------------------------------------
    def relative_day(self, i: int) -> Found | None:
        """Read `wczoraj`, `dziś`, `w czwartek`, `w ubiegły piątek`, `minionej doby`."""
        shift = 0
        k = i
        if self.words.shift.get(self.tokens[i].lemma, 0) != 0 and self.tokens[i].tag.startswith("adj"):
            shift, k = self.words.shift[self.tokens[i].lemma], i + 1
            if k < len(self.tokens) and self.unit(k) == "D" and self.tokens[k].lemma == "doba":
                return self.anchored(i, k + 1, -1 if shift < 0 else 1, "day")
        offset = self.words.day.get(self.low[k]) if k < len(self.tokens) else None
        if offset is not None and shift == 0:
            end = self.part_of_day(k + 1)
            if end < len(self.tokens) and self.low[end] == "," and self._tight_clock(end + 1):
                end += 4  # `wczoraj, 09:30`: a dateline's day and hour
            return self.anchored(i, end, offset, "day")
        weekday = self.words.weekday.get(self.tokens[k].lemma) if k < len(self.tokens) else None
        if weekday is None or not self.tokens[k].tag.startswith("subst"):
            return None
        after = k + 1 + (k + 1 < len(self.tokens) and self.low[k + 1] == ",")
        dated = self.day_month(after) if after < len(self.tokens) else None
        if dated is not None and not dated.bare:
            return Found(i, self.part_of_day(dated.end), point=dated.point)
        end = self.part_of_day(k + 1)
        if end + 1 < len(self.tokens) and self.low[end] in ("i", "oraz", "lub") \
                and self.tokens[end + 1].lemma in self.words.weekday:
            return Found(i, end + 2)  # `we wtorek i środę`: two days, one expression
        if self.anchor is None:
            return Found(i, end)
        back = (self.anchor.isoweekday() - weekday) % 7  # the last such day, today included
        if shift < 0:
            back = back or 7
        elif shift > 0:
            back = -((weekday - self.anchor.isoweekday()) % 7 or 7)
        return self.anchored(i, end, -back, "day")

    def anchored(self, i: int, end: int, days: int, grain: str) -> Found:
        """Return a point some days from publication (value unknown without a date)."""
        if self.anchor is None:
            return Found(i, end)
        moved = cal.shift(self.anchor, "D", days)
        return Found(i, end, point=cal.from_date(moved, grain) if moved else None)

    def part_of_day(self, k: int) -> int:
        """Step over `rano`, `wieczorem`, `po południu` after a day."""
        if k < len(self.tokens) and self.tokens[k].lemma in self.words.part:
            return k + 1
        if k + 1 < len(self.tokens) and self.low[k] == "po" and self.low[k + 1] == "południu":
            return k + 2
        return k

    def shifted_unit(self, i: int) -> Found | None:
        """Read `ubiegłego roku`, `w zeszłym tygodniu`, `w tym miesiącu`, `ubiegłego wieku`."""
        shift = self.words.shift.get(self.tokens[i].lemma)
        if i > 0 and self.low[i - 1] == "przez" and self.stretch_word(i):
            return None  # `przez kolejny rok`: how long, not which year
        if shift is None and self.low[i] in ("nowym", "nowego", "nowy") and self.unit(i + 1) == "Y":
            shift = 1  # `w nowym roku`: the coming year (capitalised `Nowy Rok` is the holiday)
        if shift is None or not self.tokens[i].tag.startswith(("adj", "brev")):
            return None
        k = i + 1 + self._dot(i + 1)
        unit = self.unit(k)
        if unit is None or unit in ("D", "H", "MIN"):
            return None
        if ":pl:" in self.tokens[k].tag + ":":
            return Found(i, k + 1)  # `w kolejnych tygodniach`: a stretch the text leaves open
        grain = cal.GRAIN_OF_UNIT.get(unit)
        if self.anchor is None or grain is None:
            return Found(i, k + 1)
        moved = cal.shift(self.anchor, unit, shift)
        return Found(i, k + 1, point=cal.from_date(moved, grain) if moved else None)

    def count_unit(self, i: int) -> tuple[int, float | None, str] | None:
        """Read `trzy dni`, `30 lat`, `kilka miesięcy`, `rokiem`, `pół roku` -> (end, n, unit)."""
        if i >= len(self.tokens):
            return None
        fraction = _FRACTIONS.get(self.tokens[i].lemma)
        many = self.tokens[i].lemma == "wiele" and self.low[i] in ("wielu", "wiele")
        number = None if fraction or many else read_number(self.tokens, i, self.text)
        count: float | None
        if many:
            k, count = i + 1, None  # `od wielu lat`: a stretch of unstated length
        elif self.tokens[i].lemma == "jeden" and number is None:
            k, count = i + 1, 1.0  # `przez jedną dobę` (`jedną` read as an adjective)
        elif fraction is not None:
            k, count = i + 1, fraction
        elif number is not None:
            k = number.last + 1
            count = number.low if number.exact else None
            while k < len(self.tokens) and self.stretch_word(k):
                k += 1  # `w ciągu trzech najbliższych dni`
        else:
            k, count = i, 1.0
        unit = self.unit(k)
        if unit is None or (k == i and ":pl:" in self.tokens[k].tag + ":"):
            return None
        if number is not None and number.scale != 1.0:
            return None
        if unit == "DE" and k + 1 < len(self.tokens) and self.low[k + 1] in _MONTH_GENITIVES:
            return None  # `ostatnią dekadę lipca`: ten days of a month, not ten years
        return k + 1, count, unit

    def ago(self, i: int) -> Found | None:
        """Read `tydzień temu`, `trzy dni temu`, `przed rokiem`, `przed dwoma tygodniami`."""
        before = self.low[i] == "przed"
        counted = self.count_unit(i + 1 if before else i)
        if counted is None:
            return None
        end, count, unit = counted
        if before:
            if ":inst" not in self.tokens[end - 1].tag:
                return None
        elif end < len(self.tokens) and self.low[end] in ("później", "wcześniej"):
            return Found(i, end + 1)  # counted from an event, not from publication
        elif end >= len(self.tokens) or self.low[end] != "temu":
            return None
        else:
            end += 1
        return self.counted_point(i, end, -count if count is not None else None, unit)

    def ahead(self, i: int) -> Found | None:
        """Read `za tydzień`, `za około dwa tygodnie`: a point counted from publication."""
        k = i + 1
        while k < len(self.tokens) and self.low[k] in _APPROXIMATE:
            k += 1
        counted = self.count_unit(k)
        if counted is None:
            return None
        end, count, unit = counted
        if unit in ("H", "MIN") or k > i + 1:
            return Found(i, end)
        return self.counted_point(i, end, count, unit)

    def counted_point(self, i: int, end: int, count: float | None, unit: str) -> Found:
        """Return the point `count` units from publication (negative: before it); no value
        without a publication date or an exact count."""
        if self.anchor is None or count is None:
            return Found(i, end)
        moved = cal.shift(self.anchor, unit, count)
        grain = {"W": "day", "D": "day"}.get(unit, cal.GRAIN_OF_UNIT.get(unit, ""))
        return Found(i, end, point=cal.from_date(moved, grain) if moved and grain else None)

    def stretch_word(self, k: int) -> bool:
        """Tell whether token `k` says which stretch of units (`ostatnich`, `kolejnych`,
        `najbliższych`: a superlative whose lemma is `bliski`)."""
        return self.tokens[k].lemma in _STRETCH_LEMMAS or self.low[k].startswith("najbliższ")

    def lasting(self, i: int) -> Found | None:
        """Read a duration: `30 dni`, `trzech miesięcy`, `następnych 12 latach`, `pół roku`."""
        k = i
        while k < len(self.tokens) and (self.stretch_word(k) or self.tokens[k].lemma == "cały"):
            k += 1
        unit = self.unit(k)
        if unit is not None and ":pl:" in self.tokens[k].tag + ":" and self.tokens[k].lemma != "wiele":
            if k > i:
                return Found(i, k + 1, "duration")  # `najbliższych tygodni`: how many, unsaid
            if k + 1 < len(self.tokens) and self.tokens[k + 1].lemma in _BEFORE_NOW:
                return Found(i, k + 2, "duration")  # `w latach poprzednich`
        counted = self.count_unit(k)
        if counted is None or (k == i and counted[1] == 1.0 and not self.is_counted(k)):
            return None
        end, count, unit = counted
        if unit == "C" or (unit == "Y" and (self.after_having(i) or self.after_age(i))):
            return None  # `Mam wprawdzie 56 lat`, `w wieku od 9 lat`: an age, no time
        return Found(i, end, "duration", value=cal.duration(count, unit) if count else None)

    def is_counted(self, k: int) -> bool:
        """Tell whether a lone unit noun is a duration by its preposition (`przez rok`) or
        a verb of lasting (`ma potrwać dobę`)."""
        return k > 0 and (self.low[k - 1] in ("przez", "ciągu", "na", "od", "za")
                          or self.tokens[k - 1].lemma in _LASTING_VERBS)

    def frequency(self, i: int) -> Found | None:
        """Read a set: `co roku`, `co miesiąc`, `co dwa lata`, `rocznie`, `każdego dnia`."""
        if self.low[i] in self.words.sets:
            return Found(i, i + 1, "set", value=self.words.sets[self.low[i]])
        if self.low[i] in _EVERY and i + 1 < len(self.tokens):
            counted = self.count_unit(i + 1)
            if counted is not None and counted[1] is not None:
                end, count, unit = counted
                return Found(i, end, "set", value=cal.duration(count, unit) if count else None)
        return None

    def clock(self, i: int) -> Found | None:
        """Read `godz. 18`, `o godz. 6.40`, `o 18:30` as a time of day."""
        if self.low[i] == "o" and i + 1 < len(self.tokens) and _CLOCK.fullmatch(self.low[i + 1]) \
                and not _ascii_digits(self.low[i + 1]):
            return Found(i, i + 2, "time")  # `o 6.40`
        k = i + 1 + self._dot(i + 1) if self.low[i] == "godz" else -1
        if self.tokens[i].lemma == "godzina" and ":sg:" in self.tokens[i].tag:
            k = i + 1  # `o godzinie 12`, `około godziny 10`
        if k < 0 and self._tight_clock(i):
            return Found(i, i + 3, "time")  # `09:30`
        if k < 0 and self.low[i] == "o" and i + 3 < len(self.tokens) and self.low[i + 2] == ":":
            k = i + 1
        if k < 0 or k >= len(self.tokens) or not _ascii_digits(self.low[k]):
            return None
        hour, end = int(self.low[k]), k + 1
        minute = 0
        if end + 1 < len(self.tokens) and self.low[end] in (":", ".") and _ascii_digits(self.low[end + 1]):
            minute, end = int(self.low[end + 1]), end + 2
        if hour > 24 or minute > 59:
            return None
        if end + 1 < len(self.tokens) and self.low[end] == "do" and _ascii_digits(self.low[end + 1]) \
                and int(self.low[end + 1]) <= 24:
            end += 2  # `od godz. 10 do 18`: the hours of one stretch
            if end + 1 < len(self.tokens) and self.low[end] in (":", ".") \
                    and _ascii_digits(self.low[end + 1]):
                end += 2
        # A clock time alone fixes no calendar value (gold keeps it null).
        return Found(i, end, "time")

    def _tight_clock(self, i: int) -> bool:
        """Tell whether tokens i..i+2 are `HH:MM` written without spaces."""
        if i + 2 >= len(self.tokens) or self.low[i + 1] != ":":
            return False
        hour, minute = self.low[i], self.low[i + 2]
        tight = all(self.tokens[k].end == self.tokens[k + 1].start for k in (i, i + 1))
        return (tight and _ascii_digits(hour) and _ascii_digits(minute) and len(hour) <= 2
                and len(minute) == 2 and int(hour) <= 24 and int(minute) <= 59)

    def quarter(self, i: int) -> Found | None:
        """Read `pierwszym kwartale 2021 roku`, `pierwszych trzech miesiącach 2018 r.`: the
        opening stretch of a stated year, as an interval of months."""
        order = _ORDINALS.get(self.tokens[i].lemma)
        if order is None or i + 1 >= len(self.tokens):
            return None
        k, months = i + 1, 0
        if self.tokens[k].lemma == "kwartał" and order <= 4:
            first, last, k = 3 * order - 2, 3 * order, k + 1
        else:
            counted = self.count_unit(k) if order == 1 else None
            if counted is None or counted[2] != "M" or not counted[1]:
                return None
            months = int(counted[1])
            first, last, k = 1, months, counted[0]
        after = self.year_after(k)
        if (after is None or after[1] is None) and months == 0 and not self.is_digit_after(k) \
                and (k >= len(self.tokens) or self.core(k) is None):
            # `w drugim kwartale`: of the year of publication
            year = self.anchor.year if self.anchor else None
            return Found(i, k, value=f"{year}-{first:02d}/{year}-{last:02d}" if year else None)
        if after is None or after[1] is None or not 1 <= last <= 12:
            return None
        end, year = after
        return Found(i, end, value=f"{year}-{first:02d}/{year}-{last:02d}")

    def is_digit_after(self, k: int) -> bool:
        """Tell whether digits follow token `k` (a year this reader could not take)."""
        return k < len(self.tokens) and _ascii_digits(self.low[k][:1])

    def weekend(self, i: int) -> Found | None:
        """Read `weekend`, `w miniony weekend`: this or a shifted week's weekend."""
        shift, k = 0, i
        if self.words.shift.get(self.tokens[i].lemma) is not None and self.tokens[i].tag.startswith("adj"):
            shift, k = self.words.shift[self.tokens[i].lemma], i + 1
        if k >= len(self.tokens) or self.tokens[k].lemma != "weekend":
            return None
        if self.anchor is None:
            return Found(i, k + 1)
        moved = cal.shift(self.anchor, "W", shift)
        if moved is None:
            return Found(i, k + 1)
        year, week, _ = moved.isocalendar()
        return Found(i, k + 1, value=f"{year}-W{week:02d}-WE")

    def feast(self, i: int) -> Found | None:
        """Read `święta`, `święta Bożego Narodzenia`: holidays (Christmas has a date)."""
        if self.tokens[i].lemma != "święto" or ":pl:" not in self.tokens[i].tag:
            return None
        if i + 2 < len(self.tokens) and self.tokens[i + 1].lemma.lower() == "boży" \
                and self.tokens[i + 2].lemma.lower() == "narodzenie":
            return Found(i, i + 3, point=Point("day", month=12, day=25))
        return Found(i, i + 1)

    def dated_by_event(self, i: int) -> Found | None:
        """Read `wybuchu epidemii`, `momentu wydania wyroku` after `od`, and `wojny` after
        `od`, `do`, `podczas`: a time fixed by an event the text names (no calendar value)."""
        if i == 0 or self.low[i - 1] not in _EVENT_PREPOSITIONS:
            if not self._after_edge(i):
                return None
        lemma = self.tokens[i].lemma
        if lemma in self.words.anchors and self.tokens[i].tag.startswith(("subst", "ger")):
            end = self._genitive_run(i + 1)
            return Found(i, end) if end > i + 1 else None
        if self.low[i - 1] == "do":
            return None  # `wezwały do strajku`: the verb governs it, no time
        k = i
        while k < len(self.tokens) and self.tokens[k].tag.startswith("adj") and ":gen" in self.tokens[k].tag:
            k += 1  # `od początku brutalnej napaści`
        if k < len(self.tokens) and self.tokens[k].lemma in self.words.events \
                and self.tokens[k].tag.startswith("subst"):
            if k == i:  # the event's own adjectives (`po wyborach parlamentarnych`)
                return Found(i, self._agreeing_adjectives(k))
            return Found(i, self._genitive_run(k + 1))
        return None

    def _after_edge(self, i: int) -> bool:
        """Tell whether token i follows `od początku`, `do końca` (`od początku inwazji`)."""
        return i > 1 and self.low[i - 2] in ("od", "do") and self.tokens[i - 1].lemma in self.words.edges

    def _agreeing_adjectives(self, k: int) -> int:
        """Return where the adjectives after noun k that agree with it end: in number (and
        gender, in the singular), and in case or in the genitive (`wyborach parlamentarnych`, `referendum
        rozwodowego`; not `wyborach swojego następcy`, `referendum aktywna`)."""
        _, number, case, gender = (self.tokens[k].tag.split(":") + ["", "", ""])[:4]
        tokens = self.tokens
        k += 1
        while k < len(tokens) and tokens[k].tag.startswith("adj:"):
            _, a_number, a_case, a_gender = (tokens[k].tag.split(":") + ["", "", ""])[:4]
            if a_number != number or a_case not in (case, "gen") or (
                    number == "sg" and gender not in a_gender.split(".")):  # plural genders differ (`pt`)
                break
            k += 1
        return k

    def _genitive_run(self, k: int) -> int:
        """Return where a run of genitive nouns, gerunds and adjectives from k ends."""
        while k < len(self.tokens) and ":gen" in self.tokens[k].tag and \
                self.tokens[k].tag.startswith(("adj", "subst", "ger")):
            if self.tokens[k].text[:1].isupper() and self.tokens[k - 1].text[:1].isupper():
                break  # `napaści Rosji Kijów`: a second name starts the next phrase
            k += 1
        return k

    # --- whole expressions -------------------------------------------------------------
    def core(self, k: int) -> Found | None:
        """Return the best expression starting exactly at token `k` (bare ones last)."""
        if k >= len(self.tokens) or not self.starts[k]:
            return None
        best: Found | None = None
        for reader in (self.ago, self.numeric_date, self.relative_day, self.day_month,
                       self.month_year, self.year_point, self.decade, self.shifted_unit,
                       self.frequency, self.clock, self.lasting, self.named_day, self.season,
                       self.unit_edge, self.lasting_adjective, self.listed_day, self.this_years,
                       self.weekend, self.feast, self.dated_by_event, self.quarter):
            found = reader(k)
            if found is None:
                continue
            if best is None or (best.bare and not found.bare) or (
                    found.bare == best.bare and found.end > best.end):
                best = found
        return best

    def _may_start(self, k: int) -> bool:
        """Tell cheaply whether a time expression may start at token `k`."""
        token, low = self.tokens[k], self.low[k]
        return (_ascii_digits(low[:1]) or low in self.words.start_forms
                or token.lemma in self.words.start_lemmas or token.tag.startswith("num")
                or token.lemma == "jeden" or low in _SEASON_FORMS or low in _MONTH_GENITIVES
                or self._after_edge(k) or low.startswith("najbliższ")
                or _LASTING.match(low) is not None)

    def expression(self, i: int) -> Found | None:
        """Return the time expression starting at token `i` with its preposition, if any."""
        if not self.starts[i] and self.low[i] not in self.words.prefix_words:
            return None
        if self.low[i] == "przed":  # `przed rokiem` is a date, not `przed` + a duration
            ago = self.ago(i)
            if ago is not None:
                return ago
        if self.low[i] == "za":  # `za tydzień` is a date ahead, not a duration
            ahead = self.ahead(i)
            if ahead is not None:
                return ahead
        for size in (3, 2, 1, 0):
            prefix = " ".join(self.low[i:i + size]) if size else ""
            if size and (i + size > len(self.tokens) or prefix not in self.words.prefix):
                continue
            found = self.core(i + size)
            if found is None:
                continue
            found = self.ranged(found, prefix)
            if found.bare and not (size and self.bare_ok(found)):
                continue
            keep = self.words.prefix.get(prefix, False)
            return replace(found, start=i if keep else i + size)
        return None

    def bare_ok(self, found: Found) -> bool:
        """Tell whether a lone year after a preposition is a year (`w 2021`), not a count."""
        if found.point is None or found.point.grain != "year":
            return False
        k = found.end
        return k >= len(self.tokens) or not self.tokens[k].tag.startswith(
            ("subst", "brev", "adj", "num", "depr", "ger"))

    def ranged(self, left: Found, prefix: str) -> Found:
        """Join `od X do Y`, `X–Y`, `między X a Y` into one interval."""
        k = left.end
        if k + 1 >= len(self.tokens) or left.point is None:
            return left
        sep = self.low[k]
        if not (sep in _DASHES or (sep == "do" and prefix.startswith("od"))
                or (sep == "a" and prefix == "między")):
            return left
        right = self.core(k + 1)
        if right is None or right.point is None or (right.bare and not left.point.grain == "year"):
            return left
        if right.bare and not (right.point.grain == "year" and self.bare_ok(right)):
            return left
        lp = cal.complete_from(left.point, right.point)
        if lp.grain != right.point.grain and right.point.grain == "day":
            return left
        low, high = (cal.iso(cal.resolve(p, self.anchor)) for p in (lp, right.point))
        value = f"{low}/{high}" if low and high else None
        return Found(left.start, right.end, "date", value=value)

    def find(self) -> list[Found]:
        """Return the sentence's time expressions, left to right, not overlapping."""
        out: list[Found] = []
        i = 0
        while i < len(self.tokens):
            found = self.expression(i)
            if found is None:
                i += 1
                continue
            out.append(found)
            i = found.end
        return out

    def value(self, found: Found) -> str | None:
        """Return the ISO value of an expression, resolved against the publication date."""
        if found.value is not None or found.point is None:
            return found.value
        value = cal.iso(cal.resolve(found.point, self.anchor))
        return value + found.clock if value and found.clock else value

    def named_day(self, i: int) -> Found | None:
        """Read a holiday (`Nowy Rok`, `noc sylwestrowa`) or a part of day (`wieczorem`)."""
        for size in (2, 1):
            key = " ".join(t.lemma.lower() for t in self.tokens[i:i + size])
            if size == 2 and key not in self.words.holidays and i + 1 < len(self.tokens):
                # `Bożym Narodzeniem` may get an odd lemma: any noun reading of the word counts
                first = self.tokens[i].lemma.lower()
                key = next((f"{first} {lemma}" for lemma, _ in noun_readings(self.low[i + 1])
                            if f"{first} {lemma}" in self.words.holidays), key)
            month_day = self.words.holidays.get(key)
            if month_day is not None and (key != "nowy rok" or self.tokens[i].text[:1].isupper()):
                month, day = (int(x) for x in month_day.split("-"))
                return Found(i, i + size, point=Point("day", month=month, day=day))
        if self.tokens[i].lemma in self.words.part and (i == 0 or (
                self.low[i - 1] != "po" and not self.tokens[i - 1].tag.startswith("subst"))):
            return Found(i, i + 1, "time")  # not `z okazji wieczoru`: an evening event
        if self.low[i] in ("północy", "południe", "nocy") and i > 0 and self.low[i - 1] in ("o", "w"):
            return Found(i, i + 1, "time")
        return None

    def season(self, i: int) -> Found | None:
        """Read `wiosną`, `przed latem`, `tej zimy` (a season of an unstated year)."""
        code = self.words.seasons.get(self.tokens[i].lemma)
        if code is None or not self.tokens[i].tag.startswith("subst") or ":sg:" not in self.tokens[i].tag:
            # `jesienią` may be tagged as a verb ("jesienić"): its noun reading decides
            code = next((self.words.seasons[lemma] for lemma, _ in noun_readings(self.low[i])
                         if lemma in self.words.seasons), None) if self.low[i] in _SEASON_FORMS else None
            if code is None:
                return None
        if self.tokens[i].lemma == "lato" and self.low[i] not in ("lato", "latem", "lecie"):
            return None
        year = self.year(i + 1)
        if year is not None:
            return Found(i, i + 2 + self.rok(i + 2), value=f"{year}-{code}")  # `jesieni 2017`
        shifted = self.shifted_unit(i + 1) if i + 1 < len(self.tokens) else None
        if shifted is not None and self.unit(shifted.end - 1) == "Y":
            # `latem zeszłego roku`: that year's season
            year = cal.resolve(shifted.point, self.anchor).year if self.anchor and shifted.point else None
            return Found(i, shifted.end, value=f"{year}-{code}" if year else None)
        value = f"{self.anchor.year}-{code}" if self.anchor else None
        if i + 1 < len(self.tokens) and self.low[i + 1] == "br":
            return Found(i, i + 2 + self._dot(i + 2), value=value)  # `jesienią br.`
        return Found(i, i + 1, value=value)

    def this_years(self, i: int) -> Found | None:
        """Read `tegorocznymi świętami`, `ubiegłorocznego lata`: an event of a stated year."""
        shift = _YEARLY.get(self.tokens[i].lemma)
        if shift is None or i + 1 >= len(self.tokens):
            return None
        holiday = self.named_day(i + 1)
        if holiday is not None and holiday.point is not None:
            # `przed zeszłorocznym Bożym Narodzeniem`: that year's holiday
            year = self.anchor.year + shift if self.anchor else None
            point = holiday.point
            dated = year and point.month and point.day
            value = f"{year}-{point.month:02d}-{point.day:02d}" if dated else None
            return Found(i, holiday.end, value=value)
        if not self.tokens[i + 1].tag.startswith("subst"):
            return None
        return Found(i, i + 2, value=str(self.anchor.year + shift) if self.anchor else None)

    def unit_edge(self, i: int) -> Found | None:
        """Read the unit in `do końca tygodnia`, `na początku roku` (this one, by publication)."""
        if i == 0 or self.tokens[i - 1].lemma not in self.words.edges:
            return None
        unit = self.unit(i)
        if unit is None or ":sg:" not in self.tokens[i].tag or self.year(i + 1) is not None:
            return None
        grain = cal.GRAIN_OF_UNIT.get(unit)
        if self.anchor is None or grain is None or unit == "D":
            return Found(i, i + 1)
        return Found(i, i + 1, point=cal.from_date(self.anchor, grain))

    def lasting_adjective(self, i: int) -> Found | None:
        """Read a duration inside an adjective: `dwuletni` -> P2Y, `24-godzinne` -> PT24H."""
        match = _LASTING.match(self.low[i])
        if match is None or not self.tokens[i].tag.startswith(("adj", "subst", "ign")):
            return None
        if self.tokens[i].tag.startswith("subst") and self.tokens[i].lemma.endswith("nik"):
            return None  # `miesięcznik` is a monthly paper
        stem, unit = match.group(1), _LASTING_UNITS[match.group(2)]
        if unit == "Y" and (not stem or self.of_person(i + 1)):
            return None  # `letni` is summery; `91-letnia Margaret Keenan` is an age
        count = int(stem.rstrip("-")) if stem[:1].isdigit() else _STEMS.get(stem)
        value = cal.duration(count, unit) if count else None
        return Found(i, i + 1, "duration", value=value)

    def after_having(self, i: int) -> bool:
        """Tell whether a singular form of `mieć` stands before token `i`, perhaps across a
        particle (`Mam wprawdzie 56 lat`; `mamy zazwyczaj trzy lata` is a duration)."""
        k = i - 1
        if k > 0 and self.tokens[k].tag.startswith(("adv", "qub", "part")):
            k -= 1
        return k >= 0 and self.tokens[k].lemma == "mieć" and ":sg:" in self.tokens[k].tag

    def after_age(self, i: int) -> bool:
        """Tell whether `wieku` stands just before token `i` or its preposition."""
        return any(k >= 0 and self.low[k] == "wieku" for k in (i - 1, i - 2))

    def of_person(self, k: int) -> bool:
        """Tell whether a person follows from token `k`, past an adverb: a name or a
        masculine-personal noun (`46-letnia obecnie Asia Bibi`, `40-letni mężczyzna`)."""
        if k < len(self.tokens) and self.tokens[k].tag.startswith("adv"):
            k += 1
        if k >= len(self.tokens) or not self.tokens[k].tag.startswith(("subst", "ign")):
            return False
        token = self.tokens[k]
        return token.text[:1].isupper() or ":m1" in token.tag or token.lemma in _PERSONS

    def listed_day(self, i: int) -> Found | None:
        """Read the first day of `20 i 24 lipca` with the month of the second."""
        d = self.day(i)
        if d is None or i + 2 >= len(self.tokens) or self.low[i + 1] not in ("i", "oraz", "lub", ","):
            return None
        second = self.day_month(i + 2)
        if second is None or second.bare or second.point is None:
            return None
        return Found(i, second.end)  # two days, one expression: no single value


_MONTH_GENITIVES = {"stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6,
                    "lipca": 7, "sierpnia": 8, "września": 9, "października": 10, "listopada": 11,
                    "grudnia": 12}
_ORDINALS = {"pierwszy": 1, "drugi": 2, "trzeci": 3, "czwarty": 4}
_SEASON_FORMS = frozenset(("wiosną", "latem", "jesienią", "zimą"))
_LASTING_VERBS = frozenset(("trwać", "potrwać", "przetrwać"))
_STRETCH_LEMMAS = frozenset(("ostatni", "następny", "kolejny"))
_EVERY = frozenset(("co", "każdego", "każdy", "każdym", "każdej", "każdą"))
_BEFORE_NOW = frozenset(("poprzedni", "ubiegły", "miniony", "ostatni", "wcześniejszy"))
_APPROXIMATE = frozenset(("około", "ok", ".", "blisko", "niespełna", "mniej", "więcej"))
# `przed referendum`, `po wyborach`: an event's noun dates what happens before or after it
_EVENT_PREPOSITIONS = frozenset(("od", "do", "podczas", "trakcie", "czasie", "czasu", "momentu",
                                 "przed", "po"))
_STARTERS = frozenset(("przed", "godz", "o", "rok", "roku", "w", "po", "pierwszym", "pierwszych", "drugim",
                       "trzecim", "czwartym", "północy", "nocy", "południe", "tegorocznych",
                       "tegoroczny")) | _EVERY
_NAMED_HOURS = {"północy": "T24:00", "południu": "T12:00"}
_YEARLY = {"tegoroczny": 0, "ubiegłoroczny": -1, "zeszłoroczny": -1}
_HOLIDAY_STARTS = frozenset(("nowy", "sylwester", "noc", "wigilia", "boży"))
# `dwuletni`, `22-godzinny`, `tygodniowym`, `pięciodniowego`: durations inside adjectives.
_LASTING = re.compile(r"(\d+-?|jedno|dwu|trzy|cztero|pięcio|sześcio|siedmio|ośmio|dziewięcio|dziesięcio|"
                      r"kilku|kilkunasto|)(let|miesięcz|tygodni|dni|godzin|minut)(n|ow)[a-ząęóśćżźł]*$",
                      re.ASCII)
# Nouns of people that an age may describe (masculine-personal ones are found by gender).
_PERSONS = frozenset(("kobieta", "dziewczyna", "dziewczynka", "matka", "córka", "pacjentka", "mieszkanka",
                      "chrześcijanka", "katoliczka", "muzułmanka", "obywatelka", "pielęgniarka", "lekarka",
                      "emerytka", "seniorka", "babcia", "żona", "osoba", "dziecko"))
_LASTING_UNITS = {"let": "Y", "miesięcz": "M", "tygodni": "W", "dni": "D", "godzin": "H", "minut": "MIN"}
_STEMS = {"jedno": 1, "dwu": 2, "trzy": 3, "cztero": 4, "pięcio": 5, "sześcio": 6, "siedmio": 7,
          "ośmio": 8, "dziewięcio": 9, "dziesięcio": 10, "": 1}


def find_times(article: Article) -> Article:
    """Fill `times`: every time expression with its ISO value (null when unresolvable)."""
    anchor = cal.published_date(article.published)
    by_sentence: dict[int, list[Token]] = {}
    for token in article.tokens:
        by_sentence.setdefault(token.sentence, []).append(token)
    text = article.text
    for tokens in by_sentence.values():
        reader = SentenceTimes(tokens, text, anchor)
        expressions = reader.find()
        idioms = idiom_tokens(tokens) if expressions else set()
        for found in expressions:
            start, end = tokens[found.start].start, tokens[found.end - 1].end
            if article.is_removed(start, end) or any(k in idioms for k in range(found.start, found.end)):
                continue
            article.times.append({"start": start, "end": end, "text": text[start:end],
                                  "value": reader.value(found), "type": found.kind})
    return article
