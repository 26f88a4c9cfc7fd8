//! GDELT's geographic columns (`ActionGeo_*`) for a dyad location: the place is found again in
//! the gazetteer by name, country and position, which gives its FIPS country code, first-level
//! region and GeoNames id; a place the gazetteer does not know keeps only what the location says.

use dyad_model::Location;

use crate::{Gazetteer, Place, PlaceKind};

/// The GDELT 2.0 geographic fields of one location (`*Geo_Type` .. `*Geo_FeatureID`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GdeltGeo {
    /// `1` country, `2` US state, `3` US city, `4` world city, `5` world first-level region.
    pub geo_type: u8,
    /// `Houston, Texas, United States`; `Tripoli, Libya`; `Texas, United States`; `Libya`.
    pub full_name: String,
    /// FIPS 10-4 country code (GDELT's), empty when unknown.
    pub country_code: String,
    /// FIPS country code followed by the first-level region code (`USTX`), or the country code
    /// alone for a country; empty when unknown.
    pub adm1_code: String,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// GeoNames id for a town; the ADM1 code for a region, the FIPS code for a country (as GDELT
    /// does); empty when unknown.
    pub feature_id: String,
}

impl Gazetteer {
    /// The gazetteer place a location was made from: same name, same country, nearest position
    /// (within about a kilometre when both have one).
    pub fn place_of(&self, location: &Location) -> Option<&Place> {
        let candidates = self
            .lookup(&location.name)
            .iter()
            .map(|r| self.place(r.place))
            .filter(|p| location.country.is_none() || p.country3 == location.country);
        let distance = |p: &Place| match (p.lat, p.lon, location.lat, location.lon) {
            (Some(a), Some(b), Some(c), Some(d)) => (a - c).abs() + (b - d).abs(),
            (None, None, None, None) => 0.0,
            _ => f64::INFINITY,
        };
        candidates
            .map(|p| (distance(p), p))
            .filter(|(d, _)| *d < 0.02)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, p)| p)
    }

    /// GDELT's fields for a location.
    pub fn gdelt_geo(&self, location: &Location) -> GdeltGeo {
        let Some(place) = self.place_of(location) else {
            let geo_type = match location.precision.as_str() {
                "country" => 1,
                "region" => 5,
                _ => 4,
            };
            return GdeltGeo {
                geo_type,
                full_name: location.name.clone(),
                lat: location.lat,
                lon: location.lon,
                ..GdeltGeo::default()
            };
        };
        let country = self.country(&place.country).map(|id| self.place(id));
        let fips = country.and_then(|c| c.fips.clone()).unwrap_or_default();
        let country_name = country.map(|c| c.name.as_str());
        let region = match place.kind {
            PlaceKind::City => self.region(&place.country, &place.admin1).map(|id| self.place(id)),
            _ => None,
        };
        let us = place.country == "US";
        let geo_type = match (place.kind, us) {
            (PlaceKind::Country, _) => 1,
            (PlaceKind::Region, true) => 2,
            (PlaceKind::City, true) => 3,
            (PlaceKind::City, false) => 4,
            (PlaceKind::Region, false) => 5,
        };
        let mut parts = vec![place.name.as_str()];
        if let Some(region) = region {
            parts.push(&region.name);
        }
        if place.kind != PlaceKind::Country {
            parts.extend(country_name);
        }
        let adm1_code = match place.kind {
            PlaceKind::Country => fips.clone(),
            _ if fips.is_empty() || place.admin1.is_empty() => String::new(),
            _ => format!("{fips}{}", place.admin1),
        };
        let feature_id = match place.kind {
            PlaceKind::City => place.geonames_id.map(|id| id.to_string()).unwrap_or_default(),
            PlaceKind::Region => adm1_code.clone(),
            PlaceKind::Country => fips.clone(),
        };
        GdeltGeo {
            geo_type,
            full_name: parts.join(", "),
            country_code: fips,
            adm1_code,
            lat: location.lat.or(place.lat),
            lon: location.lon.or(place.lon),
            feature_id,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::gazetteer;

    fn location(name: &str, country: &str, precision: &str) -> Location {
        let g = gazetteer();
        let place = g
            .lookup(name)
            .iter()
            .map(|r| g.place(r.place))
            .find(|p| p.country3.as_deref() == Some(country) && p.kind.precision() == precision)
            .expect("the place is in the gazetteer");
        Location {
            name: place.name.clone(),
            country: place.country3.clone(),
            lat: place.lat,
            lon: place.lon,
            precision: precision.into(),
        }
    }

    #[test]
    fn a_us_city_has_its_state_fips_codes_and_geonames_id() {
        let geo = gazetteer().gdelt_geo(&location("Houston", "USA", "city"));
        assert_eq!(geo.geo_type, 3);
        assert_eq!(geo.full_name, "Houston, Texas, United States");
        assert_eq!(geo.country_code, "US");
        assert_eq!(geo.adm1_code, "USTX");
        assert_eq!(geo.feature_id, "4699066"); // GeoNames' Houston
    }

    #[test]
    fn world_cities_countries_and_regions() {
        let g = gazetteer();
        let moscow = g.gdelt_geo(&location("Moscow", "RUS", "city"));
        assert_eq!((moscow.geo_type, moscow.country_code.as_str()), (4, "RS"));
        assert_eq!(moscow.full_name, "Moscow, Russia");
        assert_eq!(moscow.feature_id, "524901");
        let libya = g.gdelt_geo(&location("Libya", "LBY", "country"));
        assert_eq!((libya.geo_type, libya.full_name.as_str()), (1, "Libya"));
        assert_eq!((libya.country_code.as_str(), libya.feature_id.as_str()), ("LY", "LY"));
        let texas = g.gdelt_geo(&location("Texas", "USA", "region"));
        assert_eq!((texas.geo_type, texas.feature_id.as_str()), (2, "USTX"));
        // A dateline location is a town: its type comes from the place, not the precision word.
        let mut dateline = location("Tripoli", "LBY", "city");
        dateline.precision = "dateline".into();
        assert_eq!(g.gdelt_geo(&dateline).geo_type, 4);
    }

    #[test]
    fn an_unknown_place_keeps_what_the_location_says() {
        let unknown = Location {
            name: "Nowhere Springs".into(),
            country: Some("USA".into()),
            lat: Some(1.0),
            lon: Some(2.0),
            precision: "city".into(),
        };
        let geo = gazetteer().gdelt_geo(&unknown);
        assert_eq!(
            (geo.geo_type, geo.full_name.as_str(), geo.lat),
            (4, "Nowhere Springs", Some(1.0))
        );
        assert!(geo.country_code.is_empty() && geo.feature_id.is_empty());
    }
}
