//! Unit-only enums read from their snake_case names through one shared visitor.
//!
//! `#[derive(Deserialize)]` on each such enum monomorphises a field visitor and serde_json's
//! enum access per type, about a kilobyte of WebAssembly each. Here every enum shares one
//! string visitor and only maps the matched index to its variant. The accepted input is a JSON
//! string, the error for any other name is serde's own `unknown variant` message, and the JSON
//! Schema (generated from the `#[serde]` attributes) is unchanged.

use serde::de::{self, Deserializer, Visitor};

/// Which of `names` the input string is.
pub(crate) fn name_index<'de, D: Deserializer<'de>>(
    deserializer: D,
    names: &'static [&'static str],
) -> Result<usize, D::Error> {
    deserializer.deserialize_str(NameVisitor(names))
}

struct NameVisitor(&'static [&'static str]);

impl Visitor<'_> for NameVisitor {
    type Value = usize;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "one of `{}`", self.0.join("`, `"))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        self.0.iter().position(|n| *n == v).ok_or_else(|| E::unknown_variant(v, self.0))
    }
}

/// `impl Deserialize` for a unit-only enum from `Variant => "name"` pairs.
macro_rules! deserialize_by_name {
    ($ty:ty { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                const NAMES: &[&str] = &[$($name),+];
                const VALUES: &[$ty] = &[$(<$ty>::$variant),+];
                let i = $crate::io::names::name_index(deserializer, NAMES)?;
                VALUES.get(i).copied().ok_or_else(|| <D::Error as serde::de::Error>::custom("name index out of range"))
            }
        }
    };
}
pub(crate) use deserialize_by_name;

/// A unit-only code enum whose text is its stable code: the enum, its `ALL` list in order,
/// `code()`, `Display`, `FromStr` (`$err` builds the error from the unknown text), and serde as
/// the code string (read through the shared [`name_index`] visitor). One table per enum, so a
/// code is written once.
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        pub enum $ty:ident, err = $err:expr;
        $( $(#[$vmeta:meta])* $variant:ident => $name:literal, )+
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum $ty {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $ty {
            /// Every value, in the order of the list.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The stable code (the JSON text).
            pub const fn code(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)+
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = $crate::error::Error;

            fn from_str(text: &str) -> $crate::error::Result<Self> {
                $ty::ALL.iter().copied().find(|v| v.code() == text).ok_or_else(|| ($err)(text))
            }
        }

        impl PartialEq<str> for $ty {
            fn eq(&self, other: &str) -> bool {
                self.code() == other
            }
        }

        impl PartialEq<&str> for $ty {
            fn eq(&self, other: &&str) -> bool {
                self.code() == *other
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                const NAMES: &[&str] = &[$($name),+];
                let i = $crate::io::names::name_index(deserializer, NAMES)?;
                $ty::ALL.get(i).copied().ok_or_else(|| <D::Error as serde::de::Error>::custom("name index out of range"))
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($ty).into()
            }

            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({ "type": "string", "enum": [$($name),+] })
            }
        }
    };
}
pub(crate) use code_enum;

#[cfg(test)]
mod tests {
    use crate::model::indicator::Direction;
    use crate::model::series::Flag;

    #[test]
    fn names_and_errors() {
        assert_eq!(serde_json::from_str::<Flag>("\"break_in_series\"").unwrap(), Flag::BreakInSeries);
        assert_eq!(serde_json::from_str::<Direction>("\"decrease\"").unwrap(), Direction::Decrease);
        // serde's own wording, as the derived impl gave it.
        let e = serde_json::from_str::<Direction>("\"up\"").unwrap_err().to_string();
        assert!(e.starts_with("unknown variant `up`, expected `increase` or `decrease`"), "{e}");
        let e = serde_json::from_str::<Direction>("1").unwrap_err().to_string();
        assert!(e.starts_with("invalid type: integer `1`, expected one of `increase`, `decrease`"), "{e}");
    }
}
