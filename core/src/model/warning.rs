//! The warning codes: the one list of what a [`Warning`](crate::Warning) can say
//! (`docs/codes.md` describes each).

use crate::error::Error;

crate::io::names::code_enum! {
    /// The stable code of a [`Warning`](crate::Warning): a caveat that does not stop the
    /// computation. Its text (`Display`, `FromStr`, serde) is the snake_case code the JSON,
    /// Python and JS results carry; codes are never renamed, only added (hence
    /// `#[non_exhaustive]`).
    ///
    /// ```
    /// use onpace::WarningCode;
    ///
    /// assert_eq!(WarningCode::LinearFallback.to_string(), "linear_fallback");
    /// assert_eq!("target_slipped".parse::<WarningCode>()?, WarningCode::TargetSlipped);
    /// assert!(WarningCode::ALL.contains(&WarningCode::Overflow));
    /// # Ok::<(), onpace::Error>(())
    /// ```
    pub enum WarningCode, err = |text: &str| Error::invalid_argument(
        "warning",
        format!("unknown warning code `{text}`"),
    );
    /// A growth rate does not exist (a zero, a negative value, a sign change): the slope was
    /// used instead.
    LinearFallback => "linear_fallback",
    /// A growth rate does not exist and no fallback applies; the quantity is none.
    UndefinedGrowth => "undefined_growth",
    /// Too few observations to assess or project, or no growth rate of a relative target's
    /// reference.
    InsufficientData => "insufficient_data",
    /// No numeric target.
    NoTarget => "no_target",
    /// The target equals the baseline: completion and pace do not exist.
    MaintainTarget => "maintain_target",
    /// The baseline met the target but the latest value no longer does.
    TargetSlipped => "target_slipped",
    /// The latest observation is at or after the target year.
    TargetYearPassed => "target_year_passed",
    /// The latest observation is in the baseline year: the time share is zero.
    NoElapsedTime => "no_elapsed_time",
    /// The series heads away from the target: years to target do not exist.
    MovingAway => "moving_away",
    /// A method's window started in a year without data; the nearest later year was used.
    BaseYearSubstituted => "base_year_substituted",
    /// A reported value and its components disagree beyond rounding.
    ComponentMismatch => "component_mismatch",
    /// An OLS projection from three points (one degree of freedom).
    FewPoints => "few_points",
    /// `sdsn`: the normalisation's bounds are equal.
    InvalidBounds => "invalid_bounds",
    /// A result is beyond the range of a 64-bit float and is reported as none.
    Overflow => "overflow",
    /// Every value is negative: a no-target growth method flipped the direction.
    NegativeValues => "negative_values",
    /// A fall beyond what a 64-bit float's rate can show.
    RateNotRepresentable => "rate_not_representable",
    /// A projection never reaches the target within its horizon.
    NotReached => "not_reached",
    /// An every-year target with years missing from the observations.
    MissingYears => "missing_years",
    /// A sub-annual figure was used, with the time to the end of its period.
    SubAnnual => "sub_annual",
    /// Sub-annual figures were given but the method judges on annual values.
    SubAnnualNotComparable => "sub_annual_not_comparable",
    /// A part of the result failed with a `year_out_of_range` error.
    YearOutOfRange => "year_out_of_range",
    /// A part of the result failed with an `invalid_argument` error.
    InvalidArgument => "invalid_argument",
}

impl WarningCode {
    /// The warning a part of a result becomes when it fails with `error`: the error's own code
    /// where the list has it (`no_target`, `insufficient_data`, …), `invalid_argument`
    /// otherwise.
    pub fn from_error(error: &Error) -> WarningCode {
        match error {
            Error::UndefinedGrowth { .. } => WarningCode::UndefinedGrowth,
            Error::InsufficientData { .. } => WarningCode::InsufficientData,
            Error::NoTarget { .. } => WarningCode::NoTarget,
            Error::Overflow { .. } => WarningCode::Overflow,
            Error::YearOutOfRange { .. } => WarningCode::YearOutOfRange,
            _ => WarningCode::InvalidArgument,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::WarningCode;
    use crate::error::Error;

    #[test]
    fn codes_are_unique_and_read_back() {
        let mut codes: Vec<&str> = WarningCode::ALL.iter().map(|c| c.code()).collect();
        for code in WarningCode::ALL {
            assert_eq!(code.to_string().parse::<WarningCode>().unwrap(), *code);
            assert_eq!(serde_json::to_string(code).unwrap(), format!("\"{code}\""));
            assert_eq!(serde_json::from_str::<WarningCode>(&format!("\"{code}\"")).unwrap(), *code);
        }
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), WarningCode::ALL.len());
        assert_eq!("nope".parse::<WarningCode>().unwrap_err().code(), "invalid_argument");
        assert!(serde_json::from_str::<WarningCode>("\"nope\"").is_err());
    }

    #[test]
    fn an_error_becomes_the_warning_with_its_code() {
        // Every error a part of a result can fail with keeps its code as the warning's code
        // (docs/codes.md: "that part becomes a warning carrying the error's code").
        for e in [
            Error::NoTarget { field: "t".into(), message: String::new() },
            Error::InsufficientData { field: "t".into(), message: String::new() },
            Error::UndefinedGrowth { field: "t".into(), message: String::new() },
            Error::overflow("t"),
            Error::invalid_argument("t", "m"),
        ] {
            assert_eq!(WarningCode::from_error(&e).code(), e.code());
        }
    }
}
