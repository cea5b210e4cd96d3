//! Calendar dates of evaluations and revisions: validated (2023-02-30 is an error), and turned
//! into an exact share of the plan period.
//!
//! A hand-written proleptic Gregorian check rather than a date crate: the library only needs
//! "is this a real day" and "which fraction of the year has passed", both a few lines, and a
//! date crate would add to every binding's size for nothing else.

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::model::indicator::check_year;

/// A calendar day, checked: the only ways to make one ([`Date::new`], [`Date::parse`], `FromStr`,
/// serde) refuse impossible days and years outside 1800–2200. Written as `YYYY-MM-DD`.
///
/// ```
/// use onpace::Date;
///
/// let d: Date = "2023-06-30".parse()?;
/// assert_eq!((d.year, d.month, d.day), (2023, 6, 30));
/// assert_eq!(Date::parse("2023-06", "as_of")?.to_string(), "2023-06-30"); // the month's last day
/// assert!(Date::new(2023, 13, 45).is_err());
/// assert!("2023-02-30".parse::<Date>().is_err());
/// # Ok::<(), onpace::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of the month.
    pub day: u32,
}

/// Days in a month of the Gregorian calendar.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

impl Date {
    /// The day `year-month-day`, if it exists (`invalid_argument` otherwise).
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date> {
        Date::parse(&format!("{year:04}-{month:02}-{day:02}"), "date")
    }

    /// Parse `YYYY-MM-DD`, or `YYYY-MM` meaning the last day of that month. Impossible days
    /// (2023-02-30, 2023-13-01) are an `invalid_argument` error naming `field`.
    pub fn parse(text: &str, field: &str) -> Result<Date> {
        let bad = |why: &str| Error::invalid_argument(field, format!("`{text}` is not a date YYYY-MM-DD: {why}"));
        let parts: Vec<&str> = text.split('-').collect();
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        let (y, m, d) = match parts.as_slice() {
            [y, m] if digits(y, 4) && digits(m, 2) => (*y, *m, None),
            [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => (*y, *m, Some(*d)),
            _ => return Err(bad("expected YYYY-MM-DD or YYYY-MM")),
        };
        let year: i32 = y.parse().map_err(|_| bad("year"))?;
        let month: u32 = m.parse().map_err(|_| bad("month"))?;
        if !(1..=12).contains(&month) {
            return Err(bad("there is no such month"));
        }
        check_year(year, field)?;
        let last = days_in_month(year, month);
        let day: u32 = match d {
            Some(d) => d.parse().map_err(|_| bad("day"))?,
            None => last,
        };
        if day == 0 || day > last {
            return Err(bad(&format!("that month has {last} days")));
        }
        Ok(Date { year, month, day })
    }

    /// The share of its year that has passed at the end of this day, counted in months
    /// (2023-06-30 is 6/12, 2023-12-31 is 1): a plan year is twelve equal months in the
    /// evaluation reports, which is what makes mid-year exactly one half.
    pub fn year_fraction(self) -> Decimal {
        self.years_after(self.year.saturating_sub(1))
    }

    /// Years elapsed from the end of `base_year` to the end of this day (2.5 for 2023-06-30
    /// after 2020): `((years·12 + months)·days_in_month + day) / (12·days_in_month)`, one exact
    /// integer ratio and a single division.
    pub fn years_after(self, base_year: i32) -> Decimal {
        let days = i64::from(days_in_month(self.year, self.month));
        let months = i64::from(self.year)
            .saturating_sub(i64::from(base_year))
            .saturating_sub(1)
            .saturating_mul(12)
            .saturating_add(i64::from(self.month).saturating_sub(1));
        let num = months.saturating_mul(days).saturating_add(i64::from(self.day));
        Decimal::from(num).checked_div(Decimal::from(days.saturating_mul(12))).unwrap_or_default()
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl std::str::FromStr for Date {
    type Err = Error;

    fn from_str(text: &str) -> Result<Date> {
        Date::parse(text, "date")
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Date::parse(&text, "date").map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$" })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_days_only() {
        assert_eq!(Date::parse("2023-06-30", "as_of").unwrap(), Date { year: 2023, month: 6, day: 30 });
        assert_eq!(Date::parse("2023-06", "as_of").unwrap().to_string(), "2023-06-30");
        assert_eq!(Date::parse("2024-02-29", "as_of").unwrap().day, 29);
        for bad in [
            "2023-02-30",
            "2023-02-29",
            "1900-02-29",
            "2023-13-01",
            "2023-00-10",
            "2023-04-31",
            "2023/01/01",
            "23-01-01",
            "2023-1-1",
            "",
        ] {
            let e = Date::parse(bad, "as_of").unwrap_err();
            assert_eq!(e.code(), "invalid_argument", "{bad}");
            assert_eq!(e.field(), "as_of");
        }
        assert_eq!(Date::parse("2000-02-29", "x").unwrap().day, 29);
    }

    #[test]
    fn mid_year_is_half() {
        // Hand calculation: 2023-06-30 after 2020 is 2 whole years and 6 of 12 months.
        let d = Date::parse("2023-06-30", "as_of").unwrap();
        assert_eq!(d.years_after(2020), Decimal::new(25, 1));
        assert_eq!(Date::parse("2023-12-31", "x").unwrap().years_after(2020), Decimal::from(3));
        // 2023-01-15: 15/31 of January, /12 = 15/372.
        let jan = Date::parse("2023-01-15", "x").unwrap().year_fraction();
        assert_eq!(jan, Decimal::from(15) / Decimal::from(372));
        // 2024-02-29 after 2020: 3 years and 1 + 29/29 months = 38/12.
        assert_eq!(Date::parse("2024-02-29", "x").unwrap().years_after(2020), Decimal::from(38) / Decimal::from(12));
    }
}
