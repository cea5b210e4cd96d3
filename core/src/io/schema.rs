//! The JSON Schema of the plan file format, generated from the types.
//!
//! Without the `schema` feature (the WebAssembly build, where the generator would cost size)
//! the committed schema is served instead; a test keeps the two identical.

/// The plan JSON Schema (draft 2020-12) as pretty JSON text, with a trailing newline.
#[cfg(feature = "schema")]
pub fn plan_schema_json() -> String {
    let schema = schemars::schema_for!(crate::model::plan::Plan);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The plan JSON Schema (draft 2020-12) as pretty JSON text, with a trailing newline.
#[cfg(not(feature = "schema"))]
pub fn plan_schema_json() -> String {
    include_str!("../../schema/plan.schema.json").to_string()
}

/// The JSON Schemas of the results the bindings return, as they serialize (decimals as
/// strings), by type name: pretty JSON text with a trailing newline. The bindings check their
/// own result types against it (Python: tests/test_result_fields.py); committed as
/// core/schema/results.schema.json.
#[cfg(feature = "schema")]
pub fn results_schema_json() -> String {
    use schemars::generate::SchemaSettings;
    fn one<T: schemars::JsonSchema>() -> schemars::Schema {
        SchemaSettings::draft2020_12().for_serialize().into_generator().into_root_schema_for::<T>()
    }
    let all = serde_json::json!({
        "Assessment": one::<crate::Assessment>(),
        "UsedInputs": one::<crate::UsedInputs>(),
        "Warning": one::<crate::Warning>(),
        "Milestone": one::<crate::Milestone>(),
        "Progress": one::<crate::Progress>(),
        "Projection": one::<crate::Projection>(),
        "Summary": one::<crate::Summary>(),
        "StatusCount": one::<crate::StatusCount>(),
        "WhatIf": one::<crate::WhatIf>(),
        "Decomposition": one::<crate::Decomposition>(),
        "DecompositionRow": one::<crate::DecompositionRow>(),
    });
    let mut text = serde_json::to_string_pretty(&all).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schemas of the requests the bindings send (`onpace::api`), as the core reads them,
/// by type name: pretty JSON text with a trailing newline; committed as
/// core/schema/requests.schema.json, the source of the JS package's generated request types.
#[cfg(feature = "schema")]
pub fn requests_schema_json() -> String {
    use schemars::generate::SchemaSettings;
    fn one<T: schemars::JsonSchema>() -> schemars::Schema {
        SchemaSettings::draft2020_12().for_deserialize().into_generator().into_root_schema_for::<T>()
    }
    let all = serde_json::json!({
        "AssessRequest": one::<crate::api::AssessRequest>(),
        "EvaluateRequest": one::<crate::api::EvaluateRequest>(),
        "ProjectRequest": one::<crate::api::ProjectRequest>(),
        "PathRequest": one::<crate::api::PathRequest>(),
        "WhatIfRequest": one::<crate::api::WhatIfRequest>(),
        "NumeratorRequest": one::<crate::api::NumeratorRequest>(),
        "ProgressRequest": one::<crate::api::ProgressRequest>(),
        "RequiredPathRequest": one::<crate::api::RequiredPathRequest>(),
        "ProjectPointsRequest": one::<crate::api::ProjectPointsRequest>(),
        "ProjectsRequest": one::<crate::api::ProjectsRequest>(),
    });
    let mut text = serde_json::to_string_pretty(&all).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(all(test, feature = "schema"))]
mod tests {
    /// The committed requests schema must match the code (regenerate as for the plan schema).
    #[test]
    fn committed_requests_schema_matches_the_code() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/requests.schema.json");
        let generated = super::requests_schema_json();
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == generated,
            "core/schema/requests.schema.json is stale: run UPDATE_SCHEMA=1 cargo test -p onpace schema"
        );
    }

    /// The committed results schema must match the code (regenerate as for the plan schema).
    #[test]
    fn committed_results_schema_matches_the_code() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/results.schema.json");
        let generated = super::results_schema_json();
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == generated,
            "core/schema/results.schema.json is stale: run UPDATE_SCHEMA=1 cargo test -p onpace schema"
        );
    }

    /// The committed schema must match the code. Regenerate with
    /// `UPDATE_SCHEMA=1 cargo test -p onpace schema`.
    #[test]
    fn committed_schema_matches_the_code() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/plan.schema.json");
        let generated = super::plan_schema_json();
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == generated,
            "core/schema/plan.schema.json is stale: run UPDATE_SCHEMA=1 cargo test -p onpace schema"
        );
    }
}
