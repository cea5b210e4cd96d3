//! The JSON Schemas generated from the types: the plan file format, and the results and
//! requests the bindings exchange with the core (core/schema/, each kept identical to the code
//! by a test; the bindings generate or check their own types against them).
//!
//! Without the `schema` feature (the WebAssembly build, where the generator would cost size)
//! the committed plan schema is served instead.

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

/// Root schemas by type name, as pretty JSON text with a trailing newline.
#[cfg(feature = "schema")]
fn by_name(schemas: &[(&str, schemars::Schema)]) -> String {
    let all: serde_json::Map<String, serde_json::Value> =
        schemas.iter().map(|(name, schema)| ((*name).to_string(), schema.clone().to_value())).collect();
    let mut text = serde_json::to_string_pretty(&all).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schemas of the results the bindings return, as they serialize (decimals as
/// strings), by type name: pretty JSON text with a trailing newline. The bindings check their
/// own result types against it (Python: tests/test_result_fields.py); committed as
/// core/schema/results.schema.json.
#[cfg(feature = "schema")]
pub fn results_schema_json() -> String {
    fn one<T: schemars::JsonSchema>() -> schemars::Schema {
        schemars::generate::SchemaSettings::draft2020_12().for_serialize().into_generator().into_root_schema_for::<T>()
    }
    by_name(&[
        ("Assessment", one::<crate::Assessment>()),
        ("UsedInputs", one::<crate::UsedInputs>()),
        ("Warning", one::<crate::Warning>()),
        ("Milestone", one::<crate::Milestone>()),
        ("Progress", one::<crate::Progress>()),
        ("Projection", one::<crate::Projection>()),
        ("Summary", one::<crate::Summary>()),
        ("StatusCount", one::<crate::StatusCount>()),
        ("WhatIf", one::<crate::WhatIf>()),
        ("Decomposition", one::<crate::Decomposition>()),
        ("DecompositionRow", one::<crate::DecompositionRow>()),
    ])
}

/// The JSON Schemas of the requests the bindings send (`onpace::api`), as the core reads them,
/// by type name: pretty JSON text with a trailing newline; committed as
/// core/schema/requests.schema.json, the source of the JS package's generated request types.
#[cfg(feature = "schema")]
pub fn requests_schema_json() -> String {
    fn one<T: schemars::JsonSchema>() -> schemars::Schema {
        schemars::generate::SchemaSettings::draft2020_12()
            .for_deserialize()
            .into_generator()
            .into_root_schema_for::<T>()
    }
    by_name(&[
        ("AssessRequest", one::<crate::api::AssessRequest>()),
        ("EvaluateRequest", one::<crate::api::EvaluateRequest>()),
        ("ProjectRequest", one::<crate::api::ProjectRequest>()),
        ("PathRequest", one::<crate::api::PathRequest>()),
        ("WhatIfRequest", one::<crate::api::WhatIfRequest>()),
        ("NumeratorRequest", one::<crate::api::NumeratorRequest>()),
        ("ProgressRequest", one::<crate::api::ProgressRequest>()),
        ("RequiredPathRequest", one::<crate::api::RequiredPathRequest>()),
        ("ProjectPointsRequest", one::<crate::api::ProjectPointsRequest>()),
        ("ProjectsRequest", one::<crate::api::ProjectsRequest>()),
    ])
}

/// Test helper: `core/schema/<file>` must be `generated` (with `UPDATE_SCHEMA` set, it is
/// written first). Regenerate every committed file with `UPDATE_SCHEMA=1 cargo test -p onpace`.
#[cfg(test)]
pub(crate) fn assert_committed(file: &str, generated: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema").join(file);
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(committed == generated, "core/schema/{file} is stale: run UPDATE_SCHEMA=1 cargo test -p onpace");
}

#[cfg(all(test, feature = "schema"))]
mod tests {
    /// The committed schemas must match the code.
    #[test]
    fn committed_schemas_match_the_code() {
        super::assert_committed("plan.schema.json", &super::plan_schema_json());
        super::assert_committed("results.schema.json", &super::results_schema_json());
        super::assert_committed("requests.schema.json", &super::requests_schema_json());
    }
}
