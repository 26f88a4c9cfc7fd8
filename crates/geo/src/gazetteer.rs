//! The gazetteer: countries, first-level regions and towns, indexed by every name they go by.
//!
//! The text format (one place per line, tab-separated) is written by `data/gen_gazetteer.py` and
//! described in `data/README.md`. The default gazetteer is embedded in the binary; a larger one in
//! the same format can be loaded with [`Gazetteer::from_str`] or [`Gazetteer::from_bytes`].

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A small multiply-rotate hasher (the Fx hash): the index holds ~120,000 short keys built once
/// at start-up, where std's DoS-resistant SipHash costs more than the parse itself.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The embedded default gazetteer (GeoNames, CC BY 4.0; see `data/README.md`).
const EMBEDDED: &str = include_str!("../data/gazetteer.tsv");

/// The first line every gazetteer file starts with.
pub const FORMAT_HEADER: &str = "#dyad-gazetteer 1";

/// Names longer than this many words are not indexed (none of the useful ones are).
const MAX_NAME_WORDS: usize = 8;

/// What kind of place an entry is; also the precision a location found through it has.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    /// A town or city.
    City,
    /// A first-level administrative region (a US state, England, the West Bank).
    Region,
    /// A country or territory with its own ISO 3166-1 code.
    Country,
}

impl PlaceKind {
    /// The `precision` word of the event format: `city`, `region` or `country`.
    pub fn precision(self) -> &'static str {
        match self {
            PlaceKind::City => "city",
            PlaceKind::Region => "region",
            PlaceKind::Country => "country",
        }
    }
}

/// Index of a place in its [`Gazetteer`].
pub type PlaceId = u32;

/// One place.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// Canonical English name.
    pub name: String,
    /// Country, region or city.
    pub kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of the country the place is in (or is).
    pub country: String,
    /// ISO 3166-1 alpha-3 code of that country, when the gazetteer knows it.
    pub country3: Option<String>,
    /// GeoNames first-level region code within the country (`TX`, `ENG`); empty for countries.
    pub admin1: String,
    /// Population; 0 when unknown (regions).
    pub population: u64,
    /// Latitude in degrees; for countries and regions the mean position of their towns.
    pub lat: Option<f64>,
    /// Longitude in degrees.
    pub lon: Option<f64>,
    /// True for a national capital.
    pub capital: bool,
    /// GeoNames feature id (towns and countries), when the file gives it.
    pub geonames_id: Option<u64>,
    /// FIPS 10-4 code of a country row (GDELT's country codes), when the file gives it.
    pub fips: Option<String>,
}

/// How a name belongs to a place: its own English name, or one of GeoNames' alternates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameTier {
    /// The canonical name or a curated English alias.
    English,
    /// A GeoNames alternate (often another language's spelling); weaker evidence.
    Alternate,
}

/// A place a name may refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NameRef {
    /// The place.
    pub place: PlaceId,
    /// How the name belongs to it.
    pub tier: NameTier,
}

/// A line of a gazetteer file that could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum GazetteerError {
    /// The file does not start with [`FORMAT_HEADER`].
    #[error("not a dyad gazetteer: the first line must be `{FORMAT_HEADER}`")]
    MissingHeader,
    /// The file is not UTF-8.
    #[error("gazetteer is not UTF-8 (byte {0})")]
    NotUtf8(usize),
    /// A line is malformed.
    #[error("gazetteer line {line}: {message}")]
    BadLine {
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

/// All places and the index from (normalised) names to them.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    /// Normalised name (see [`name_key`]) to the places that bear it.
    index: FastMap<String, Vec<NameRef>>,
    /// Normalised names that are not places here (continents, seas): matched only to be skipped.
    not_places: std::collections::HashSet<String>,
    /// ISO alpha-2 code to the country's place.
    countries: HashMap<String, PlaceId>,
    /// ISO alpha-3 code to alpha-2.
    alpha3: HashMap<String, String>,
    /// (alpha-2, admin1) to the region's place.
    regions: HashMap<(String, String), PlaceId>,
    max_words: usize,
}

impl Gazetteer {
    /// The embedded default gazetteer. Parsing it takes a few tens of milliseconds; callers keep
    /// one and share it.
    pub fn embedded() -> Gazetteer {
        Gazetteer::from_str(EMBEDDED).expect("the embedded gazetteer is well-formed")
    }

