//! Typed method ids: [`MethodId`] is what [`crate::AssessOptions`] takes, so a typo is a
//! compile error in Rust; on the wire (JSON, Python, JS) the ids stay the same strings.

use crate::error::Error;

crate::io::names::code_enum! {
    /// The id of one of the seven assessment methods (`docs/methods.md`). Its text
    /// (`Display`, `FromStr`, serde) is the method's stable string id, e.g. `cn-plan-pace`;
    /// parsing an unknown id is an [`Error::UnknownMethod`] listing the known ones.
    ///
    /// ```
    /// use onpace::MethodId;
    ///
    /// let id: MethodId = "open-sdg".parse()?;
    /// assert_eq!(id, MethodId::OpenSdg);
    /// assert_eq!(MethodId::CnPlanPace.to_string(), "cn-plan-pace");
    /// assert_eq!(MethodId::default(), MethodId::CnPlanPace);
    /// assert_eq!("nope".parse::<MethodId>().unwrap_err().code(), "unknown_method");
    /// # Ok::<(), onpace::Error>(())
    /// ```
    pub enum MethodId, err = |text: &str| Error::UnknownMethod {
        id: text.into(),
        available: crate::method::method_ids().join(", "),
    };
    /// `cn-plan-pace`: completion against time share (NDRC practice); the default.
    CnPlanPace => "cn-plan-pace",
    /// `eurostat`: actual against required growth over a 5- or 15-year window.
    Eurostat => "eurostat",
    /// `open-sdg`: ratio of CAGRs and a −5…+5 score.
    OpenSdg => "open-sdg",
    /// `unsd`: the UN Progress Chart.
    Unsd => "unsd",
    /// `escap`: Current Status Index and Anticipated Progress.
    Escap => "escap",
    /// `destatis`: the weather symbols of the German sustainability report.
    Destatis => "destatis",
    /// `sdsn`: normalised scores of the SDG Index.
    Sdsn => "sdsn",
}

impl MethodId {
    /// The id as a string (the same as [`MethodId::code`]).
    pub const fn as_str(self) -> &'static str {
        self.code()
    }

    /// The method itself, from the registry.
    pub fn method(self) -> &'static dyn crate::method::Method {
        use crate::method::{cn_plan_pace, destatis, escap, eurostat, open_sdg, sdsn, unsd};
        // The registry's methods by id (a test checks that the two agree).
        match self {
            MethodId::CnPlanPace => &cn_plan_pace::CnPlanPace,
            MethodId::Eurostat => &eurostat::Eurostat,
            MethodId::OpenSdg => &open_sdg::OpenSdg,
            MethodId::Unsd => &unsd::Unsd,
            MethodId::Escap => &escap::Escap,
            MethodId::Destatis => &destatis::Destatis,
            MethodId::Sdsn => &sdsn::Sdsn,
        }
    }
}

// Not derived: the macro that writes the enum serves enums without a default too.
#[allow(clippy::derivable_impls)]
impl Default for MethodId {
    fn default() -> Self {
        MethodId::CnPlanPace
    }
}

#[cfg(test)]
mod tests {
    use super::MethodId;

    #[test]
    fn ids_are_the_registry() {
        let ids: Vec<&str> = MethodId::ALL.iter().map(|m| m.code()).collect();
        assert_eq!(ids, crate::method::method_ids());
        for id in MethodId::ALL {
            assert_eq!(id.method().id(), id.code());
            assert_eq!(serde_json::to_string(id).unwrap(), format!("\"{id}\""));
            assert_eq!(serde_json::from_str::<MethodId>(&format!("\"{id}\"")).unwrap(), *id);
        }
        assert!(serde_json::from_str::<MethodId>("\"nope\"").is_err());
    }
}
