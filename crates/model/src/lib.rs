//! Plain data passed between dyad's stages: [`Article`], [`Span`], [`Date`], [`Diagnostic`],
//! and [`Event`], whose JSON form is dyad's one wire format; [`cameo`] holds the pinned CAMEO
//! event-code table (names, quad classes, Goldstein scores, PLOVER types).
//!
//! This crate does no IO and holds no logic beyond small constructors and calendar arithmetic.
//! Every later stage (nlp, dictionaries, coder, store) speaks these types, so they stay small and
//! stable. Tests live beside each module.

mod article;
pub mod cameo;
mod date;
mod diagnostic;
mod event;

pub use article::{Article, Span};
pub use date::{Date, DateError};
pub use diagnostic::{Diagnostic, Severity};
pub use event::{DateBasis, EVENT_FORMAT_VERSION, Event, EventActor, Location, PartialDate};