    /// The embedded gazetteer, parsed on first use and shared by every caller in the process.
    pub fn shared() -> &'static Gazetteer {
        static SHARED: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
        SHARED.get_or_init(Gazetteer::embedded)
    }

    /// Parses a gazetteer file's bytes (the `--gazetteer PATH` option reads the file and calls
    /// this).
    pub fn from_bytes(bytes: &[u8]) -> Result<Gazetteer, GazetteerError> {
        let text =
            std::str::from_utf8(bytes).map_err(|e| GazetteerError::NotUtf8(e.valid_up_to()))?;
        Gazetteer::from_str(text)
    }

    /// Parses a gazetteer file's text.
    #[allow(clippy::should_implement_trait)] // FromStr would hide the error type's meaning
    pub fn from_str(text: &str) -> Result<Gazetteer, GazetteerError> {
        let mut lines = text.lines().enumerate();
        match lines.next() {
            Some((_, first)) if first.trim_end() == FORMAT_HEADER => {}
            _ => return Err(GazetteerError::MissingHeader),
        }
        let mut gazetteer = Gazetteer {
            places: Vec::new(),
            index: FastMap::with_capacity_and_hasher(
                text.len() / 20,
                BuildHasherDefault::default(),
            ),
            not_places: Default::default(),
            countries: HashMap::new(),
            alpha3: HashMap::new(),
            regions: HashMap::new(),
            max_words: 1,
        };
        for (number, line) in lines {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = |message: &str| GazetteerError::BadLine {
                line: number + 1,
                message: message.to_string(),
            };
            let fields: Vec<&str> = line.split('\t').collect();
            if fields[0] == "X" {
                for name in fields.get(1).copied().unwrap_or_default().split('|') {
                    gazetteer.add_not_place(name);
                }
                continue;
            }
            if fields.len() < 8 {
                return Err(bad("expected at least 8 tab-separated fields"));
            }
            let kind = match fields[0] {
                "C" => PlaceKind::Country,
                "R" => PlaceKind::Region,
                "P" => PlaceKind::City,
                _ => return Err(bad("the first field must be C, R, P or X")),
            };
            let country = fields[1].to_string();
            if country.len() != 2 {
                return Err(bad("the country code must have two letters"));
            }
            let mut names = fields[3].split('|').filter(|n| !n.is_empty());
            let name = names.next().ok_or_else(|| bad("a place needs a name"))?.to_string();
            let population =
                fields[4].parse::<u64>().map_err(|_| bad("population must be a whole number"))?;
            let coordinate = |field: &str, limit: f64| -> Result<Option<f64>, GazetteerError> {
                if field.is_empty() {
                    return Ok(None);
                }
                match field.parse::<f64>() {
                    Ok(value) if value.abs() <= limit => Ok(Some(value)),
                    _ => Err(bad("latitude/longitude out of range")),
                }
            };
            let lat = coordinate(fields[5], 90.0)?;
            let lon = coordinate(fields[6], 180.0)?;
            let id = gazetteer.places.len() as PlaceId;
            let (admin1, country3, capital) = match kind {
                PlaceKind::Country => {
                    gazetteer.countries.insert(country.clone(), id);
                    gazetteer.alpha3.insert(fields[2].to_string(), country.clone());
                    (String::new(), Some(fields[2].to_string()), false)
                }
                PlaceKind::Region => {
                    gazetteer.regions.insert((country.clone(), fields[2].to_string()), id);
                    (fields[2].to_string(), None, false)
                }
                PlaceKind::City => (fields[2].to_string(), None, fields[7] == "capital"),
            };
            gazetteer.add_name(&name, id, NameTier::English);
            for alias in names {
                gazetteer.add_name(alias, id, NameTier::English);
            }
            let alternates = fields.get(8).copied().unwrap_or_default();
            for alternate in alternates.split('|').filter(|n| !n.is_empty()) {
                gazetteer.add_name(alternate, id, NameTier::Alternate);
            }
            // Columns 10 and 11 (GeoNames id, FIPS code) came later: older files lack them.
            let geonames_id = match fields.get(9).copied().unwrap_or_default() {
                "" => None,
                id => Some(id.parse::<u64>().map_err(|_| bad("bad GeoNames id"))?),
            };
            let fips = fields.get(10).filter(|f| !f.is_empty()).map(|f| f.to_string());
            gazetteer.places.push(Place {
                name,
                kind,
                country,
                country3,
                admin1,
                population,
                lat,
                lon,
                capital,
                geonames_id,
                fips,
            });
        }
        // Country codes are known only once every country row is read.
        let country3: HashMap<String, String> =
            gazetteer.alpha3.iter().map(|(three, two)| (two.clone(), three.clone())).collect();
        for place in &mut gazetteer.places {
            if place.country3.is_none() {
                place.country3 = country3.get(&place.country).cloned();
            }
        }
        Ok(gazetteer)
    }

    fn add_name(&mut self, name: &str, place: PlaceId, tier: NameTier) {
        let key = name_key(name);
        if key.is_empty() {
            return;
        }
        let words = key.split(' ').count();
        if words > MAX_NAME_WORDS {
            return;
        }
        self.max_words = self.max_words.max(words);
        let refs = self.index.entry(key).or_default();
        match refs.iter_mut().find(|r| r.place == place) {
            // A place listed twice under one key keeps its strongest tier.
            Some(existing) => existing.tier = existing.tier.min(tier),
            None => refs.push(NameRef { place, tier }),
        }
    }

    fn add_not_place(&mut self, name: &str) {
        let key = name_key(name);
        if !key.is_empty() {
            self.max_words = self.max_words.max(key.split(' ').count());
            self.not_places.insert(key);
        }
    }

    /// True for names listed as not places (continents, seas, "Latin America"): text matching
    /// them is skipped whole, so that "America" in "Latin America" is not the United States.
    pub fn is_not_place(&self, key: &str) -> bool {
        self.not_places.contains(key)
    }

    /// All places, in file order.
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// The place with this id.
    pub fn place(&self, id: PlaceId) -> &Place {
        &self.places[id as usize]
    }

    /// The places a name may refer to (any case, any spacing; see [`name_key`]).
    pub fn lookup(&self, name: &str) -> &[NameRef] {
        self.lookup_key(&name_key(name))
    }

    /// Like [`Gazetteer::lookup`] for an already normalised key.
    pub fn lookup_key(&self, key: &str) -> &[NameRef] {
        self.index.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The longest name, in words.
    pub fn max_name_words(&self) -> usize {
        self.max_words
    }

    /// The country entry for an ISO alpha-2 code.
    pub fn country(&self, alpha2: &str) -> Option<PlaceId> {
        self.countries.get(alpha2).copied()
    }

    /// ISO alpha-2 code for an alpha-3 code (`USA` → `US`), when it names a known country.
    pub fn alpha2_of(&self, alpha3: &str) -> Option<&str> {
        self.alpha3.get(alpha3).map(String::as_str)
    }

    /// The region entry for a country and first-level region code.
    pub fn region(&self, alpha2: &str, admin1: &str) -> Option<PlaceId> {
        self.regions.get(&(alpha2.to_string(), admin1.to_string())).copied()
    }

    /// True when `inner` lies within `outer` (a city within its region or country, a region
    /// within its country), or is it.
    pub fn contains(&self, outer: PlaceId, inner: PlaceId) -> bool {
        if outer == inner {
            return true;
        }
        let (outer, inner) = (self.place(outer), self.place(inner));
        match outer.kind {
            PlaceKind::Country => {
                inner.country == outer.country && inner.kind != PlaceKind::Country
            }
            PlaceKind::Region => {
                inner.kind == PlaceKind::City
                    && inner.country == outer.country
                    && inner.admin1 == outer.admin1
            }
            PlaceKind::City => false,
        }
    }

    /// A one-line description for `explain`: `Tripoli (LBY, city, population 1302947)`.
    pub fn describe(&self, id: PlaceId) -> String {
        let place = self.place(id);
        let country = place.country3.as_deref().unwrap_or(&place.country);
        let mut text = format!("{} ({country}, {}", place.name, place.kind.precision());
        if place.kind == PlaceKind::City && !place.admin1.is_empty() {
            text.push_str(&format!(" in region {}", place.admin1));
        }
        if place.population > 0 {
            text.push_str(&format!(", population {}", place.population));
        }
        if place.capital {
            text.push_str(", capital");
        }
        text.push(')');
        text
    }
}

