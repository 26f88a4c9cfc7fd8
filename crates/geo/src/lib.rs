//! Geolocation for dyad: an embedded gazetteer, place mentions, and where each event happened.
//!
//! - [`Gazetteer`]: countries, first-level regions and towns (GeoNames, CC BY 4.0), embedded
//!   from `data/gazetteer.tsv`; [`Gazetteer::from_bytes`] loads a larger file in the same format.
//! - [`Gazetteer::find_mentions`]: the place names in a sentence's tokens, each with its ranked
//!   candidate places, so that `explain` can show the ambiguity.
//! - [`Gazetteer::locate`]: the place where an event happened, with an honest precision.
//! - [`Gazetteer::gdelt_geo`]: GDELT's `ActionGeo_*` fields for a location (FIPS codes, GeoNames id).
//!
//! No IO: callers pass text, tokens and bytes in.
//!
//! ```
//! use dyad_geo::{Gazetteer, GeoContext, simple_tokenize};
//! use dyad_model::Span;
//!
//! let gazetteer = Gazetteer::shared(); // the embedded one, parsed once per process
//! let text = "Syrian officers ended mediation between rival militias in Tripoli.";
//! let tokens = simple_tokenize(text); // the pipeline uses dyad_geo::tokens_from_spans
//! let dateline = gazetteer.dateline_place("BEIRUT, June 3 (Reuters) -");
//! let context = GeoContext {
//!     actor_countries: &["SYR"],
//!     actor_spans: &[Span::new(0, 15)],
//!     dateline: dateline.as_ref(),
//! };
//! let verb = Span::new(16, 21); // "ended"
//! let located = gazetteer.locate(&tokens, verb, &context).expect("a place");
//! assert_eq!(located.location.name, "Tripoli");
//! assert_eq!(located.location.country.as_deref(), Some("LBN")); // by the dateline
//! assert_eq!(located.location.precision, "city");
//! println!("{}", gazetteer.explain(&located));
//! ```

mod gazetteer;
mod gdelt;
mod locate;
mod mentions;
mod tokens;

pub use gazetteer::{
    FORMAT_HEADER, Gazetteer, GazetteerError, NameRef, NameTier, Place, PlaceId, PlaceKind,
    name_key,
};
pub use gdelt::GdeltGeo;
pub use locate::{Basis, Located};
pub use mentions::{Candidate, Cue, GeoContext, LOCATIVE_PREPOSITIONS, Mention, Token};
pub use tokens::{simple_tokenize, tokens_from_spans};

#[cfg(test)]
mod test_util {
    use crate::Gazetteer;

    /// The embedded gazetteer, parsed once for all tests.
    pub fn gazetteer() -> &'static Gazetteer {
        Gazetteer::shared()
    }

    pub use crate::tokens::simple_tokenize as tokenize;
}
