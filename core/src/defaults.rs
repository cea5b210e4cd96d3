//! The defaults every front end shares, written once: what an assessment, a projection, a path
//! or a report uses when the caller does not say. The Python and JS packages read them from
//! here (`onpace.defaults()`, and requests that leave a field out) and their tests check their
//! signatures against them, so a default cannot differ between languages (docs/rust-crate.md).

use serde::Serialize;

use crate::math::path::PathKind;
use crate::math::trend::Model;
use crate::method::MissingPolicy;
use crate::model::label::Lang;

/// The shared defaults; [`DEFAULTS`] is the one value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Defaults {
    /// The assessment method: the Chinese plan-pace method.
    pub method: &'static str,
    /// The projection model of a projection (`Indicator::project`, `project`).
    pub projection_model: Model,
    /// The prediction-interval level of a projection.
    pub level: f64,
    /// The projection model of the methods that project to judge (`escap`).
    pub assess_model: Model,
    /// The shape of a required path.
    pub path_kind: PathKind,
    /// What a plan evaluation does with indicators it cannot assess.
    pub missing: MissingPolicy,
    /// The language of reports and labels.
    pub lang: Lang,
}

/// The defaults of every front end.
pub const DEFAULTS: Defaults = Defaults {
    method: crate::method::cn_plan_pace::ID,
    projection_model: Model::OlsLinear,
    level: 0.9,
    assess_model: Model::EndpointCagr,
    path_kind: PathKind::Linear,
    missing: MissingPolicy::Exclude,
    lang: Lang::Zh,
};

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON the bindings read: codes as the requests spell them (hand-written expectation).
    #[test]
    fn serializes_as_request_codes() {
        assert_eq!(
            serde_json::to_string(&DEFAULTS).unwrap(),
            r#"{"method":"cn-plan-pace","projection_model":"ols_linear","level":0.9,"assess_model":"endpoint_cagr","path_kind":"linear","missing":"exclude","lang":"zh"}"#
        );
    }

    #[test]
    fn the_options_defaults_are_these() {
        let a = crate::AssessOptions::default();
        assert_eq!((a.method.as_str(), a.model, a.missing), (DEFAULTS.method, DEFAULTS.assess_model, DEFAULTS.missing));
        let p = crate::ProjectOptions::default();
        assert_eq!((p.model, p.level), (DEFAULTS.projection_model, DEFAULTS.level));
    }
}