/// The index key of a name: Latin letters folded to ASCII, lower-cased, runs of spaces made one,
/// and trailing full stops dropped (so `U.S.` and a tokenizer's `U.S` meet).
pub fn name_key(name: &str) -> String {
    if name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'\'') {
        // The common case: one plain word.
        return name.to_ascii_lowercase();
    }
    let mut key = String::with_capacity(name.len());
    let mut pending_space = false;
    for ch in name.chars() {
        if ch.is_whitespace() {
            pending_space = !key.is_empty();
            continue;
        }
        if pending_space {
            key.push(' ');
            pending_space = false;
        }
        match fold_char(ch) {
            Some(folded) => key.push_str(folded),
            None => key.extend(ch.to_lowercase()),
        }
    }
    while key.ends_with('.') {
        key.pop();
    }
    key
}

/// ASCII lower-case form of common accented Latin letters and typographic apostrophes.
fn fold_char(ch: char) -> Option<&'static str> {
    if ch.is_ascii() {
        return Some(match ch.to_ascii_lowercase() {
            c @ 'a'..='z' => LETTERS[(c as u8 - b'a') as usize],
            _ => return None,
        });
    }
    Some(match ch {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' => "a",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'ḑ' | 'Ď' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' => {
            "e"
        }
        'ğ' | 'Ğ' => "g",
        'ḩ' | 'ḥ' | 'Ḩ' | 'Ḥ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' | 'İ' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => "i",
        'ł' | 'ľ' | 'Ł' | 'Ľ' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => {
            "o"
        }
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        'æ' | 'Æ' => "ae",
        '\u{2018}' | '\u{2019}' | '\u{02bc}' => "'",
        '\u{2013}' | '\u{2014}' => "-",
        _ => return None,
    })
}

