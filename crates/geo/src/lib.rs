//! Geolocation for dyad: an embedded gazetteer, place mentions, and where each event happened.
//!
//! - [`Gazetteer`]: countries, first-level regions and towns (GeoNames, CC BY 4.0), embedded
//!   from `data/gazetteer.tsv`; [`Gazetteer::from_bytes`] loads a larger file in the same format.
//! - [`Gazetteer::find_mentions`]: the place names in a sentence's tokens, each with its ranked
//!   candidate places, so that `explain` can show the ambiguity.
//! - [`Gazetteer::locate`]: the place where an event happened, with an honest precision.
//!
//! No IO: callers pass text, tokens and bytes in.

mod gazetteer;
mod locate;
mod mentions;
mod tokens;

pub use gazetteer::{
    FORMAT_HEADER, Gazetteer, GazetteerError, NameRef, NameTier, Place, PlaceId, PlaceKind,
    name_key,
};
pub use locate::{Basis, Located};
pub use mentions::{Candidate, Cue, GeoContext, LOCATIVE_PREPOSITIONS, Mention, Token};
pub use tokens::simple_tokenize;

#[cfg(test)]
mod test_util {
    use crate::Gazetteer;
    use std::sync::OnceLock;

    /// The embedded gazetteer, parsed once for all tests.
    pub fn gazetteer() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(Gazetteer::embedded)
    }

    pub use crate::tokens::simple_tokenize as tokenize;
}
