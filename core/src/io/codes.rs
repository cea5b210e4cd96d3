//! `Display` and `FromStr` for the code enums: the text is the stable code, the same as in JSON
//! (`Status::OnTrack` ⇄ `on_track`), so `status.to_string()` and `"on_track".parse::<Status>()`
//! work like `code()` and `parse` / `from_code`, which stay.
//!
//! Enums with a `code()` and a `parse` use them; the others take their names from serde (the
//! `rename_all` they are serialized with and the names they are read by), so no name is
//! written twice. A test checks every variant both ways against serde_json.

use std::fmt;
use std::str::FromStr;

use serde::de::value::{Error as ValueError, StrDeserializer};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::math::path::PathKind;
use crate::math::trend::Model;
use crate::method::{MissingPolicy, Status, Tone};
use crate::model::indicator::{Direction, Nature};
use crate::model::label::Lang;
use crate::model::series::Flag;
use crate::model::target::{ChangeMode, Relation};
use crate::model::unit::Magnitude;

/// `Display` from `code()` and `FromStr` from `parse` (the same error).
macro_rules! via_code_and_parse {
    ($($ty:ty),+ $(,)?) => {$(
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }

        impl FromStr for $ty {
            type Err = Error;

            fn from_str(text: &str) -> Result<Self> {
                <$ty>::parse(text)
            }
        }
    )+};
}

via_code_and_parse!(Flag, Lang, PathKind, Model);

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Status {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        Status::from_code(text).ok_or_else(|| Error::invalid_argument("status", format!("unknown status `{text}`")))
    }
}

/// The serde name of a unit variant (`"on_track"` without the quotes).
fn serde_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// The unit variant serde reads from `text`; `field` names the argument in the error.
fn from_serde_name<'a, T: Deserialize<'a>>(text: &'a str, field: &str) -> Result<T> {
    T::deserialize(StrDeserializer::<ValueError>::new(text))
        .map_err(|e| Error::invalid_argument(field, format!("unknown {field} `{text}`: {e}")))
}

/// `Display` and `FromStr` from the serde names.
macro_rules! via_serde {
    ($($ty:ty => $field:literal),+ $(,)?) => {$(
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&serde_name(self))
            }
        }

        impl FromStr for $ty {
            type Err = Error;

            fn from_str(text: &str) -> Result<Self> {
                from_serde_name(text, $field)
            }
        }
    )+};
}

via_serde!(
    Nature => "nature",
    Magnitude => "magnitude",
    ChangeMode => "mode",
    Relation => "relation",
    MissingPolicy => "missing",
    Tone => "tone",
);

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&serde_name(self))
    }
}

/// As [`Direction::parse`]: `increase` / `decrease`, also `+1` / `-1`.
impl FromStr for Direction {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self> {
        Direction::parse(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::math::trend::ALL_MODELS;
    use crate::method::ALL_STATUSES;

    /// Every variant: `to_string()` is its JSON string, and parses back to itself.
    fn both_ways<T>(values: &[T])
    where
        T: fmt::Display + FromStr<Err = Error> + Serialize + PartialEq + fmt::Debug,
    {
        for v in values {
            let text = v.to_string();
            assert_eq!(serde_json::to_string(v).unwrap(), format!("\"{text}\""), "{v:?}");
            assert_eq!(&text.parse::<T>().unwrap(), v, "{text}");
        }
        let e = "no-such-code".parse::<T>().unwrap_err();
        assert_eq!(e.code(), "invalid_argument", "{e}");
    }

    #[test]
    fn every_code_enum_round_trips_through_its_text() {
        both_ways(ALL_STATUSES);
        both_ways(ALL_MODELS);
        both_ways(&[PathKind::Linear, PathKind::Geometric]);
        both_ways(&[Lang::Zh, Lang::En, Lang::Ko]);
        both_ways(&[Flag::Preliminary, Flag::Estimated, Flag::BreakInSeries, Flag::Revised]);
        both_ways(&[Direction::Increase, Direction::Decrease]);
        both_ways(&[Nature::Anticipatory, Nature::Binding]);
        both_ways(&[Magnitude::One, Magnitude::TenThousand, Magnitude::HundredMillion]);
        both_ways(&[ChangeMode::Absolute, ChangeMode::Relative]);
        both_ways(&[Relation::FasterThan, Relation::InStepWith, Relation::SlowerThan]);
        both_ways(&[MissingPolicy::Exclude, MissingPolicy::CountAsOffPace]);
        both_ways(&[Tone::Good, Tone::Fair, Tone::Poor, Tone::Bad, Tone::None]);
    }

    #[test]
    fn hand_checked_texts() {
        // From the JSON format (docs and the plan schema), not from the code under test.
        assert_eq!(Status::OnTrack.to_string(), "on_track");
        assert_eq!("ols_linear".parse::<Model>().unwrap(), Model::OlsLinear);
        assert_eq!(Magnitude::TenThousand.to_string(), "ten_thousand");
        assert_eq!("+1".parse::<Direction>().unwrap(), Direction::Increase);
        let e = "ontrack".parse::<Status>().unwrap_err();
        assert_eq!((e.code(), e.field()), ("invalid_argument", "status"));
        let e = "big".parse::<Magnitude>().unwrap_err();
        assert!(e.to_string().contains("unknown magnitude `big`"), "{e}");
    }
}