const LETTERS: [&str; 26] = [
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s",
    "t", "u", "v", "w", "x", "y", "z",
];

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "#dyad-gazetteer 1\n\
        C\tLY\tLBY\tLibya\t6461454\t27.0\t17.0\tTripoli\t\n\
        C\tLB\tLBN\tLebanon\t6848925\t33.9\t35.8\tBeirut\t\n\
        P\tLY\t77\tTripoli\t1302947\t32.89\t13.18\tcapital\tTarabulus\n\
        P\tLB\t03\tTripoli\t229398\t34.43\t35.84\t-\tTarabulus|Trablous\n";

    #[test]
    fn parses_rows_and_indexes_names_case_and_accent_blind() {
        let g = Gazetteer::from_str(SMALL).unwrap();
        assert_eq!(g.places().len(), 4);
        let refs = g.lookup("TRIPOLI");
        assert_eq!(refs.len(), 2);
        assert!(refs.iter().all(|r| r.tier == NameTier::English));
        assert_eq!(g.lookup("Trablous").len(), 1);
        assert_eq!(g.lookup("Trablous")[0].tier, NameTier::Alternate);
        let tripoli = g.place(refs[0].place);
        assert_eq!(tripoli.country3.as_deref(), Some("LBY"));
        assert!(tripoli.capital);
        assert_eq!(g.alpha2_of("LBN"), Some("LB"));
        assert_eq!(name_key("  São   Tomé. "), "sao tome");
        assert_eq!(name_key("U.S."), name_key("U.S"));
    }

    #[test]
    fn rejects_malformed_files() {
        assert_eq!(Gazetteer::from_str("C\tLY").unwrap_err(), GazetteerError::MissingHeader);
        let bad = "#dyad-gazetteer 1\nP\tLY\t77\tTripoli\tmany\t1\t2\t-\t\n";
        assert!(matches!(Gazetteer::from_str(bad), Err(GazetteerError::BadLine { line: 2, .. })));
        let far = "#dyad-gazetteer 1\nP\tLY\t77\tTripoli\t1\t91\t2\t-\t\n";
        assert!(Gazetteer::from_str(far).is_err());
        assert!(matches!(
            Gazetteer::from_bytes(b"#dyad-gazetteer 1\n\xff"),
            Err(GazetteerError::NotUtf8(18))
        ));
    }

    #[test]
    fn embedded_gazetteer_has_countries_regions_cities_and_capitals() {
        let g = Gazetteer::embedded();
        let count = |kind| g.places().iter().filter(|p| p.kind == kind).count();
        assert!(count(PlaceKind::Country) > 240);
        assert!(count(PlaceKind::Region) >= 50);
        assert!(count(PlaceKind::City) > 20_000);
        // Every capital: Palikir has fewer than 15,000 people but is kept as a capital.
        let palikir = g.lookup("Palikir");
        assert!(palikir.iter().any(|r| g.place(r.place).capital));
        let georgia: Vec<PlaceKind> = g
            .lookup("Georgia")
            .iter()
            .filter(|r| r.tier == NameTier::English)
            .map(|r| g.place(r.place).kind)
            .collect();
        assert!(georgia.contains(&PlaceKind::Country) && georgia.contains(&PlaceKind::Region));
        let us = g.country("US").unwrap();
        let texas = g.region("US", "TX").unwrap();
        let paris_tx =
            g.lookup("Paris").iter().find(|r| g.place(r.place).admin1 == "TX").unwrap().place;
        assert!(g.contains(texas, paris_tx) && g.contains(us, paris_tx) && g.contains(us, texas));
        assert!(!g.contains(paris_tx, texas));
        assert!(g.place(us).lat.is_some());
    }
}
