//! Synthetic events for benchmarks: a deterministic stream with a skewed choice of actors (a
//! few countries dominate, as in news) spread over ten years. Not data: the Goldstein and
//! quad values are a rough function of the root code, for load only. Six events in ten are
//! located, at the capital of their source's country (from the embedded gazetteer).

use std::collections::HashMap;

use dyad_model::{Date, DateBasis, Event, EventActor, Location, PartialDate, Span};

const COUNTRIES: [&str; 40] = [
    "USA", "RUS", "UKR", "CHN", "ISR", "PSE", "IRN", "SYR", "GBR", "FRA", "DEU", "TUR", "IND",
    "PAK", "AFG", "IRQ", "SAU", "EGY", "JPN", "PRK", "KOR", "BRA", "MEX", "NGA", "ZAF", "ETH",
    "SDN", "LBY", "YEM", "LBN", "JOR", "QAT", "ARE", "VEN", "COL", "CUB", "POL", "ITA", "ESP",
    "CAN",
];
const ROLES: [&str; 8] = ["", "GOV", "MIL", "GOV", "REB", "OPP", "BUS", "CVL"];
const CODES: [&str; 24] = [
    "010", "020", "036", "040", "042", "043", "046", "051", "057", "061", "071", "080", "090",
    "111", "112", "120", "130", "138", "141", "160", "173", "180", "190", "193",
];

/// A small xorshift generator: deterministic, no dependency.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// An index below `n`, skewed towards 0 (the square of a uniform draw).
    fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((u * u) * n as f64) as usize
    }
}

/// `count` synthetic events, ten per synthetic article `synthetic-<seed>-<n>`.
pub fn events(count: usize, seed: u64) -> impl Iterator<Item = Event> {
    let mut random = Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let first_day = Date::new(2015, 1, 1).map(|d| d.to_days()).unwrap_or(0);
    let gazetteer = dyad_geo::Gazetteer::shared();
    let capitals: HashMap<&str, Location> = gazetteer
        .places()
        .iter()
        .filter(|p| p.capital)
        .filter_map(|p| {
            let country = p.country3.as_deref()?;
            let location = Location {
                name: p.name.clone(),
                country: Some(country.to_string()),
                lat: p.lat,
                lon: p.lon,
                precision: "city".into(),
            };
            COUNTRIES.iter().find(|c| **c == country).map(|c| (*c, location))
        })
        .collect();
    (0..count).map(move |i| {
        let actor = |random: &mut Random| {
            let country = COUNTRIES[random.skewed(COUNTRIES.len())];
            let role = ROLES[(random.next() % ROLES.len() as u64) as usize];
            format!("{country}{role}")
        };
        let source = actor(&mut random);
        let mut target = actor(&mut random);
        if target == source {
            target = format!("{source}CVL");
        }
        let code = CODES[random.skewed(CODES.len())];
        let root: u8 = code[..2].parse().unwrap_or(1);
        let quad = match root {
            1..=5 => 1,
            6..=8 => 2,
            9..=16 => 3,
            _ => 4,
        };
        let date = Date::from_days(first_day + (random.next() % 3653) as i64);
        let location =
            if random.next() % 10 < 6 { capitals.get(&source[..3]).cloned() } else { None };
        let actor_of =
            |code: String| EventActor { text: code.clone(), code, span: Span::new(0, 0) };
        Event {
            article_id: format!("synthetic-{seed}-{}", i / 10),
            sentence: i % 10,
            index_in_sentence: 0,
            sentence_text: String::new(),
            date: Some(PartialDate::Day(date)),
            date_basis: DateBasis::Article,
            historical: false,
            source: actor_of(source),
            target: Some(actor_of(target)),
            code: code.to_string(),
            root: code[..2].to_string(),
            quad_class: Some(quad),
            goldstein: Some(f64::from(5 - i32::from(root) / 2)),
            plover: None,
            verb_text: String::new(),
            verb_span: Span::new(0, 0),
            location,
            negated: false,
            rule: "synthetic".into(),
            dyad_version: "synthetic".into(),
            dictionaries_version: "synthetic".into(),
        }
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_stream_is_deterministic_and_skewed() {
        let a: Vec<_> = super::events(2000, 7).collect();
        let b: Vec<_> = super::events(2000, 7).collect();
        assert_eq!(a, b);
        let usa = a.iter().filter(|e| e.source.code.starts_with("USA")).count();
        let can = a.iter().filter(|e| e.source.code.starts_with("CAN")).count();
        assert!(usa > 5 * can.max(1), "usa {usa}, can {can}");
        assert_eq!(a[19].article_id, "synthetic-7-1");
        let located = a.iter().filter(|e| e.location.is_some()).count();
        assert!((1000..1400).contains(&located), "{located} of 2000 located");
        let moscow = a.iter().find(|e| e.source.code.starts_with("RUS") && e.location.is_some());
        assert_eq!(
            moscow.and_then(|e| e.location.as_ref()).map(|l| l.name.as_str()),
            Some("Moscow")
        );
    }
}
