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

#[cfg(all(test, feature = "schema"))]
mod tests {
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
